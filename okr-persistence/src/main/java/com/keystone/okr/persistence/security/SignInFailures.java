package com.keystone.okr.persistence.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The failed sign-ins of each throttle key ({@code account:NAME}, {@code address:IP}) in the
 * database, so that every instance of a cluster counts the same attempts. Each call works in the
 * caller's transaction.
 */
@ApplicationScoped
public class SignInFailures {

    /** One key's record: failures in a row, the last one, and the end of its lock (null: not locked). */
    public record Record(String key, int failures, Instant lastFailure, Instant lockedUntil) {

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    public SignInFailures() {
        // for CDI
    }

    public SignInFailures(EntityManager em) {
        this.em = em;
    }

    public Optional<Record> find(String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select throttle_key, failures, last_failure, locked_until from sign_in_throttle where throttle_key = ?1")
                .setParameter(1, key).getResultList();
        return rows.stream().findFirst().map(SignInFailures::record);
    }

    /**
     * Counts one more failure of {@code key} at {@code now} (a count older than {@code forgetAfter}
     * starts again at one) and locks the key until {@code lockUntil(failures)} when that is not null;
     * the row is locked while it is counted, so concurrent failures on two instances both count.
     *
     * @return the record as stored
     */
    public Record countFailure(String key, Instant now, Duration forgetAfter,
                               IntFunction<Instant> lockUntil) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select throttle_key, failures, last_failure, locked_until "
                        + "from sign_in_throttle where throttle_key = ?1 for update")
                .setParameter(1, key).getResultList();
        Optional<Record> before = rows.stream().findFirst().map(SignInFailures::record);
        int failures = before.filter(r -> r.lastFailure().plus(forgetAfter).isAfter(now)).map(r -> r.failures() + 1).orElse(1);
        Instant until = lockUntil.apply(failures);
        if (until == null && before.isPresent() && before.get().lockedAt(now)) {
            until = before.get().lockedUntil(); // a failure never shortens a lock
        }
        if (before.isPresent()) {
            em.createNativeQuery("update sign_in_throttle set failures = ?1, last_failure = ?2, locked_until = ?3 "
                            + "where throttle_key = ?4")
                    .setParameter(1, failures).setParameter(2, Timestamp.from(now))
                    .setParameter(3, until == null ? null : Timestamp.from(until)).setParameter(4, key).executeUpdate();
        } else {
            em.createNativeQuery("insert into sign_in_throttle (throttle_key, failures, last_failure, locked_until) "
                            + "values (?1, ?2, ?3, ?4)")
                    .setParameter(1, key).setParameter(2, failures).setParameter(3, Timestamp.from(now))
                    .setParameter(4, until == null ? null : Timestamp.from(until)).executeUpdate();
        }
        return new Record(key, failures, now, until);
    }

    /** Forgets a key's failures (a successful sign-in of the account). */
    public void forget(String key) {
        em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1").setParameter(1, key).executeUpdate();
    }

    /** Forgets every key whose last failure is older than {@code before} and which is not locked any more. */
    public int forgetOlderThan(Instant before) {
        return em.createNativeQuery("delete from sign_in_throttle where last_failure < ?1 "
                        + "and (locked_until is null or locked_until < ?2)")
                .setParameter(1, Timestamp.from(before)).setParameter(2, Timestamp.from(before)).executeUpdate();
    }

    private static Record record(Object[] r) {
        return new Record((String) r[0], ((Number) r[1]).intValue(), instant(r[2]), instant(r[3]));
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + o.getClass());
    }
}
