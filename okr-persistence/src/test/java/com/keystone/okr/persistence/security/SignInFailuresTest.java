package com.keystone.okr.persistence.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.security.SignInFailures.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failed sign-ins counted in the database, as every instance of a cluster sees them. */
class SignInFailuresTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void failuresCountUpLockWhenToldAndAreForgottenAfterAnHourOrOnRequest(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            for (int i = 1; i <= 3; i++) {
                Instant at = T0.plusSeconds(i);
                Record r = db.inTransaction(em -> new SignInFailures(em).countFailure("account:alice", at, HOUR,
                        n -> n >= 3 ? at.plusSeconds(30) : null));
                assertEquals(i, r.failures());
            }
            Record locked = db.inTransaction(em -> new SignInFailures(em).find("account:alice")).orElseThrow();
            assertEquals(3, locked.failures());
            assertEquals(T0.plusSeconds(33), locked.lockedUntil());
            assertTrue(locked.lockedAt(T0.plusSeconds(32)));
            assertFalse(locked.lockedAt(T0.plusSeconds(33)));

            // a failure that locks nothing never shortens a lock
            Record still = db.inTransaction(em -> new SignInFailures(em).countFailure("account:alice", T0.plusSeconds(10),
                    HOUR, n -> null));
            assertEquals(T0.plusSeconds(33), still.lockedUntil());

            // an hour later the count starts again
            Record fresh = db.inTransaction(em -> new SignInFailures(em).countFailure("account:alice",
                    T0.plus(Duration.ofHours(2)), HOUR, n -> null));
            assertEquals(1, fresh.failures());
            assertNull(fresh.lockedUntil());

            db.run(em -> new SignInFailures(em).forget("account:alice"));
            assertTrue(db.inTransaction(em -> new SignInFailures(em).find("account:alice")).isEmpty());

            db.inTransaction(em -> new SignInFailures(em).countFailure("address:10.0.0.1", T0, HOUR, n -> null));
            db.inTransaction(em -> new SignInFailures(em).countFailure("address:10.0.0.2", T0.plus(Duration.ofDays(2)), HOUR,
                    n -> null));
            int gone = db.inTransaction(em -> new SignInFailures(em).forgetOlderThan(T0.plus(Duration.ofDays(1))));
            assertEquals(1, gone);
            assertTrue(db.inTransaction(em -> new SignInFailures(em).find("address:10.0.0.1")).isEmpty());
            assertTrue(db.inTransaction(em -> new SignInFailures(em).find("address:10.0.0.2")).isPresent());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentFailuresOfOneKeyAllCount(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.inTransaction(em -> new SignInFailures(em).countFailure("account:bob", T0, HOUR, n -> null));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        db.inTransaction(em -> new SignInFailures(em).countFailure("account:bob", T0.plusSeconds(1), HOUR,
                                n -> null));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
            assertEquals(21, db.inTransaction(em -> new SignInFailures(em).find("account:bob")).orElseThrow().failures(),
                    "the row is locked while counted: no failure is lost");
        }
    }
}
