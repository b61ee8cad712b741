package com.keystone.okr.persistence;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.unit.OrgUnit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * Serializes the edits of the two graphs whose loops the domain refuses: the cascade of a cycle
 * (objectives aligned to objectives) and the KPI references (children, numerators,
 * denominators). Two concurrent edits could each pass the loop check against the graph as it was
 * before the other, and together store a loop. A writer takes the graph's lock (a row lock, so
 * every instance on the database shares it) before it reads anything of the graph: the second
 * writer waits, then reads the first one's committed edit and refuses the loop. Locks last until
 * the transaction ends.
 */
@ApplicationScoped
public class GraphLocks {

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public GraphLocks() {
        // for CDI
    }

    public GraphLocks(EntityManager em) {
        this.em = em;
    }

    /** The cascade of one cycle: its row. A cycle not stored yet has no cascade to race on. */
    public void lockCascade(Cycle cycle) {
        if (cycle.getId() != null) {
            em.lock(cycle, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** The cascades of every cycle (an import may align objectives in several), in id order. */
    public void lockAllCascades() {
        em.createQuery("select c from Cycle c order by c.id", Cycle.class).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /**
     * The KPI references of the company: the company's (root unit's) row. Before there is a
     * company there is no KPI to reference either.
     */
    public void lockKpiGraph() {
        em.createQuery("select u from OrgUnit u where u.parent is null", OrgUnit.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }
}
