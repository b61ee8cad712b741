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
import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.objective.Forecasting;
import com.keystone.okr.reporting.objective.GradeInfo;
import com.keystone.okr.reporting.objective.GradedSubject;
import com.keystone.okr.reporting.objective.Grading;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.KrProgress;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.objective.ObjectiveRollup;
import com.keystone.okr.reporting.quality.QualityChecks;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.snapshot.UnitRow;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.reporting.unit.UnitRollup;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one implementation of the OKR and KPI rules (R1 to R8) over a cycle snapshot. Stateless
 * and thread-safe. A report is computed in one pass per rule family, dependencies first (KPI
 * values, then key results, objectives bottom-up, units), so a whole cycle costs time linear in
 * its size.
 */
public final class OkrEngine {

    /**
     * Everything about the snapshot's cycle as of {@code asOf}: only check-ins and measurements
     * dated on or before it count (R1, R6). Before the cycle starts nothing has data yet: key
     * results show their start value and progress 0, KPIs have no value.
     */
    public CycleReport report(CycleSnapshot snapshot, LocalDate asOf) {
        return report(snapshot.index(), asOf);
    }

    /** As {@link #report(CycleSnapshot, LocalDate)}, reusing an index built once (e.g. for a trend over many dates). */
    public CycleReport report(SnapshotIndex index, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        CycleInfo cycle = index.cycle();
        double expected = Pacing.expected(cycle, asOf); // R5
        Map<Long, BigDecimal> kpiValues = KpiValues.compute(index, KpiPeriod.ofCycle(cycle, asOf)); // R6

        Map<Long, Double> krProgress = new HashMap<>();
        Map<Long, KeyResultResult> krResults = new HashMap<>();
        for (KeyResultRow kr : index.snapshot().keyResults()) {
            KeyResultResult r = keyResult(index, kr, asOf, expected, kpiValues);
            krProgress.put(kr.id(), r.progress());
            krResults.put(kr.id(), r);
        }

        Map<Long, Breakdown> objectiveBreakdowns = ObjectiveRollup.compute(index, krProgress); // R2
        Map<Long, Double> objectiveProgress = new HashMap<>();
        objectiveBreakdowns.forEach((id, b) -> objectiveProgress.put(id, ObjectiveRollup.progress(b)));
        Map<Long, Breakdown> unitBreakdowns = UnitRollup.compute(index, objectiveProgress); // R3

        List<UnitResult> units = new ArrayList<>();
        List<ObjectiveResult> objectives = new ArrayList<>();
        List<KeyResultResult> keyResults = new ArrayList<>();
        List<KpiResult> kpis = new ArrayList<>();
        for (UnitRow u : index.unitsInPathOrder()) {
            Breakdown ub = unitBreakdowns.get(u.id());
            units.add(new UnitResult(u.id(), u.path(), u.parentId(), u.depth(), ub.progress(), ub.contributors()));
            for (ObjectiveRow o : index.objectivesOf(u.id())) {
                Breakdown ob = objectiveBreakdowns.get(o.id());
                double p = ObjectiveRollup.progress(ob);
                objectives.add(new ObjectiveResult(o.id(), o.key(), o.title(), u.path(),
                        o.parentId() == null ? null : index.objective(o.parentId()).key(), o.owner(), weight(o.weight()),
                        p, ob.hasProgress(), Pace.of(p, expected), grade(cycle, p, o.frozenGrade(), o.gradeOverride()),
                        ob.contributors()));
                for (KeyResultRow kr : index.keyResultsOf(o.id())) {
                    keyResults.add(krResults.get(kr.id()));
                }
            }
            for (KpiRow k : index.kpisOf(u.id())) {
                kpis.add(kpi(index, k, u, asOf, kpiValues));
            }
        }
        return new CycleReport(cycle.name(), cycle.state(), cycle.startDate(), cycle.endDate(), asOf, expected,
                units, objectives, keyResults, kpis, QualityChecks.check(index, asOf));
    }

    /**
     * R4: the grades to freeze when the cycle closes: every objective and key result, graded on
     * its progress as of the cycle's end date, in report order.
     */
    public Map<GradedSubject, BigDecimal> gradesToFreeze(CycleSnapshot snapshot) {
        return gradesToFreeze(snapshot.index());
    }

    public Map<GradedSubject, BigDecimal> gradesToFreeze(SnapshotIndex index) {
        CycleReport atEnd = report(index, index.cycle().endDate());
        Map<GradedSubject, BigDecimal> grades = new LinkedHashMap<>();
        for (ObjectiveResult o : atEnd.objectives()) {
            grades.put(new GradedSubject(ContributorKind.OBJECTIVE, o.id(), o.key()), Grading.grade(o.progress()));
        }
        for (KeyResultResult kr : atEnd.keyResults()) {
            grades.put(new GradedSubject(ContributorKind.KEY_RESULT, kr.id(), kr.key()), Grading.grade(kr.progress()));
        }
        return grades;
    }

    private static KeyResultResult keyResult(SnapshotIndex index, KeyResultRow kr, LocalDate asOf, double expected,
                                             Map<Long, BigDecimal> kpiValues) {
        CycleInfo cycle = index.cycle();
        Double current = null;
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

    private static KpiResult kpi(SnapshotIndex index, KpiRow k, UnitRow unit, LocalDate asOf,
                                 Map<Long, BigDecimal> values) {
        BigDecimal value = values.get(k.id());
        KpiSource source;
        int measurements = 0;
        List<KpiChildValue> children = new ArrayList<>();
        KpiRatioParts ratio = null;
        if (k.isRatio()) {
            source = KpiSource.RATIO;
            ratio = new KpiRatioParts(index.kpi(k.numeratorId()).key(), toDouble(values.get(k.numeratorId())),
                    index.kpi(k.denominatorId()).key(), toDouble(values.get(k.denominatorId())));
        } else if (k.isRollUp()) {
            source = KpiSource.ROLL_UP;
            for (Long childId : k.childIds()) {
                BigDecimal v = values.get(childId);
                children.add(new KpiChildValue(childId, index.kpi(childId).key(), toDouble(v), v != null));
            }
        } else {
            source = KpiSource.MEASURED;
            Optional<KpiPeriod> period = KpiPeriod.ofCycle(index.cycle(), asOf);
            measurements = period.map(p -> KpiValues.measurementsIn(index, k, p).size()).orElse(0);
        }
        return new KpiResult(k.id(), k.key(), k.name(), unit.path(), k.owner(), k.direction(), k.kind(), k.target(),
                k.warning(), source, k.timeAggregation(), k.unitAggregation(), toDouble(value), value,
                KpiStatus.of(k.direction(), k.target(), k.warning(), value), // R7
                measurements, children, ratio);
    }

    private static Double toDouble(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }

    private static BigDecimal weight(BigDecimal w) {
        return w == null ? BigDecimal.ONE : w;
    }
}
