package com.keystone.okr.web.imports;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Set-based reads for the imports: every lookup an import needs is loaded before the first row is
 * applied, in a few queries, so that no query runs per row and none runs after an entity was
 * changed (a query would make Hibernate flush first).
 */
final class Preload {

    /** Parameters per {@code in (...)} list: far below PostgreSQL's limit of 32767 bind parameters. */
    static final int CHUNK = 1000;

    private Preload() {
    }

    /** Runs {@code query} over {@code values} in chunks and concatenates the results. */
    static <V, R> List<R> inChunks(Collection<V> values, Function<List<V>, List<R>> query) {
        List<V> all = new ArrayList<>(values);
        List<R> results = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            results.addAll(query.apply(all.subList(from, Math.min(all.size(), from + CHUNK))));
        }
        return results;
    }

    /** The database id of an entity or of an uninitialised proxy, without loading it; null for none. */
    static Object idOf(EntityManager em, Object entity) {
        return entity == null ? null : em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(entity);
    }
}
