package com.keystone.okr.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * What every repository shares: the container's entity manager (or, in tests, one handed in)
 * and the plain add/find operations. Repositories join the caller's transaction; they never
 * open one.
 */
public abstract class Repository<T> {

    @PersistenceContext(unitName = "okr")
    protected EntityManager em;

    private final Class<T> type;

    protected Repository(Class<T> type) {
        this.type = type;
    }

    protected Repository(Class<T> type, EntityManager em) {
        this.type = type;
        this.em = em;
    }

    public T add(T entity) {
        em.persist(entity);
        return entity;
    }

    public Optional<T> findById(long id) {
        return Optional.ofNullable(em.find(type, id));
    }

    public long count() {
        return em.createQuery("select count(e) from " + type.getSimpleName() + " e", Long.class).getSingleResult();
    }

    protected static <R> Optional<R> first(List<R> results) {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0));
    }

    /** Escapes {@code %}, {@code _} and {@code \} for a LIKE pattern used with {@code escape '\'}. */
    protected static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
