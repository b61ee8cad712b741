package com.keystone.okr.persistence.objective;

import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The check-ins of several key results (one objective's) in one query, oldest first within
     * each key result, by key result id.
     */
    public Map<Long, List<CheckIn>> historyOf(Collection<KeyResult> krs) {
        Map<Long, List<CheckIn>> byKeyResult = new HashMap<>();
        if (krs.isEmpty()) {
            return byKeyResult;
        }
        for (CheckIn c : em.createQuery("select c from CheckIn c where c.keyResult in :ks "
                        + "order by c.effectiveDate, c.recordedAt, c.id", CheckIn.class)
                .setParameter("ks", krs).getResultList()) {
            byKeyResult.computeIfAbsent(c.getKeyResult().getId(), k -> new ArrayList<>()).add(c);
        }
        return byKeyResult;
    }

    /** The check-in that counts as of a day (R1): latest effective date, then later recorded, then later id. */
    public Optional<CheckIn> latest(KeyResult kr, LocalDate asOf) {
        return first(em.createQuery("select c from CheckIn c where c.keyResult = :k and c.effectiveDate <= :d "
                        + "order by c.effectiveDate desc, c.recordedAt desc, c.id desc", CheckIn.class)
                .setParameter("k", kr).setParameter("d", asOf).setMaxResults(1).getResultList());
    }
}
