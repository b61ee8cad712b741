package com.keystone.okr.reporting;

import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.objective.GradedSubject;
import com.keystone.okr.reporting.objective.Grading;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one implementation of the OKR and KPI rules (R1 to R8) over a cycle snapshot. Stateless
 * and thread-safe. A report is computed in one pass per rule family, dependencies first (KPI
 * values, then key results, objectives bottom-up, units), so a whole cycle costs time linear in
 * its size. {@link LiveCycle} runs the same computation again on what a change touched.
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
        return Computation.computeAll(index, asOf).report(ReportLayout.of(index));
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
}
