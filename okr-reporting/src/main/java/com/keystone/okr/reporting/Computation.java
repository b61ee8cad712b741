package com.keystone.okr.reporting;

import com.keystone.okr.reporting.cycle.Pace;
import com.keystone.okr.reporting.cycle.Pacing;
import com.keystone.okr.reporting.kpi.KpiChildValue;
import com.keystone.okr.reporting.kpi.KpiPeriod;
import com.keystone.okr.reporting.kpi.KpiRatioParts;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.kpi.KpiSource;
import com.keystone.okr.reporting.kpi.KpiStatus;
import com.keystone.okr.reporting.kpi.KpiValues;
import com.keystone.okr.reporting.objective.Breakdown;
import com.keystone.okr.reporting.objective.Forecasting;
import com.keystone.okr.reporting.objective.GradeInfo;
import com.keystone.okr.reporting.objective.Grading;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.KrProgress;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.objective.ObjectiveRollup;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.quality.QualityChecks;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.snapshot.UnitRow;
import com.keystone.okr.reporting.support.DependencyOrder;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.reporting.unit.UnitRollup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules' results for one cycle as of one date, by id, computed from a {@link SnapshotIndex}
 * either whole ({@link #computeAll}) or again for what a change touched ({@link #update}). Both
 * run the same code in the same dependency order: KPI values (R6), key results (R1, R5), the
 * cascade bottom-up (R2), units (R3), KPI results (R7) and findings (R8), so an updated
 * computation holds exactly the figures a whole one would. Not thread-safe.
 */
final class Computation {

    private final SnapshotIndex index;
    private final LocalDate asOf;
    private final double expected;
    private final Optional<KpiPeriod> period;

    private final Map<Long, BigDecimal> kpiValues = new HashMap<>();
    private final Map<Long, KpiResult> kpiResults = new HashMap<>();
    private final Map<Long, KeyResultResult> keyResults = new HashMap<>();
    private final Map<Long, Breakdown> objectiveBreakdowns = new HashMap<>();
    private final Map<Long, ObjectiveResult> objectives = new HashMap<>();
    private final Map<Long, UnitResult> units = new HashMap<>();
    private final Map<Long, List<Finding>> findings = new HashMap<>();
    private Set<Long> servingKpis = Set.of();

    private Computation(SnapshotIndex index, LocalDate asOf) {
        this.index = index;
        this.asOf = asOf;
        this.expected = Pacing.expected(index.cycle(), asOf); // R5
        this.period = KpiPeriod.ofCycle(index.cycle(), asOf); // R6
    }

    /** Every figure of the index's cycle as of {@code asOf}. */
    static Computation computeAll(SnapshotIndex index, LocalDate asOf) {
        Computation c = new Computation(index, asOf);
        Dirty all = new Dirty();
        index.kpis().forEach(k -> all.kpis.add(k.id()));
        index.keyResults().forEach(kr -> all.keyResults.add(kr.id()));
        index.objectives().forEach(o -> all.objectives.add(o.id()));
        index.unitsInPathOrder().forEach(u -> {
            all.units.add(u.id());
            all.findingUnits.add(u.id());
        });
        all.servingChanged = true;
        c.update(all);
        return c;
    }

    LocalDate asOf() {
        return asOf;
    }

    /**
     * Computes again what {@code dirty} names and everything that depends on it: the KPIs computed
     * from a dirty KPI, the key results linked to those, the objectives of dirty key results and
     * every objective above them in the cascade, and their units. {@code dirty} is widened to
     * everything recomputed, so the caller can tell which results changed.
     */
    void update(Dirty dirty) {
        // R6: a KPI and every KPI computed from it, references first
        Set<Long> kpis = closure(dirty.kpis, id -> index.dependentsOf(id).stream().map(KpiRow::id).toList());
        List<Long> kpiOrder = DependencyOrder.of(kpis, id -> references(id, kpis), id -> "KPI " + index.kpi(id).key());
        for (Long id : kpiOrder) {
            KpiRow k = index.kpi(id);
            kpiValues.put(id, period.map(p -> KpiValues.valueOf(index, k, p, kpiValues)).orElse(null));
        }
        for (Long id : kpiOrder) {
            KpiRow k = index.kpi(id);
            kpiResults.put(id, kpi(k));
            index.keyResultsLinkedTo(id).forEach(kr -> dirty.keyResults.add(kr.id()));
        }
        dirty.kpis.addAll(kpis);

        // R1, R5: key results
        for (Long id : dirty.keyResults) {
            KeyResultRow kr = index.keyResult(id);
            keyResults.put(id, keyResult(kr));
            dirty.objectives.add(kr.objectiveId());
        }

        // R2: the cascade, children before parents, up to the top of each dirty objective's branch
        Set<Long> cascade = new HashSet<>(dirty.objectives.size() * 2);
        for (Long id : dirty.objectives) {
            Long at = id;
            while (at != null && cascade.add(at)) {
                at = index.parentOf(index.objective(at));
            }
        }
        List<Long> objectiveOrder = DependencyOrder.of(cascade, id -> index.childrenOf(id).stream().map(ObjectiveRow::id)
                .filter(cascade::contains).toList(), id -> "objective " + index.objective(id).key());
        for (Long id : objectiveOrder) {
            ObjectiveRow o = index.objective(id);
            Breakdown breakdown = ObjectiveRollup.breakdown(index, id, kr -> keyResults.get(kr).progress(),
                    child -> ObjectiveRollup.progress(objectiveBreakdowns.get(child)));
            objectiveBreakdowns.put(id, breakdown);
            objectives.put(id, objective(o, breakdown));
            dirty.units.add(o.unitId());
        }
        dirty.objectives.addAll(cascade);

        // R3: units, from their top-level objectives
        for (Long id : dirty.units) {
            UnitRow u = index.unit(id);
            Breakdown ub = UnitRollup.breakdown(index, id, o -> ObjectiveRollup.progress(objectiveBreakdowns.get(o)));
            units.put(id, new UnitResult(u.id(), u.path(), u.parentId(), u.depth(), ub.progress(), ub.contributors()));
        }

        // R8: the findings of the units whose shape changed
        if (dirty.servingChanged) {
            Set<Long> serving = QualityChecks.kpisServingTheCycle(index);
            for (KpiRow k : index.kpis()) {
                if (serving.contains(k.id()) != servingKpis.contains(k.id())) {
                    dirty.findingUnits.add(k.unitId());
                }
            }
            servingKpis = serving;
        }
        for (Long id : dirty.findingUnits) {
            findings.put(id, QualityChecks.checkUnit(index, index.unit(id), asOf, servingKpis));
        }
    }

    private Set<Long> closure(Set<Long> seeds, Function<Long, List<Long>> next) {
        Set<Long> all = new HashSet<>(seeds);
        List<Long> todo = new ArrayList<>(seeds);
        while (!todo.isEmpty()) {
            for (Long n : next.apply(todo.remove(todo.size() - 1))) {
                if (all.add(n)) {
                    todo.add(n);
                }
            }
        }
        return all;
    }

    private List<Long> references(Long id, Set<Long> within) {
        List<Long> refs = new ArrayList<>();
        for (KpiRow r : KpiValues.references(index, index.kpi(id))) {
            if (within.contains(r.id())) {
                refs.add(r.id());
            }
        }
        return refs;
    }

    private KeyResultResult keyResult(KeyResultRow kr) {
        CycleInfo cycle = index.cycle();
        Double current;
        CheckInRow latest = null;
        int inCycle = 0;
        if (kr.isKpiLinked()) {
            // R1: a linked KR's value is its KPI's value for the cycle; its check-ins (if any) do not count
            BigDecimal v = kpiValues.get(kr.kpiId());
            current = v == null ? null : v.doubleValue();
        } else {
            latest = index.latestCheckIn(kr.id(), asOf); // R1: every check-in dated on or before the as-of date
            current = latest == null ? null : latest.value().doubleValue();
            for (CheckInRow c : index.checkInsOf(kr.id())) {
                if (cycle.contains(c.effectiveDate()) && !c.effectiveDate().isAfter(asOf)) {
                    inCycle++;
                }
            }
        }
        double progress = KrProgress.of(kr, current); // R1
        BigDecimal start = KrProgress.start(kr);
        ObjectiveRow objective = index.objective(kr.objectiveId());
        return new KeyResultResult(kr.id(), kr.key(), kr.title(), objective.key(), index.unitPathOf(objective),
                kr.type(), kr.owner(), weight(kr.weight()), start, KrProgress.target(kr),
                kr.isKpiLinked() ? index.kpi(kr.kpiId()).key() : null,
                current != null ? current : start.doubleValue(), current != null,
                latest == null ? null : latest.effectiveDate(), latest == null ? null : latest.confidence(), inCycle,
                progress, Pace.of(progress, expected), // R5
                inCycle < Forecasting.MIN_POINTS ? null : Forecasting.of(kr, index.checkInsOf(kr.id()), cycle, asOf),
                grade(cycle, progress, kr.frozenGrade(), kr.gradeOverride()));
    }

    private ObjectiveResult objective(ObjectiveRow o, Breakdown b) {
        double p = ObjectiveRollup.progress(b);
        return new ObjectiveResult(o.id(), o.key(), o.title(), index.unitPathOf(o),
                index.parentOf(o) == null ? null : index.objective(index.parentOf(o)).key(), o.owner(), weight(o.weight()),
                p, b.hasProgress(), Pace.of(p, expected), grade(index.cycle(), p, o.frozenGrade(), o.gradeOverride()),
                b.contributors());
    }

    /**
     * R4: grades exist only for a closed cycle: the frozen grade and the override from the rows.
     * A closed cycle's row without a frozen grade (closed before grading existed) shows the grade
     * of the reported progress instead of none.
     */
    private static GradeInfo grade(CycleInfo cycle, double progress, BigDecimal frozen, BigDecimal override) {
        if (!cycle.isClosed()) {
            return null;
        }
        return GradeInfo.of(frozen != null ? frozen : Grading.grade(progress), override);
    }

    private KpiResult kpi(KpiRow k) {
        BigDecimal value = kpiValues.get(k.id());
        KpiSource source;
        int measurements = 0;
        List<KpiChildValue> children = new ArrayList<>();
        KpiRatioParts ratio = null;
        if (k.isRatio()) {
            source = KpiSource.RATIO;
            ratio = new KpiRatioParts(index.kpi(k.numeratorId()).key(), toDouble(kpiValues.get(k.numeratorId())),
                    index.kpi(k.denominatorId()).key(), toDouble(kpiValues.get(k.denominatorId())));
        } else if (k.isRollUp()) {
            source = KpiSource.ROLL_UP;
            for (Long childId : k.childIds()) {
                BigDecimal v = kpiValues.get(childId);
                children.add(new KpiChildValue(childId, index.kpi(childId).key(), toDouble(v), v != null));
            }
        } else {
            source = KpiSource.MEASURED;
            measurements = period.map(p -> KpiValues.measurementsIn(index, k, p).size()).orElse(0);
        }
        return new KpiResult(k.id(), k.key(), k.name(), index.unit(k.unitId()).path(), k.owner(), k.direction(), k.kind(),
                k.target(), k.warning(), source, k.timeAggregation(), k.unitAggregation(), toDouble(value), value,
                KpiStatus.of(k.direction(), k.target(), k.warning(), value), // R7
                measurements, children, ratio, k.unitOfMeasure());
    }

    private static Double toDouble(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static BigDecimal weight(BigDecimal w) {
        return w == null ? BigDecimal.ONE : w;
    }

    /** The whole report in {@code layout}'s order. */
    @SuppressWarnings("unchecked")
    CycleReport report(ReportLayout layout) {
        UnitResult[] u = new UnitResult[layout.unitIds.length];
        List<Finding>[] f = new List[layout.unitIds.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = units.get(layout.unitIds[i]);
            f[i] = findings.getOrDefault(layout.unitIds[i], List.of());
        }
        ObjectiveResult[] o = new ObjectiveResult[layout.objectiveIds.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = objectives.get(layout.objectiveIds[i]);
        }
        KeyResultResult[] k = new KeyResultResult[layout.keyResultIds.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = keyResults.get(layout.keyResultIds[i]);
        }
        KpiResult[] m = new KpiResult[layout.kpiIds.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = kpiResults.get(layout.kpiIds[i]);
        }
        return build(layout, u, o, k, m, f);
    }

    /**
     * The report after {@code dirty} was updated, when the structure (and so the layout) is that of
     * {@code previous}: its arrays copied, the recomputed entries replaced.
     */
    CycleReport patch(CycleReport previous, Dirty dirty) {
        ReportLayout layout = previous.layout;
        UnitResult[] u = previous.units;
        List<Finding>[] f = previous.findings;
        if (!dirty.units.isEmpty() || !dirty.findingUnits.isEmpty()) {
            u = previous.units.clone();
            f = previous.findings.clone();
            for (Long id : dirty.units) {
                u[layout.unitById.get(id)] = units.get(id);
            }
            for (Long id : dirty.findingUnits) {
                f[layout.unitById.get(id)] = findings.getOrDefault(id, List.of());
            }
        }
        ObjectiveResult[] o = replace(previous.objectives, dirty.objectives, layout.objectiveById, objectives);
        KeyResultResult[] k = replace(previous.keyResults, dirty.keyResults, layout.keyResultById, keyResults);
        KpiResult[] m = replace(previous.kpis, dirty.kpis, layout.kpiById, kpiResults);
        return build(layout, u, o, k, m, f);
    }

    private static <T> T[] replace(T[] previous, Set<Long> ids, Map<Long, Integer> at, Map<Long, T> results) {
        if (ids.isEmpty()) {
            return previous;
        }
        T[] copy = Arrays.copyOf(previous, previous.length);
        for (Long id : ids) {
            copy[at.get(id)] = results.get(id);
        }
        return copy;
    }

    private CycleReport build(ReportLayout layout, UnitResult[] u, ObjectiveResult[] o, KeyResultResult[] k,
                              KpiResult[] m, List<Finding>[] f) {
        CycleInfo cycle = index.cycle();
        return new CycleReport(cycle.name(), cycle.state(), cycle.startDate(), cycle.endDate(), asOf, expected, layout,
                u, o, k, m, f);
    }

    /** What a change touched, by id: the seeds of {@link #update}, widened by it to all it recomputed. */
    static final class Dirty {
        final Set<Long> kpis = new HashSet<>();
        final Set<Long> keyResults = new HashSet<>();
        final Set<Long> objectives = new HashSet<>();
        final Set<Long> units = new HashSet<>();
        /** Units whose R8 findings must be checked again. */
        final Set<Long> findingUnits = new HashSet<>();
        /** Whether the set of KPIs serving the cycle (R8 {@code ORPHAN_KPI}) may have changed. */
        boolean servingChanged;

        /** The same seeds, for another computation ({@link #update} widens the sets it is given). */
        Dirty copy() {
            Dirty c = new Dirty();
            c.kpis.addAll(kpis);
            c.keyResults.addAll(keyResults);
            c.objectives.addAll(objectives);
            c.units.addAll(units);
            c.findingUnits.addAll(findingUnits);
            c.servingChanged = servingChanged;
            return c;
        }
    }
}
