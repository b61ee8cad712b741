package com.keystone.okr.reporting.quality;

import static com.keystone.okr.reporting.quality.Finding.text;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.reporting.kpi.KpiValues;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * R8, the OKR coach: findings about the shape of a cycle's OKRs and of the company's KPIs, each
 * with a plain-language fix. Findings come unit by unit in path order; within a unit, the
 * unit's own findings, then each objective followed by its key results, then the KPIs.
 */
public final class QualityChecks {

    /** R8: more objectives than this in one unit and cycle is too many. */
    public static final int MAX_OBJECTIVES = 5;
    /** R8: more key results than this on one objective is too many. */
    public static final int MAX_KEY_RESULTS = 5;
    /** R8: fewer key results than this on one objective is too few. */
    public static final int MIN_KEY_RESULTS = 2;
    /** R8: a key result without a check-in in this many days (the as-of day included) is stale. */
    public static final int STALE_DAYS = 14;

    private QualityChecks() {
    }

    /** R8 for the snapshot's cycle as of {@code asOf} (which only matters for staleness). */
    public static List<Finding> check(SnapshotIndex index, LocalDate asOf) {
        Set<Long> servingKpis = kpisServingTheCycle(index);
        List<Finding> findings = new ArrayList<>();
        for (UnitRow unit : index.unitsInPathOrder()) {
            findings.addAll(checkUnit(index, unit, asOf, servingKpis));
        }
        return findings;
    }

    /**
     * R8 for one unit: its own findings, then each objective followed by its key results, then its
     * KPIs. {@code servingKpis} is {@link #kpisServingTheCycle}, computed once for all units.
     */
    public static List<Finding> checkUnit(SnapshotIndex index, UnitRow unit, LocalDate asOf, Set<Long> servingKpis) {
        List<Finding> findings = new ArrayList<>();
        checkUnitShape(index, unit, findings);
        for (ObjectiveRow o : index.objectivesOf(unit.id())) {
            checkObjective(index, unit, o, findings);
            for (KeyResultRow kr : index.keyResultsOf(o.id())) {
                checkKeyResult(index, unit, kr, asOf, findings);
            }
        }
        for (KpiRow k : index.kpisOf(unit.id())) {
            if (index.kpisOnLoops().contains(k.id())) {
                findings.add(Finding.of(FindingCode.KPI_LOOP, unit.path(), k.key(), text("KPI_LOOP", k.key())));
            }
            if (!servingKpis.contains(k.id())) {
                findings.add(Finding.of(FindingCode.ORPHAN_KPI, unit.path(), k.key(), text("ORPHAN_KPI", k.key(), index.cycle().name())));
            }
            if (isBlank(k.owner())) {
                findings.add(Finding.of(FindingCode.NO_OWNER, unit.path(), k.key(), text("NO_OWNER.kpi", k.key())));
            }
        }
        return findings.isEmpty() ? List.of() : List.copyOf(findings);
    }

    private static void checkUnitShape(SnapshotIndex index, UnitRow unit, List<Finding> findings) {
        int objectives = index.objectivesOf(unit.id()).size();
        if (objectives > MAX_OBJECTIVES) {
            findings.add(Finding.of(FindingCode.TOO_MANY_OBJECTIVES, unit.path(), unit.path(), text("TOO_MANY_OBJECTIVES",
                    unit.path(), objectives, index.cycle().name(), MAX_OBJECTIVES)));
        }
        List<KpiRow> kpis = index.kpisOf(unit.id());
        if (!kpis.isEmpty()) {
            long leading = kpis.stream().filter(k -> k.kind() == KpiKind.LEADING).count();
            long lagging = kpis.stream().filter(k -> k.kind() == KpiKind.LAGGING).count();
            if (leading == 0) {
                findings.add(Finding.of(FindingCode.NO_LEADING_INDICATOR, unit.path(), unit.path(), text("NO_LEADING_INDICATOR",
                        unit.path())));
            }
            if (lagging == 0) {
                findings.add(Finding.of(FindingCode.NO_LAGGING_INDICATOR, unit.path(), unit.path(), text("NO_LAGGING_INDICATOR",
                        unit.path())));
            }
        }
    }

    private static void checkObjective(SnapshotIndex index, UnitRow unit, ObjectiveRow o, List<Finding> findings) {
        List<KeyResultRow> krs = index.keyResultsOf(o.id());
        boolean measurable = krs.stream().anyMatch(kr -> positive(kr.weight()))
                || index.childrenOf(o.id()).stream().anyMatch(child -> positive(child.weight()));
        if (!measurable) {
            findings.add(Finding.of(FindingCode.UNMEASURABLE, unit.path(), o.key(), text("UNMEASURABLE", o.key())));
        }
        if (krs.size() > MAX_KEY_RESULTS) {
            findings.add(Finding.of(FindingCode.TOO_MANY_KEY_RESULTS, unit.path(), o.key(), text("TOO_MANY_KEY_RESULTS", o.key(),
                    krs.size(), MAX_KEY_RESULTS)));
        } else if (krs.size() < MIN_KEY_RESULTS) {
            findings.add(Finding.of(FindingCode.TOO_FEW_KEY_RESULTS, unit.path(), o.key(), text(
                    krs.isEmpty() ? "TOO_FEW_KEY_RESULTS.none" : "TOO_FEW_KEY_RESULTS.one", o.key(), MIN_KEY_RESULTS)));
        }
        if (index.objectivesOnLoops().contains(o.id())) {
            findings.add(Finding.of(FindingCode.ALIGNMENT_LOOP, unit.path(), o.key(), text("ALIGNMENT_LOOP", o.key(),
                    index.objective(o.parentId()).key())));
        } else if (!unit.isRoot() && o.parentId() == null) {
            findings.add(Finding.of(FindingCode.ORPHAN_OBJECTIVE, unit.path(), o.key(), text("ORPHAN_OBJECTIVE", o.key(),
                    unit.path())));
        }
        if (isBlank(o.owner())) {
            findings.add(Finding.of(FindingCode.NO_OWNER, unit.path(), o.key(), text("NO_OWNER.objective", o.key())));
        }
    }

    private static void checkKeyResult(SnapshotIndex index, UnitRow unit, KeyResultRow kr, LocalDate asOf,
                                       List<Finding> findings) {
        if (isStale(index, kr, asOf)) {
            findings.add(Finding.of(FindingCode.STALE_KEY_RESULT, unit.path(), kr.key(), isBlank(kr.owner())
                    ? text("STALE_KEY_RESULT", kr.key(), STALE_DAYS)
                    : text("STALE_KEY_RESULT.owner", kr.key(), STALE_DAYS, kr.owner())));
        }
        if (isBlank(kr.owner())) {
            findings.add(Finding.of(FindingCode.NO_OWNER, unit.path(), kr.key(), text("NO_OWNER.keyResult", kr.key())));
        }
    }

    /**
     * R8 {@code STALE_KEY_RESULT}: in an active cycle that has started, a key result that takes
     * check-ins (not KPI-linked, whose value arrives with the KPI's measurements) without one
     * dated within the 14 days ending on {@code asOf}, i.e. in {@code (asOf - 14, asOf]}.
     */
    public static boolean isStale(SnapshotIndex index, KeyResultRow kr, LocalDate asOf) {
        CycleInfo cycle = index.cycle();
        if (cycle.state() != CycleState.ACTIVE || asOf.isBefore(cycle.startDate()) || kr.isKpiLinked()) {
            return false;
        }
        LocalDate after = asOf.minusDays(STALE_DAYS);
        for (CheckInRow c : index.checkInsOf(kr.id())) {
            if (c.effectiveDate().isAfter(after) && !c.effectiveDate().isAfter(asOf)) {
                return false;
            }
        }
        return true;
    }

    /**
     * R8 {@code ORPHAN_KPI}: the KPIs that serve the cycle. A KPI serves it when a key result of
     * the cycle is linked to it, or when it rolls into (is a child, numerator or denominator of)
     * a KPI that serves it: everything reachable downwards from the linked KPIs.
     */
    public static Set<Long> kpisServingTheCycle(SnapshotIndex index) {
        Set<Long> serving = new HashSet<>();
        Deque<KpiRow> todo = new ArrayDeque<>();
        for (KeyResultRow kr : index.keyResults()) {
            if (kr.kpiId() != null && serving.add(kr.kpiId())) {
                todo.push(index.kpi(kr.kpiId()));
            }
        }
        while (!todo.isEmpty()) {
            for (KpiRow ref : KpiValues.references(index, todo.pop())) {
                if (serving.add(ref.id())) {
                    todo.push(ref);
                }
            }
        }
        return serving;
    }

    private static boolean positive(BigDecimal weight) {
        return weight == null || weight.signum() > 0;
    }

    private static boolean isBlank(String owner) {
        return owner == null || owner.isBlank();
    }
}
