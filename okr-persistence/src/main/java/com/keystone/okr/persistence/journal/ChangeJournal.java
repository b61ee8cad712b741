package com.keystone.okr.persistence.journal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the change journal that {@link ChangeCapture} writes: the version of the data (one read
 * of one row by its key, whatever the size of the company) and what changed between two versions.
 * Any instance sharing the database sees another's committed write in the version at once.
 */
@ApplicationScoped
public class ChangeJournal {

    static final String TICK = "update model_clock set version = version + 1 where id = 1";
    static final String VERSION = "select version from model_clock where id = 1";

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

    /** The ids of the rows changed by the versions in {@code (after, upTo]}, by kind. */
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
