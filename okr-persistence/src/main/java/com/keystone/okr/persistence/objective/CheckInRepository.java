package com.keystone.okr.persistence.objective;

import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The append-only check-ins: added and read, never updated or deleted. */
@ApplicationScoped
public class CheckInRepository extends Repository<CheckIn> {

    public CheckInRepository() {
        super(CheckIn.class);
    }

    public CheckInRepository(EntityManager em) {
        super(CheckIn.class, em);
    }

    /** A key result's check-ins, oldest first (by effective date, then order of recording). */
    public List<CheckIn> history(KeyResult kr) {
        return em.createQuery("select c from CheckIn c where c.keyResult = :k "
                        + "order by c.effectiveDate, c.recordedAt, c.id", CheckIn.class)
                .setParameter("k", kr).getResultList();
    }

    /** The check-in that counts as of a day (R1): latest effective date, then later recorded, then later id. */
    public Optional<CheckIn> latest(KeyResult kr, LocalDate asOf) {
        return first(em.createQuery("select c from CheckIn c where c.keyResult = :k and c.effectiveDate <= :d "
                        + "order by c.effectiveDate desc, c.recordedAt desc, c.id desc", CheckIn.class)
                .setParameter("k", kr).setParameter("d", asOf).setMaxResults(1).getResultList());
    }
}
