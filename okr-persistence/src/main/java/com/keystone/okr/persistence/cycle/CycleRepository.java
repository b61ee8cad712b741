package com.keystone.okr.persistence.cycle;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Cycles by name and date. */
@ApplicationScoped
public class CycleRepository extends Repository<Cycle> {

    public CycleRepository() {
        super(Cycle.class);
    }

    public CycleRepository(EntityManager em) {
        super(Cycle.class, em);
    }

    @Override
    public Cycle add(Cycle cycle) {
        if (findByName(cycle.getName()).isPresent()) {
            throw new InvalidInputException("cycle", text("cycle.exists", cycle.getName()));
        }
        return super.add(cycle);
    }

    public Optional<Cycle> findByName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return first(em.createQuery("select c from Cycle c where c.name = :n", Cycle.class)
                .setParameter("n", name.strip()).getResultList());
    }

    /** Finds a quarter by name, creating it (in planning) when missing; other names must exist. */
    public Cycle ensureQuarter(String name) {
        return findByName(name).orElseGet(() -> {
            if (!Cycle.isQuarterName(name)) {
                throw new InvalidInputException("cycle", text("cycle.unknown", name));
            }
            return super.add(Cycle.quarter(name));
        });
    }

    /** All cycles, newest first. */
    public List<Cycle> all() {
        return em.createQuery("select c from Cycle c order by c.startDate desc, c.name", Cycle.class).getResultList();
    }

    /** The active cycle that contains the day, else the latest active one, else none. */
    public Optional<Cycle> current(LocalDate day) {
        List<Cycle> active = em.createQuery("select c from Cycle c where c.state = :s order by c.startDate desc", Cycle.class)
                .setParameter("s", CycleState.ACTIVE).getResultList();
        return active.stream().filter(c -> c.contains(day)).findFirst().or(() -> first(active));
    }
}
