package com.keystone.okr.persistence.snapshot;

import static com.keystone.okr.persistence.TestData.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.snapshot.UnitRow;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The loader reads a whole cycle in a fixed number of statements, whatever the size of the
 * company, and the rows it reads are the right ones.
 */
class CycleSnapshotLoaderTest {

    private static final int MAX_STATEMENTS = 9;
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);
    private static final Instant RECORDED = Instant.parse("2026-10-01T08:00:00Z");

    /**
     * A company of {@code scale} times: 1 root, 10 departments of 5 teams each; in 2026-Q4 10
     * company objectives, 4 per department aligned to them, 2 per team (the first aligned to its
     * department's first, the second to the first of the same team), 4 key results per objective
     * (every 25th linked to a KPI, every 7th without owner), 4 check-ins per unlinked key result;
     * per department two team KPIs, their roll-up, a measured KPI and a ratio, plus a company
     * roll-up; weekly measurements from two weeks before the quarter to its end. 2026-Q3 holds a
     * few rows that must not appear in a 2026-Q4 snapshot. All inserted in one transaction.
     */
    private static final class Company {

        static final LocalDate START = LocalDate.of(2026, 10, 1);
        static final int[] CHECK_IN_DAYS = {4, 25, 46, 67}; // Oct 5, Oct 26, Nov 16, Dec 7
        static final LocalDate FIRST_MEASUREMENT = LocalDate.of(2026, 9, 21);
        static final int WEEKS_MEASURED = 15; // Sep 21 .. Dec 28

        final int departments;
        final int units;
        final int objectives;
        int keyResults;
        int linkedKeyResults;
        int checkIns;
        int checkInsUpToAsOf;
        int kpis;
        int measuredKpis;
        int measurementsInCycle;
        int measurementsInCycleUpToAsOf;
        private final List<Objective> q4Objectives = new ArrayList<>();
        private final Map<String, Kpi> kpisByKey = new HashMap<>();

        Company(TestDatabase db, int scale) {
            departments = 10 * scale;
            units = 1 + departments + 5 * departments;
            objectives = 10 * scale + 4 * departments + 2 * 5 * departments;
            db.run(this::insert);
        }

        private void insert(EntityManager em) {
            List<Person> people = new ArrayList<>();
            for (int i = 0; i < 2 * departments; i++) {
                people.add(persist(em, new Person("p%03d".formatted(i), "Person " + i)));
            }
            Cycle q3 = persist(em, Cycle.quarter("2026-Q3"));
            Cycle q4 = persist(em, Cycle.quarter("2026-Q4"));
            q4.activate();

            OrgUnit root = persist(em, OrgUnit.root("Acme"));
            List<Objective> companyObjectives = new ArrayList<>();
            for (int i = 0; i < 10 * departments / 10; i++) {
                companyObjectives.add(objective(em, q4, "CO-%02d".formatted(i), root, null, people.get(i)));
            }
            List<Kpi> departmentLeads = new ArrayList<>();
            for (int d = 0; d < departments; d++) {
                String dk = "D%02d".formatted(d);
                OrgUnit dept = persist(em, root.addChild(dk));
                Person lead = people.get(2 * d);
                List<OrgUnit> teams = new ArrayList<>();
                for (int t = 1; t <= 5; t++) {
                    teams.add(persist(em, dept.addChild("T" + t)));
                }

                Kpi leadsT1 = kpi(em, dk + "-leads-T1", teams.get(0), TimeAggregation.SUM, lead);
                Kpi leadsT2 = kpi(em, dk + "-leads-T2", teams.get(1), TimeAggregation.SUM, null);
                Kpi leads = kpi(em, dk + "-leads", dept, TimeAggregation.SUM, lead);
                leads.rollUpFrom(UnitAggregation.SUM, List.of(leadsT1, leadsT2));
                Kpi won = kpi(em, dk + "-won", dept, TimeAggregation.SUM, lead);
                Kpi winRate = kpi(em, dk + "-win-rate", dept, TimeAggregation.LAST, lead);
                winRate.ratioOf(won, leads);
                departmentLeads.add(leads);
                for (Kpi measured : List.of(leadsT1, leadsT2, won)) {
                    measuredKpis++;
                    for (int w = 0; w < WEEKS_MEASURED; w++) {
                        LocalDate day = FIRST_MEASUREMENT.plusWeeks(w);
                        em.persist(measured.measure(day, n(Integer.toString(d + w)), RECORDED, "import"));
                        if (!day.isBefore(START)) {
                            measurementsInCycle++;
                            measurementsInCycleUpToAsOf += day.isAfter(AS_OF) ? 0 : 1;
                        }
                    }
                }

                List<Objective> deptObjectives = new ArrayList<>();
                for (int i = 1; i <= 4; i++) {
                    deptObjectives.add(objective(em, q4, dk + "-O" + i, dept, companyObjectives.get(d % companyObjectives.size()),
                            people.get((2 * d + i) % people.size())));
                }
                for (int t = 0; t < 5; t++) {
                    String tk = dk + "-T" + (t + 1);
                    Objective first = objective(em, q4, tk + "-O1", teams.get(t), deptObjectives.get(0), lead);
                    objective(em, q4, tk + "-O2", teams.get(t), first, people.get((2 * d + 1) % people.size()));
                }
                if (d == 0) {
                    // the previous quarter: must stay out of the 2026-Q4 snapshot
                    Objective old = persist(em, new Objective(q3, dk + "-O1", "last quarter", dept)); // not in q4Objectives
                    KeyResult oldKr = persist(em, new KeyResult(old, "Q3-KR", "last quarter", KeyResultType.NUMERIC,
                            n("0"), n("1")));
                    em.persist(oldKr.checkIn(LocalDate.of(2026, 9, 1), n("1"), null, null, "p000", RECORDED));
                }
            }
            Kpi companyLeads = kpi(em, "company-leads", root, TimeAggregation.SUM, people.get(0));
            companyLeads.rollUpFrom(UnitAggregation.AVG, departmentLeads);
            kpis = 5 * departments + 1;

            for (Objective o : q4Objectives) {
                for (int i = 1; i <= 4; i++) {
                    keyResult(em, o, i, people);
                }
            }
            q3.activate();
            q3.close(Instant.parse("2026-10-02T09:00:00Z"));
        }

        private Objective objective(EntityManager em, Cycle cycle, String key, OrgUnit unit, Objective parent, Person owner) {
            Objective o = persist(em, new Objective(cycle, key, "objective " + key, unit));
            o.assignOwner(owner);
            o.alignTo(parent);
            q4Objectives.add(o);
            return o;
        }

        private void keyResult(EntityManager em, Objective o, int i, List<Person> people) {
            int number = keyResults++;
            KeyResultType type = KeyResultType.values()[number % KeyResultType.values().length];
            KeyResult kr = persist(em, new KeyResult(o, o.getKey() + "-KR" + i, "key result " + number, type, n("0"),
                    n("100.5")));
            if (number % 7 != 0) {
                kr.assignOwner(people.get(number % people.size()));
            }
            if (number % 25 == 0) {
                linkedKeyResults++;
                String path = o.getUnit().getPath(); // Acme or Acme/Dnn[/Tn]
                kr.linkKpi(kpisByKey.get(path.equals("Acme") ? "company-leads" : path.substring(5, 8) + "-won"));
                return;
            }
            for (int c = 0; c < CHECK_IN_DAYS.length; c++) {
                LocalDate day = START.plusDays(CHECK_IN_DAYS[c]);
                em.persist(kr.checkIn(day, n("%d.%04d".formatted(10 * c, number)), 1 + c, null, "p000",
                        RECORDED.plusSeconds(number)));
                checkIns++;
                checkInsUpToAsOf += day.isAfter(AS_OF) ? 0 : 1;
            }
        }

        private Kpi kpi(EntityManager em, String key, OrgUnit unit, TimeAggregation time, Person owner) {
            Kpi k = persist(em, new Kpi(key, "KPI " + key, unit, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, n("100"),
                    n("50"), time));
            k.assignOwner(owner);
            kpisByKey.put(key, k);
            return k;
        }

        private static <T> T persist(EntityManager em, T entity) {
            em.persist(entity);
            return entity;
        }
    }

    /** A snapshot and what it cost. */
    private record Load(CycleSnapshot snapshot, long statements, long entitiesLoaded, long collectionsFetched) {
    }

    private static Load load(TestDatabase db, LocalDate asOf) {
        return db.inTransaction(em -> {
            Cycle q4 = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
            Statistics stats = db.emf().unwrap(SessionFactory.class).getStatistics();
            stats.clear();
            CycleSnapshot snapshot = new CycleSnapshotLoader(em).load(q4, asOf);
            return new Load(snapshot, stats.getPrepareStatementCount(), stats.getEntityLoadCount(),
                    stats.getCollectionFetchCount());
        });
    }

    private static <T> Map<String, T> byKey(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.toMap(key, r -> r));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCompanyOfSixHundredKeyResultsLoadsInAtMostNineStatementsWithTheRightRows(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            Company company = new Company(db, 1);
            assertTrue(company.keyResults >= 500 && company.checkIns >= 2000, "the company is as big as promised");

            Load load = load(db, AS_OF);

            assertTrue(load.statements() <= MAX_STATEMENTS, () -> load.statements() + " statements");
            assertEquals(0, load.entitiesLoaded(), "rows, not entities: nothing to load lazily later");
            assertEquals(0, load.collectionsFetched());
            CycleSnapshot s = load.snapshot();
            assertEquals("2026-Q4", s.cycle().name());
            assertEquals(CycleState.ACTIVE, s.cycle().state());
            assertEquals(LocalDate.of(2026, 12, 31), s.cycle().endDate());
            assertEquals(company.units, s.units().size());
            assertEquals(company.objectives, s.objectives().size());
            assertEquals(company.keyResults, s.keyResults().size());
            assertEquals(company.checkInsUpToAsOf, s.checkIns().size());
            assertEquals(company.kpis, s.kpis().size());
            assertEquals(company.measurementsInCycleUpToAsOf, s.measurements().size());

            // units: the tree by parent ids
            Map<String, UnitRow> units = byKey(s.units(), UnitRow::path);
            assertNull(units.get("Acme").parentId());
            assertEquals(0, units.get("Acme").depth());
            assertEquals(units.get("Acme/D03").id(), units.get("Acme/D03/T2").parentId());
            assertEquals(2, units.get("Acme/D03/T2").depth());

            // objectives: the cascade by parent ids, owners by username, no grades in an open cycle
            Map<String, ObjectiveRow> objectives = byKey(s.objectives(), ObjectiveRow::key);
            assertEquals(objectives.get("CO-03").id(), objectives.get("D03-O1").parentId());
            assertEquals(objectives.get("D03-O1").id(), objectives.get("D03-T2-O1").parentId());
            assertEquals(objectives.get("D03-T2-O1").id(), objectives.get("D03-T2-O2").parentId());
            assertNull(objectives.get("CO-03").parentId());
            assertEquals(units.get("Acme/D03/T2").id(), objectives.get("D03-T2-O2").unitId());
            assertEquals("p006", objectives.get("D03-T2-O1").owner(), "the department lead");
            assertEquals("p007", objectives.get("D03-T2-O2").owner());
            assertTrue(s.objectives().stream().allMatch(o -> o.frozenGrade() == null && o.gradeOverride() == null));
            assertTrue(s.objectives().stream().noneMatch(o -> o.title().equals("last quarter")), "2026-Q3 left out");

            // key results: values, owners (or none), KPI links, no grades
            Map<String, KeyResultRow> krs = byKey(s.keyResults(), KeyResultRow::key);
            Map<Long, KeyResultRow> krsById = s.keyResults().stream().collect(Collectors.toMap(KeyResultRow::id, k -> k));
            assertEquals(company.linkedKeyResults, s.keyResults().stream().filter(KeyResultRow::isKpiLinked).count());
            KeyResultRow linked = s.keyResults().stream().filter(k -> k.isKpiLinked() && k.key().startsWith("D03-")).findFirst()
                    .orElseThrow();
            Map<String, KpiRow> kpis = byKey(s.kpis(), KpiRow::key);
            assertEquals(kpis.get("D03-won").id(), linked.kpiId());
            assertTrue(s.keyResults().stream().anyMatch(k -> k.owner() == null));
            assertTrue(s.keyResults().stream().filter(k -> k.owner() != null).allMatch(k -> k.owner().matches("p\\d{3}")));
            KeyResultRow numeric = s.keyResults().stream().filter(k -> k.type() == KeyResultType.NUMERIC).findFirst()
                    .orElseThrow();
            assertEquals(0, n("100.5").compareTo(numeric.target()));
            assertEquals(objectives.get("D03-T2-O2").id(), krs.get("D03-T2-O2-KR3").objectiveId());
            assertTrue(s.keyResults().stream().allMatch(k -> k.frozenGrade() == null && k.gradeOverride() == null));

            // check-ins: of this cycle's key results only, none after the as-of date, linked key results have none
            assertTrue(s.checkIns().stream().allMatch(c -> krsById.containsKey(c.keyResultId())));
            assertTrue(s.checkIns().stream().noneMatch(c -> c.effectiveDate().isAfter(AS_OF)));
            assertTrue(s.checkIns().stream().noneMatch(c -> krsById.get(c.keyResultId()).isKpiLinked()));
            long krId = krs.get("D03-T2-O2-KR3").id();
            List<CheckInRow> ofKr = s.checkIns().stream().filter(c -> c.keyResultId() == krId)
                    .sorted(CheckInRow.CHRONOLOGICAL).toList();
            assertEquals(List.of(LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 16)),
                    ofKr.stream().map(CheckInRow::effectiveDate).toList());
            assertEquals(List.of(1, 2, 3), ofKr.stream().map(CheckInRow::confidence).toList());
            assertTrue(ofKr.get(1).value().compareTo(new BigDecimal("10")) > 0 && ofKr.get(1).value().scale() > 0,
                    () -> ofKr.get(1).value().toPlainString());

            // KPIs: roll-up children, ratios, owners
            assertEquals(Set.of(kpis.get("D03-leads-T1").id(), kpis.get("D03-leads-T2").id()),
                    Set.copyOf(kpis.get("D03-leads").childIds()));
            assertEquals(UnitAggregation.SUM, kpis.get("D03-leads").unitAggregation());
            assertEquals(company.departments, kpis.get("company-leads").childIds().size());
            assertEquals(UnitAggregation.AVG, kpis.get("company-leads").unitAggregation());
            assertEquals(kpis.get("D03-won").id(), kpis.get("D03-win-rate").numeratorId());
            assertEquals(kpis.get("D03-leads").id(), kpis.get("D03-win-rate").denominatorId());
            assertTrue(kpis.get("D03-win-rate").isRatio());
            assertEquals(List.of(), kpis.get("D03-won").childIds());
            assertEquals("p006", kpis.get("D03-leads").owner());
            assertNull(kpis.get("D03-leads-T2").owner());
            assertEquals(units.get("Acme/D03/T1").id(), kpis.get("D03-leads-T1").unitId());

            // measurements: within the cycle and up to the as-of date, of measured KPIs only
            assertTrue(s.measurements().stream().allMatch(m -> !m.date().isBefore(Company.START) && !m.date().isAfter(AS_OF)));
            Set<Long> computed = s.kpis().stream().filter(KpiRow::isComputed).map(KpiRow::id).collect(Collectors.toSet());
            assertTrue(s.measurements().stream().map(MeasurementRow::kpiId).noneMatch(computed::contains));
            assertEquals(company.measuredKpis, s.measurements().stream().map(MeasurementRow::kpiId).distinct().count());

            // and the reporting engine's index accepts it: every id a row names is in the snapshot
            SnapshotIndex index = s.index();
            assertEquals(5, index.childrenOf(objectives.get("D03-O1").id()).size(), "the first objective of each of the 5 teams");
            assertEquals(krs.get("D03-T2-O2-KR3").id(), index.keyResultsOf(objectives.get("D03-T2-O2").id()).get(2).id());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutAnAsOfDateEveryCheckInAndTheCyclesMeasurementsAreLoaded(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            Company company = new Company(db, 1);

            Load load = load(db, null);

            assertTrue(load.statements() <= MAX_STATEMENTS, () -> load.statements() + " statements");
            assertEquals(company.checkIns, load.snapshot().checkIns().size());
            assertEquals(company.measurementsInCycle, load.snapshot().measurements().size());
            assertTrue(load.snapshot().measurements().stream().noneMatch(m -> m.date().isBefore(Company.START)),
                    "September's measurements are before the cycle");
            Set<LocalDate> days = new HashSet<>();
            load.snapshot().checkIns().forEach(c -> days.add(c.effectiveDate()));
            assertTrue(days.contains(LocalDate.of(2026, 12, 7)), "check-ins after any as-of date are in");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theStatementCountDoesNotGrowWhenTheCompanyDoubles(Kind kind) {
        Load small;
        Load large;
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            new Company(db, 1);
            small = load(db, AS_OF);
        }
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            new Company(db, 2);
            large = load(db, AS_OF);
        }

        assertEquals(2 * small.snapshot().keyResults().size(), large.snapshot().keyResults().size(), "the company doubled");
        assertEquals(2 * small.snapshot().checkIns().size(), large.snapshot().checkIns().size());
        assertEquals(small.statements(), large.statements(), "no statement per row: no N+1");
        assertTrue(large.statements() <= MAX_STATEMENTS, () -> large.statements() + " statements");
        assertEquals(0, large.entitiesLoaded());
    }
}
