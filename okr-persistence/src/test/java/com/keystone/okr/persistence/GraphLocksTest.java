package com.keystone.okr.persistence;

import static com.keystone.okr.persistence.TestData.measuredKpi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two writers close a loop together (A aligns O1 to O2 while B aligns O2 to O1; the same with KPI
 * ratios): each alone passes the domain's loop check against the graph as it was. With the graph
 * lock taken before the graph is read, the second writer waits for the first, reads its edit and
 * is refused; no loop is ever stored.
 */
class GraphLocksTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentAlignmentsNeverStoreALoop(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
                OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
                new ObjectiveRepository(em).add(new Objective(q4, "O-1", "one", sales));
                new ObjectiveRepository(em).add(new Objective(q4, "O-2", "two", sales));
            });
            InvalidInputException refused = race(db,
                    em -> {
                        new GraphLocks(em).lockCascade(q4(em));
                        objective(em, "O-1").alignTo(objective(em, "O-2"));
                    },
                    em -> {
                        new GraphLocks(em).lockCascade(q4(em));
                        objective(em, "O-2").alignTo(objective(em, "O-1"));
                    });
            assertEquals("parent_objective_key", refused.getField(), refused.getMessage());
            assertEquals("O-2", db.inTransaction(em -> objective(em, "O-1").getParent().getKey()));
            assertNull(db.inTransaction(em -> objective(em, "O-2").getParent()), "no loop stored");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentKpiReferencesNeverStoreALoop(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                OrgUnit acme = new OrgUnitRepository(em).ensurePath("Acme");
                for (String key : new String[] {"K1", "K2", "K3"}) {
                    new KpiRepository(em).add(measuredKpi(key, acme));
                }
            });
            InvalidInputException refused = race(db,
                    em -> {
                        new GraphLocks(em).lockKpiGraph();
                        kpi(em, "K3").ratioOf(kpi(em, "K1"), kpi(em, "K2"));
                    },
                    em -> {
                        new GraphLocks(em).lockKpiGraph();
                        kpi(em, "K1").ratioOf(kpi(em, "K3"), kpi(em, "K2"));
                    });
            assertTrue(refused.getMessage() != null && !refused.getMessage().isBlank());
            assertEquals("K1", db.inTransaction(em -> kpi(em, "K3").getNumerator().getKey()));
            assertNull(db.inTransaction(em -> kpi(em, "K1").getNumerator()), "no loop stored");
        }
    }

    /**
     * Runs {@code first} and, while it holds its lock and before it commits, {@code second}; the
     * first commits after a pause long enough for the second to have read the graph were it not
     * waiting. Answers the second's refusal (fails if the second went through).
     */
    private static InvalidInputException race(TestDatabase db, Consumer<EntityManager> first,
                                              Consumer<EntityManager> second) throws Exception {
        CountDownLatch firstHasEdited = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> db.run(em -> {
                first.accept(em);
                em.flush();
                firstHasEdited.countDown();
                sleep(400);
            }));
            Future<Throwable> b = pool.submit(() -> {
                assertTrue(firstHasEdited.await(30, TimeUnit.SECONDS));
                try {
                    db.run(second);
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            a.get(60, TimeUnit.SECONDS);
            Throwable outcome = b.get(60, TimeUnit.SECONDS);
            for (Throwable t = outcome; t != null; t = t.getCause()) {
                if (t instanceof InvalidInputException e) {
                    return e;
                }
            }
            throw new AssertionError("the second writer was not refused: " + outcome, outcome);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Cycle q4(EntityManager em) {
        return new CycleRepository(em).findByName("2026-Q4").orElseThrow();
    }

    private static Objective objective(EntityManager em, String key) {
        return new ObjectiveRepository(em).findByKey(q4(em), key).orElseThrow();
    }

    private static Kpi kpi(EntityManager em, String key) {
        return new KpiRepository(em).findByKey(key).orElseThrow();
    }
}
