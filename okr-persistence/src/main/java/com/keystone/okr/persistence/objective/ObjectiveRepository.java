package com.keystone.okr.persistence.objective;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Objectives of a cycle, by key, unit or place in the cascade. */
@ApplicationScoped
public class ObjectiveRepository extends Repository<Objective> {

    public ObjectiveRepository() {
        super(Objective.class);
    }

    public ObjectiveRepository(EntityManager em) {
        super(Objective.class, em);
    }

    @Override
    public Objective add(Objective objective) {
        if (findByKey(objective.getCycle(), objective.getKey()).isPresent()) {
            throw new InvalidInputException("objective_key", text("objective.exists", objective.getCycle().getName(), objective.getKey()));
        }
        return super.add(objective);
    }

    public Optional<Objective> findByKey(Cycle cycle, String key) {
        return first(em.createQuery("select o from Objective o where o.cycle = :c and o.key = :k", Objective.class)
                .setParameter("c", cycle).setParameter("k", key).getResultList());
    }

    /** The cycle's objectives with their units, in unit path then key order. */
    public List<Objective> ofCycle(Cycle cycle) {
        return em.createQuery("select o from Objective o join fetch o.unit u where o.cycle = :c order by u.path, o.key",
                        Objective.class)
                .setParameter("c", cycle).getResultList();
    }

    public List<Objective> ofUnit(Cycle cycle, OrgUnit unit) {
        return em.createQuery("select o from Objective o where o.cycle = :c and o.unit = :u order by o.key", Objective.class)
                .setParameter("c", cycle).setParameter("u", unit).getResultList();
    }

    /** The objectives aligned to this one (its children in the cascade). */
    public List<Objective> alignedTo(Objective parent) {
        return em.createQuery("select o from Objective o join fetch o.unit where o.parent = :p order by o.key", Objective.class)
                .setParameter("p", parent).getResultList();
    }
}
