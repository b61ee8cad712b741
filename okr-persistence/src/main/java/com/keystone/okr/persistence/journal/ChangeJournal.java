package com.keystone.okr.persistence.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Reads the change journal that {@link ChangeCapture} writes: the version of the data (one read
 * of one row by its key, whatever the size of the company) and what changed between two versions.
 * Any instance sharing the database sees another's committed write in the version at once.
 */
@ApplicationScoped
public class ChangeJournal {

    static final String TICK = "update model_clock set version = version + 1 where id = 1";
    static final String VERSION = "select version from model_clock where id = 1";
    static final String PRUNED_THROUGH = "select pruned_through from model_clock where id = 1";
    /** After a wholesale write: no version up to this one is named row by row any more. */
    static final String FORGET_ALL = "update model_clock set pruned_through = version where id = 1";

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public ChangeJournal() {
        // for CDI
    }

    public ChangeJournal(EntityManager em) {
        this.em = em;
    }

    /** The version of the data now: it grows by one with every committed write of a row a report reads. */
    public long version() {
        return ((Number) em.createNativeQuery(VERSION).getSingleResult()).longValue();
    }

    /**
     * Whether the journal still names every change after version {@code after}. Ask after reading
     * {@link #changes}: a prune that committed before that read is seen here, so a "yes" means the
     * changes read were complete.
     */
    public boolean covers(long after) {
        return prunedThrough() <= after;
    }

    /** The last version whose changed rows were pruned (0: none). */
    public long prunedThrough() {
        return ((Number) em.createNativeQuery(PRUNED_THROUGH).getSingleResult()).longValue();
    }

    /**
     * Forgets the changed rows of every version but the last {@code keep}, in the caller's
     * transaction: the rows go and the clock notes the version they went through, together, so a
     * reader sees either the rows or the note. The clock's row is locked only at the end, so
     * writers wait for the commit of the prune, not for its delete.
     *
     * @return how many rows were deleted
     */
    public int prune(long keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep must not be negative: " + keep);
        }
        long through = version() - keep;
        if (through <= prunedThrough()) {
            return 0;
        }
        int deleted = em.createNativeQuery("delete from change_item where version <= ?1").setParameter(1, through)
                .executeUpdate();
        em.createNativeQuery("update model_clock set pruned_through = ?1 where id = 1 and pruned_through < ?2")
                .setParameter(1, through).setParameter(2, through).executeUpdate();
        return deleted;
    }

    /**
     * Declares the caller's running transaction a wholesale write of the company (a restore): its
     * rows are not journaled one by one, and when it commits every live model older than it reloads
     * its cycle whole, on every instance (see {@link ChangeCapture#markWholesale}).
     */
    public void rewriteWholesale() {
        ChangeCapture.markWholesale(em.unwrap(SessionImplementor.class));
    }

    /** The ids of the rows changed by the versions in {@code (after, upTo]}, by kind (see {@link #covers}). */
    public Map<ChangeKind, Set<Long>> changes(long after, long upTo) {
        Map<ChangeKind, Set<Long>> changes = new EnumMap<>(ChangeKind.class);
        if (upTo <= after) {
            return changes;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select kind, entity_id from change_item where version > ?1 and version <= ?2")
                .setParameter(1, after).setParameter(2, upTo).getResultList();
        for (Object[] r : rows) {
            changes.computeIfAbsent(ChangeKind.valueOf((String) r[0]), k -> new LinkedHashSet<>())
                    .add(((Number) r[1]).longValue());
        }
        return changes;
    }
}
