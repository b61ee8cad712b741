package com.keystone.okr.web.report;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.LiveCycle;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.objective.GradedSubject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two instances on one database, each with its own persistence unit and live model of the cycle,
 * fed from the change journal: random writes go through either instance (check-ins, back-dated
 * ones too, measurements that replace others, weights, targets, alignments, KPI children, new
 * objectives, and at the end a cycle close with its frozen grades), the journal pruned now and
 * then (sometimes past a model, which must then reload), and after each batch both models show
 * exactly the figures of a computation from scratch over a fresh read, as of their live date and
 * a past one.
 */
class TwoInstancesLiveModelTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate PAST = LocalDate.of(2026, 10, 25);
    private static final int BATCHES = 25;

    private final OkrEngine engine = new OkrEngine();
    private final Map<String, Integer> seen = new TreeMap<>();

    @ParameterizedTest
    @EnumSource(Kind.class)
    void bothInstancesModelsEqualAFullComputationAfterEveryBatchOfRandomWrites(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            EntityManagerFactory second = TestDatabase.createEntityManagerFactory(db.dataSource());
            try {
                run(db, List.of(db.emf(), second), new Random(kind.ordinal() + 20_261_205L));
            } finally {
                second.close();
            }
        }
        for (String write : List.of("check-in", "back-dated check-in", "measurement", "key result weight",
                "key result target", "objective weight", "alignment", "KPI children", "new objective", "cycle close",
                "journal pruned past a model")) {
            assertTrue(seen.getOrDefault(write, 0) > 0, "the writes never made a " + write + ": " + seen);
        }
    }

    private void run(TestDatabase db, List<EntityManagerFactory> instances, Random random) {
        runIn(instances.get(0), TwoInstancesLiveModelTest::seed);
        List<LiveCycle> models = new ArrayList<>();
        for (EntityManagerFactory emf : instances) {
            models.add(inTx(emf, em -> feed(em).load(q4(em), TODAY)));
        }
        for (int batch = 1; batch <= BATCHES; batch++) {
            int writes = 1 + random.nextInt(8);
            for (int w = 0; w < writes; w++) {
                EntityManagerFactory via = instances.get(random.nextInt(instances.size()));
                inTx(via, em -> {
                    write(em, random);
                    return null;
                });
            }
            if (batch == BATCHES) {
                inTx(instances.get(random.nextInt(instances.size())), em -> {
                    close(em);
                    return null;
                });
            }
            if (batch % 5 == 0) {
                long keep = random.nextInt(4);
                inTx(instances.get(random.nextInt(instances.size())), em -> new ChangeJournal(em).prune(keep));
            }
            for (int i = 0; i < instances.size(); i++) {
                LiveCycle model = models.get(i);
                LiveCycle current = inTx(instances.get(i), em -> {
                    long version = new ChangeJournal(em).version();
                    if (!new ChangeJournal(em).covers(model.version())) {
                        note("journal pruned past a model");
                    }
                    LiveCycleFeed.CatchUp done = feed(em).catchUp(model, q4(em), version);
                    return done.reloadNeeded() ? feed(em).load(q4(em), TODAY) : model;
                });
                models.set(i, current);
            }
            CycleReport freshToday = inTx(instances.get(0), em -> engine.report(new CycleSnapshotLoader(em).load(q4(em)), TODAY));
            CycleReport freshPast = inTx(instances.get(0), em -> engine.report(new CycleSnapshotLoader(em).load(q4(em)), PAST));
            for (int i = 0; i < models.size(); i++) {
                String where = db.kind() + ", instance " + (i + 1) + ", after batch " + batch;
                same(where + " as of " + TODAY, freshToday, models.get(i).report(TODAY));
                same(where + " as of " + PAST, freshPast, models.get(i).report(PAST));
            }
        }
        assertTrue(models.get(0).report(TODAY).state().name().equals("CLOSED"), "the close reached the models");
    }

    private static void same(String where, CycleReport expected, CycleReport actual) {
        assertEquals(expected.units(), actual.units(), where + ": units");
        assertEquals(expected.objectives(), actual.objectives(), where + ": objectives");
        assertEquals(expected.keyResults(), actual.keyResults(), where + ": key results");
        assertEquals(expected.kpis(), actual.kpis(), where + ": KPIs");
        assertEquals(expected.findings(), actual.findings(), where + ": findings");
    }

    private static void seed(EntityManager em) {
        Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
        q4.activate();
        OrgUnitRepository units = new OrgUnitRepository(em);
        OrgUnit acme = units.ensurePath("Acme");
        OrgUnit sales = units.ensurePath("Acme/Sales");
        OrgUnit inbound = units.ensurePath("Acme/Sales/Inbound");
        OrgUnit ops = units.ensurePath("Acme/Ops");
        ObjectiveRepository objectives = new ObjectiveRepository(em);
        KeyResultRepository krs = new KeyResultRepository(em);
        KpiRepository kpis = new KpiRepository(em);
        Kpi leadsIn = kpis.add(measuredKpi("LEADS-IN", inbound));
        Kpi leads = kpis.add(measuredKpi("LEADS", sales));
        leads.rollUpFrom(UnitAggregation.SUM, List.of(leadsIn));
        Kpi orders = kpis.add(measuredKpi("ORDERS", sales));
        Kpi conv = kpis.add(measuredKpi("CONV", sales));
        conv.ratioOf(orders, leads);
        kpis.add(measuredKpi("NPS", acme));
        int o = 0;
        for (OrgUnit u : List.of(acme, sales, inbound, ops)) {
            for (int i = 0; i < 2; i++) {
                Objective objective = objectives.add(new Objective(q4, "O-" + ++o, "Objective " + o, u));
                for (int k = 1; k <= 2; k++) {
                    krs.add(numericKr(objective, objective.getKey() + "-KR" + k));
                }
            }
        }
        KeyResult linked = krs.add(new KeyResult(objectives.findByKey(q4, "O-3").orElseThrow(), "O-3-KPI", "orders",
                KeyResultType.NUMERIC, n("0"), n("40")));
        linked.linkKpi(orders);
    }

    /** One random write of the kinds people and integrations make; a write the domain refuses is skipped. */
    private void write(EntityManager em, Random random) {
        Cycle q4 = q4(em);
        List<Objective> objectives = new ObjectiveRepository(em).ofCycle(q4);
        List<KeyResult> krs = new KeyResultRepository(em).ofCycle(q4);
        List<Kpi> kpis = new KpiRepository(em).all();
        try {
            int roll = random.nextInt(100);
            if (roll < 40) {
                KeyResult kr = krs.get(random.nextInt(krs.size()));
                boolean back = random.nextInt(3) == 0;
                LocalDate date = back ? PAST.minusDays(random.nextInt(20)) : TODAY.minusDays(random.nextInt(5));
                new CheckInRepository(em).add(kr.checkIn(date, BigDecimal.valueOf(random.nextInt(12)), null, null, "bob",
                        T0.plusSeconds(random.nextInt(1_000_000))));
                note(back ? "back-dated check-in" : "check-in");
            } else if (roll < 60) {
                Kpi k = kpis.get(random.nextInt(kpis.size()));
                if (k.getUnitAggregation() == null && k.getNumerator() == null) {
                    new MeasurementRepository(em).record(k, LocalDate.of(2026, 10, 1).plusDays(random.nextInt(55)),
                            BigDecimal.valueOf(random.nextInt(30)), T0, "bob");
                    note("measurement");
                }
            } else if (roll < 68) {
                krs.get(random.nextInt(krs.size())).reweigh(BigDecimal.valueOf(random.nextInt(4)));
                note("key result weight");
            } else if (roll < 74) {
                KeyResult kr = krs.get(random.nextInt(krs.size()));
                kr.remeasure(KeyResultType.NUMERIC, n("0"), BigDecimal.valueOf(5 + random.nextInt(20)));
                note("key result target");
            } else if (roll < 80) {
                objectives.get(random.nextInt(objectives.size())).reweigh(BigDecimal.valueOf(random.nextInt(3)));
                note("objective weight");
            } else if (roll < 90) {
                Objective child = objectives.get(random.nextInt(objectives.size()));
                Objective parent = random.nextInt(4) == 0 ? null : objectives.get(random.nextInt(objectives.size()));
                child.alignTo(parent);
                note("alignment");
            } else if (roll < 95) {
                Kpi leads = new KpiRepository(em).findByKey("LEADS").orElseThrow();
                OrgUnit inbound = new OrgUnitRepository(em).findByPath("Acme/Sales/Inbound").orElseThrow();
                List<Kpi> below = new ArrayList<>(new KpiRepository(em).ofUnit(inbound));
                if (random.nextBoolean()) {
                    Kpi extra = new KpiRepository(em).add(measuredKpi("IN-" + random.nextInt(1_000_000), inbound));
                    below.add(extra);
                }
                leads.rollUpFrom(UnitAggregation.SUM, below);
                note("KPI children");
            } else {
                OrgUnit ops = new OrgUnitRepository(em).findByPath("Acme/Ops").orElseThrow();
                Objective o = new ObjectiveRepository(em).add(new Objective(q4, "N-" + random.nextInt(1_000_000), "New", ops));
                new KeyResultRepository(em).add(numericKr(o, o.getKey() + "-KR1"));
                note("new objective");
            }
        } catch (InvalidInputException refused) {
            note("refused by the domain");
        }
    }

    /** Closes the cycle as the product does: every grade frozen as of the end date (R4), then the state. */
    private void close(EntityManager em) {
        Cycle q4 = q4(em);
        Map<GradedSubject, BigDecimal> grades = engine.gradesToFreeze(new CycleSnapshotLoader(em).load(q4));
        grades.forEach((subject, grade) -> {
            if (subject.kind() == ContributorKind.OBJECTIVE) {
                em.find(Objective.class, subject.id()).freezeGrade(grade);
            } else {
                em.find(KeyResult.class, subject.id()).freezeGrade(grade);
            }
        });
        q4.close(T0);
        note("cycle close");
    }

    private void note(String what) {
        seen.merge(what, 1, Integer::sum);
    }

    private static Cycle q4(EntityManager em) {
        return new CycleRepository(em).findByName("2026-Q4").orElseThrow();
    }

    private static LiveCycleFeed feed(EntityManager em) {
        return new LiveCycleFeed(new ChangeJournal(em), new CycleSnapshotLoader(em));
    }

    private static <R> R inTx(EntityManagerFactory emf, Function<EntityManager, R> work) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            R result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } catch (RuntimeException e) {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    private static void runIn(EntityManagerFactory emf, Consumer<EntityManager> work) {
        inTx(emf, em -> {
            work.accept(em);
            return null;
        });
    }
}
