package com.keystone.okr.persistence;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.audit.AuditRepository;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.RollbackException;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Two people editing the same thing: the second save of a stale copy fails instead of silently overwriting. */
class OptimisticLockingTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    /** Acme/Sales, alice, 2026-Q4 with objective O-1 and key result KR-1, KPI leads with a value for Oct 1. */
    private static void company(TestDatabase db) {
        db.run(em -> {
            OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
            new PersonRepository(em).add(new Person("alice", "Alice"));
            Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
            Objective o = new ObjectiveRepository(em).add(new Objective(q4, "O-1", "grow", sales));
            new KeyResultRepository(em).add(numericKr(o, "KR-1"));
            Kpi leads = new KpiRepository(em).add(measuredKpi("leads", sales));
            new MeasurementRepository(em).record(leads, OCT_1, n("10"), T0, "alice");
        });
    }

    private static Objective objective(EntityManager em) {
        return new ObjectiveRepository(em).findByKey(new CycleRepository(em).findByName("2026-Q4").orElseThrow(), "O-1")
                .orElseThrow();
    }

    /**
     * Loads the same objective in two entity managers, commits {@code first}'s change, then tries {@code second}'s
     * change on the now stale copy; returns what the second commit threw.
     */
    private static RuntimeException staleCommit(TestDatabase db, Consumer<Objective> first, Consumer<Objective> second) {
        EntityManager em1 = db.emf().createEntityManager();
        EntityManager em2 = db.emf().createEntityManager();
        try {
            em1.getTransaction().begin();
            Objective stale = objective(em1);
            em2.getTransaction().begin();
            first.accept(objective(em2));
            em2.getTransaction().commit();

            second.accept(stale);
            return assertThrows(RuntimeException.class, () -> em1.getTransaction().commit());
        } finally {
            if (em1.getTransaction().isActive()) {
                em1.getTransaction().rollback();
            }
            em1.close();
            em2.close();
        }
    }

    private static boolean isOptimisticLockFailure(Throwable e) {
        return e instanceof OptimisticLockException
                || e instanceof RollbackException && e.getCause() instanceof OptimisticLockException;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theVersionIncrementsOnEachCommittedUpdateOfEveryVersionedEntity(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);
            db.run(em -> {
                assertEquals(0, objective(em).getVersion());
                objective(em).retitle("grow faster");
                new OrgUnitRepository(em).findByPath("Acme/Sales").orElseThrow().archive();
                new PersonRepository(em).findByUsername("alice").orElseThrow().rename("Alice L.");
                new CycleRepository(em).findByName("2026-Q4").orElseThrow().activate();
                new KpiRepository(em).findByKey("leads").orElseThrow().describeUnitOfMeasure("leads");
                new MeasurementRepository(em).record(new KpiRepository(em).findByKey("leads").orElseThrow(), OCT_1, n("11"),
                        T0.plusSeconds(60), "alice");
            });
            db.run(em -> objective(em).retitle("grow even faster"));

            db.run(em -> {
                assertEquals(2, objective(em).getVersion());
                assertEquals(1, new OrgUnitRepository(em).findByPath("Acme/Sales").orElseThrow().getVersion());
                assertEquals(1, new PersonRepository(em).findByUsername("alice").orElseThrow().getVersion());
                assertEquals(1, new CycleRepository(em).findByName("2026-Q4").orElseThrow().getVersion());
                Kpi leads = new KpiRepository(em).findByKey("leads").orElseThrow();
                assertEquals(1, leads.getVersion());
                assertEquals(1, new MeasurementRepository(em).find(leads, OCT_1).orElseThrow().getVersion());
                KeyResult kr = new KeyResultRepository(em).findByKey(objective(em).getCycle(), "KR-1").orElseThrow();
                assertEquals(0, kr.getVersion(), "an entity that did not change keeps its version");
                assertEquals(0, new OrgUnitRepository(em).findRoot().orElseThrow().getVersion());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStaleUpdateFromASecondEntityManagerFailsAtCommitAndTheFirstSaveStays(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            RuntimeException e = staleCommit(db, o -> o.retitle("title by bob"), o -> o.retitle("title by carol"));

            assertTrue(isOptimisticLockFailure(e), () -> "not an optimistic lock failure: " + e);
            db.run(em -> {
                assertEquals("title by bob", objective(em).getTitle());
                assertEquals(1, objective(em).getVersion());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStaleUpdateOfAnotherFieldFailsTooSoNoChangeIsLostSilently(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            RuntimeException e = staleCommit(db, o -> o.reweigh(n("3")), o -> o.describe("carol's description"));

            assertTrue(isOptimisticLockFailure(e), () -> "not an optimistic lock failure: " + e);
            db.run(em -> {
                assertEquals(0, n("3").compareTo(objective(em).getWeight()));
                assertNull(objective(em).getDescription());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aStaleFlushThrowsOptimisticLockException(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);
            EntityManager em1 = db.emf().createEntityManager();
            try {
                em1.getTransaction().begin();
                Kpi stale = new KpiRepository(em1).findByKey("leads").orElseThrow();
                db.run(em2 -> new KpiRepository(em2).findByKey("leads").orElseThrow().describeUnitOfMeasure("calls"));

                stale.describeUnitOfMeasure("leads");
                PersistenceException e = assertThrows(PersistenceException.class, em1::flush);

                assertTrue(e instanceof OptimisticLockException, () -> "not an OptimisticLockException: " + e);
                assertTrue(em1.getTransaction().getRollbackOnly());
            } finally {
                em1.getTransaction().rollback();
                em1.close();
            }
            db.run(em -> assertEquals("calls", new KpiRepository(em).findByKey("leads").orElseThrow().getUnitOfMeasure()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoPeopleReplacingTheSameMeasurementAtOnceCannotBothWin(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);
            EntityManager em1 = db.emf().createEntityManager();
            try {
                em1.getTransaction().begin();
                MeasurementRepository first = new MeasurementRepository(em1);
                Kpi leads = new KpiRepository(em1).findByKey("leads").orElseThrow();
                first.find(leads, OCT_1).orElseThrow(); // read before the other one's save

                db.run(em2 -> new MeasurementRepository(em2).record(new KpiRepository(em2).findByKey("leads").orElseThrow(),
                        OCT_1, n("12"), T0.plusSeconds(60), "bob"));

                first.record(leads, OCT_1, n("13"), T0.plusSeconds(120), "carol");
                RuntimeException e = assertThrows(RuntimeException.class, () -> em1.getTransaction().commit());
                assertTrue(isOptimisticLockFailure(e), () -> "not an optimistic lock failure: " + e);
            } finally {
                if (em1.getTransaction().isActive()) {
                    em1.getTransaction().rollback();
                }
                em1.close();
            }
            db.run(em -> {
                Kpi leads = new KpiRepository(em).findByKey("leads").orElseThrow();
                assertTrue(n("12").compareTo(new MeasurementRepository(em).find(leads, OCT_1).orElseThrow().getValue()) == 0);
                assertFalse(new AuditRepository(em).matching("KPI", null, null, "leads@", 1000).stream()
                        .anyMatch(a -> "carol".equals(a.getActor())), "the failed replacement left no audit entry");
            });
        }
    }
}
