package com.keystone.okr.persistence.journal;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The change journal behind the live model: every committed write of a row a report reads moves
 * the version on by exactly one and names the rows it changed; reads, rolled-back writes and
 * writes of other rows (people) leave it alone; concurrent writers get one version each, in
 * commit order; and the loader reads just the changed rows back.
 */
class ChangeJournalTest {

    private static final LocalDate OCT_5 = LocalDate.of(2026, 10, 5);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyWriteAReportReadsMovesTheVersionByOneAndNamesItsRows(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            long start = version(db);
            db.run(em -> {
                Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
                OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
                Objective o = new ObjectiveRepository(em).add(new Objective(q4, "O-1", "grow", sales));
                new KeyResultRepository(em).add(numericKr(o, "KR-1"));
                new KpiRepository(em).add(measuredKpi("LEADS", sales));
                new KpiRepository(em).add(measuredKpi("CALLS", sales));
                new KpiRepository(em).add(measuredKpi("TOTAL", sales.getParent()));
            });
            assertEquals(start + 1, version(db), "one transaction, one version");
            Map<ChangeKind, Set<Long>> first = db.inTransaction(em -> new ChangeJournal(em).changes(start, start + 1));
            assertEquals(Set.of(ChangeKind.UNIT, ChangeKind.CYCLE, ChangeKind.OBJECTIVE, ChangeKind.KEY_RESULT,
                    ChangeKind.KPI), first.keySet());
            assertEquals(2, first.get(ChangeKind.UNIT).size(), "Acme and Acme/Sales");
            assertEquals(3, first.get(ChangeKind.KPI).size());

            record Change(ChangeKind kind, Function<EntityManager, Long> write) {
            }
            List<Change> changes = List.of(
                    new Change(ChangeKind.CHECK_IN, em -> new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n("3"), 7, null,
                            "bob", T0)).getId()),
                    new Change(ChangeKind.MEASUREMENT, em -> new MeasurementRepository(em).record(kpi(em, "LEADS"), OCT_5,
                            n("10"), T0, "bob").measurement().getId()),
                    new Change(ChangeKind.MEASUREMENT, em -> new MeasurementRepository(em).record(kpi(em, "LEADS"), OCT_5,
                            n("12"), T0, "bob").measurement().getId()),
                    new Change(ChangeKind.OBJECTIVE, em -> {
                        objective(em).retitle("grow faster");
                        return objective(em).getId();
                    }),
                    new Change(ChangeKind.KEY_RESULT, em -> {
                        kr(em).reweigh(n("2"));
                        return kr(em).getId();
                    }),
                    new Change(ChangeKind.KPI, em -> {
                        kpi(em, "TOTAL").rollUpFrom(UnitAggregation.SUM, List.of(kpi(em, "CALLS")));
                        return kpi(em, "TOTAL").getId();
                    }),
                    new Change(ChangeKind.UNIT, em -> {
                        OrgUnit u = new OrgUnitRepository(em).findByPath("Acme/Sales").orElseThrow();
                        u.rename("Revenue");
                        return u.getId();
                    }),
                    new Change(ChangeKind.CYCLE, em -> {
                        Cycle c = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
                        c.activate();
                        return c.getId();
                    }));
            for (Change change : changes) {
                long before = version(db);
                long id = db.inTransaction(change.write());
                assertEquals(before + 1, version(db), change.kind() + " moves the version by one");
                Map<ChangeKind, Set<Long>> named = db.inTransaction(em -> new ChangeJournal(em).changes(before, before + 1));
                assertTrue(named.getOrDefault(change.kind(), Set.of()).contains(id), change.kind() + " " + id + " in " + named);
            }

            long before = version(db);
            db.inTransaction(em -> new CycleSnapshotLoader(em).load(new CycleRepository(em).findByName("2026-Q4").orElseThrow()));
            db.run(em -> new PersonRepository(em).add(new Person("zoe", "Zoe")));
            assertEquals(before, version(db), "reads and people leave the version alone");

            var em = db.emf().createEntityManager();
            try {
                em.getTransaction().begin();
                new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n("4"), null, null, "bob", T0));
                em.flush();
                em.getTransaction().rollback();
            } finally {
                em.close();
            }
            assertEquals(before, version(db), "a rolled-back write leaves no version");
            assertEquals(0, ChangeCapture.pendingSessions(), "no session keeps pending changes");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theLoaderReadsBackJustTheChangedRowsOfTheCycle(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
                Cycle q3 = new CycleRepository(em).ensureQuarter("2026-Q3");
                OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
                new KeyResultRepository(em).add(numericKr(new ObjectiveRepository(em).add(new Objective(q4, "O-1", "grow", sales)),
                        "KR-1"));
                new KeyResultRepository(em).add(numericKr(new ObjectiveRepository(em).add(new Objective(q3, "P-1", "old", sales)),
                        "KR-9"));
                new KpiRepository(em).add(measuredKpi("LEADS", sales));
            });
            long before = version(db);
            db.run(em -> {
                new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n("3"), 7, null, "bob", T0));
                new MeasurementRepository(em).record(kpi(em, "LEADS"), OCT_5, n("10"), T0, "bob");
                new MeasurementRepository(em).record(kpi(em, "LEADS"), LocalDate.of(2026, 7, 1), n("1"), T0, "bob");
                Cycle q3 = new CycleRepository(em).findByName("2026-Q3").orElseThrow();
                KeyResult old = new KeyResultRepository(em).findByKey(q3, "KR-9").orElseThrow();
                new CheckInRepository(em).add(old.checkIn(LocalDate.of(2026, 8, 1), n("1"), null, null, "bob", T0));
            });
            CycleChanges changes = db.inTransaction(em -> new CycleSnapshotLoader(em).changes(
                    new CycleRepository(em).findByName("2026-Q4").orElseThrow(), new ChangeJournal(em).changes(before, version(em))));
            assertEquals(1, changes.checkIns().size(), "the Q3 check-in is not Q4's");
            assertEquals(OCT_5, changes.checkIns().get(0).effectiveDate());
            assertEquals(1, changes.measurements().size(), "the July measurement is outside Q4");
            assertEquals(n("10").compareTo(changes.measurements().get(0).value()), 0);
            assertTrue(changes.objectives().isEmpty() && changes.keyResults().isEmpty() && changes.kpis().isEmpty());
            assertEquals(null, changes.cycle());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void concurrentWritersGetOneVersionEachAndNoChangeIsLost(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new KeyResultRepository(em).add(numericKr(new ObjectiveRepository(em).add(new Objective(
                    new CycleRepository(em).ensureQuarter("2026-Q4"), "O-1", "grow",
                    new OrgUnitRepository(em).ensurePath("Acme/Sales"))), "KR-1")));
            long start = version(db);
            int writers = 4;
            int each = 15;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<List<Long>>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String value = writer + "." + i;
                        ids.add(db.inTransaction(em -> new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n(value), null,
                                null, "w" + writer, T0)).getId()));
                    }
                    return ids;
                }));
            }
            List<Long> written = new ArrayList<>();
            for (Future<List<Long>> f : done) {
                written.addAll(f.get());
            }
            pool.shutdown();
            assertEquals(start + writers * each, version(db), "one version per committed transaction");
            Map<ChangeKind, Set<Long>> named = db.inTransaction(em -> new ChangeJournal(em).changes(start, version(em)));
            assertEquals(Set.copyOf(written), named.get(ChangeKind.CHECK_IN), "every check-in is in the journal");
            for (long v = start + 1; v <= start + writers * each; v++) {
                long at = v;
                assertEquals(1, db.inTransaction(em -> new ChangeJournal(em).changes(at - 1, at)).get(ChangeKind.CHECK_IN).size(),
                        "version " + v + " holds one check-in");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pruningForgetsTheRowsOfOldVersionsAndSaysSoToAReaderThatNeedsThem(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new KeyResultRepository(em).add(numericKr(new ObjectiveRepository(em).add(new Objective(
                    new CycleRepository(em).ensureQuarter("2026-Q4"), "O-1", "grow",
                    new OrgUnitRepository(em).ensurePath("Acme/Sales"))), "KR-1")));
            long start = version(db);
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String value = String.valueOf(i);
                ids.add(db.inTransaction(em -> new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n(value), null, null,
                        "bob", T0)).getId()));
            }
            long now = version(db);
            assertEquals(start + 5, now);
            assertTrue(covers(db, 0), "nothing pruned yet");

            int deleted = db.inTransaction(em -> new ChangeJournal(em).prune(2));
            assertTrue(deleted >= 3, "the rows of every version but the last two go: " + deleted);
            assertEquals(now, version(db), "pruning is not a change");
            assertEquals(now - 2, (long) db.inTransaction(em -> new ChangeJournal(em).prunedThrough()));
            assertFalse(covers(db, start), "a reader at an old version must reload");
            assertTrue(covers(db, now - 2));
            assertEquals(Set.copyOf(ids.subList(3, 5)),
                    db.inTransaction(em -> new ChangeJournal(em).changes(now - 2, now)).get(ChangeKind.CHECK_IN),
                    "the kept versions still name their rows");
            assertEquals(0, (int) db.inTransaction(em -> new ChangeJournal(em).prune(2)), "pruning again changes nothing");
            assertEquals(now - 2, (long) db.inTransaction(em -> new ChangeJournal(em).prunedThrough()));

            db.inTransaction(em -> new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n("9"), null, null, "bob", T0)));
            assertEquals(now + 1, version(db), "versions go on after a prune");
        }
    }

    private static boolean covers(TestDatabase db, long after) {
        Boolean covers = db.inTransaction(em -> new ChangeJournal(em).covers(after));
        return covers;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aWholesaleWriteMovesTheVersionByOneNamesNoRowAndMakesEveryOlderModelReload(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new CycleRepository(em).ensureQuarter("2026-Q3"));
            long before = version(db);
            assertTrue(covers(db, before), "nothing pruned yet");

            db.run(em -> {
                new ChangeJournal(em).rewriteWholesale();
                Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
                OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
                new KeyResultRepository(em).add(numericKr(new ObjectiveRepository(em).add(new Objective(q4, "O-1", "grow",
                        sales)), "KR-1"));
            });

            long after = version(db);
            assertEquals(before + 1, after, "one transaction, one version");
            assertTrue(db.inTransaction(em -> new ChangeJournal(em).changes(before, after)).isEmpty(),
                    "no row is named one by one");
            assertFalse(covers(db, before),
                    "a model of the version before cannot catch up: it reloads");
            assertTrue(covers(db, after), "one loaded after it can");
            assertEquals(0, ChangeCapture.pendingSessions(), "no session keeps pending changes");

            db.run(em -> new KpiRepository(em).add(measuredKpi("LEADS", new OrgUnitRepository(em).findByPath("Acme/Sales")
                    .orElseThrow())));
            assertEquals(1, db.inTransaction(em -> new ChangeJournal(em).changes(after, after + 1)).get(ChangeKind.KPI).size(),
                    "the next ordinary write is journaled row by row again");
        }
    }

    private static long version(TestDatabase db) {
        return db.inTransaction(ChangeJournalTest::version);
    }

    private static long version(EntityManager em) {
        return new ChangeJournal(em).version();
    }

    private static Objective objective(EntityManager em) {
        return new ObjectiveRepository(em).findByKey(new CycleRepository(em).findByName("2026-Q4").orElseThrow(), "O-1")
                .orElseThrow();
    }

    private static KeyResult kr(EntityManager em) {
        return new KeyResultRepository(em).findByKey(new CycleRepository(em).findByName("2026-Q4").orElseThrow(), "KR-1")
                .orElseThrow();
    }

    private static Kpi kpi(EntityManager em, String key) {
        return new KpiRepository(em).findByKey(key).orElseThrow();
    }
}
