package com.keystone.okr.reporting;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.unit.UnitResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one cycle as of one date: units, objectives, key results, KPIs and quality
 * findings. Immutable. The rows sit in arrays in report order and are found through a
 * {@link ReportLayout} that every report of the same structure shares, so that a view nesting
 * key results under objectives under units stays linear and the live model makes the report of
 * its next version by replacing a few array entries.
 * <p>
 * Order: units in path order (every unit of the company); objectives by unit in path order, then
 * by id (creation order) within a unit; key results by objective in that order, then by id;
 * KPIs likewise by unit, then by id; findings as {@link com.keystone.okr.reporting.quality.QualityChecks} lists them.
 */
public final class CycleReport {

    private final String cycleName;
    private final CycleState state;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private final LocalDate asOf;
    private final double expected;
    final ReportLayout layout;
    final UnitResult[] units;
    final ObjectiveResult[] objectives;
    final KeyResultResult[] keyResults;
    final KpiResult[] kpis;
    /** Per unit position, the unit's findings in R8's order. */
    final List<Finding>[] findings;
    private volatile List<Finding> allFindings;

    CycleReport(String cycleName, CycleState state, LocalDate startDate, LocalDate endDate, LocalDate asOf,
                double expected, ReportLayout layout, UnitResult[] units, ObjectiveResult[] objectives,
                KeyResultResult[] keyResults, KpiResult[] kpis, List<Finding>[] findings) {
        this.cycleName = cycleName;
        this.state = state;
        this.startDate = startDate;
        this.endDate = endDate;
        this.asOf = asOf;
        this.expected = expected;
        this.layout = layout;
        this.units = units;
        this.objectives = objectives;
        this.keyResults = keyResults;
        this.kpis = kpis;
        this.findings = findings;
    }

    public String cycleName() {
        return cycleName;
    }

    public CycleState state() {
        return state;
    }

    public LocalDate startDate() {
        return startDate;
    }

    public LocalDate endDate() {
        return endDate;
    }

    public LocalDate asOf() {
        return asOf;
    }

    /** R5: the fraction of the cycle elapsed on the as-of date. */
    public double expected() {
        return expected;
    }

    /** Every unit of the company, in path order. */
    public List<UnitResult> units() {
        return view(units, 0, units.length);
    }

    public List<ObjectiveResult> objectives() {
        return view(objectives, 0, objectives.length);
    }

    public List<KeyResultResult> keyResults() {
        return view(keyResults, 0, keyResults.length);
    }

    /** Every KPI of the company. */
    public List<KpiResult> kpis() {
        return view(kpis, 0, kpis.length);
    }

    /** R8 findings, unit by unit in path order. */
    public List<Finding> findings() {
        List<Finding> all = allFindings;
        if (all == null) {
            List<Finding> flat = new ArrayList<>();
            for (List<Finding> ofUnit : findings) {
                flat.addAll(ofUnit);
            }
            all = Collections.unmodifiableList(flat);
            allFindings = all;
        }
        return all;
    }

    public Optional<UnitResult> unit(String path) {
        Integer at = layout.unitAt.get(path);
        return at == null ? Optional.empty() : Optional.of(units[at]);
    }

    public Optional<ObjectiveResult> objective(String key) {
        Integer at = layout.objectiveAt.get(key);
        return at == null ? Optional.empty() : Optional.of(objectives[at]);
    }

    public Optional<KeyResultResult> keyResult(String key) {
        Integer at = layout.keyResultAt.get(key);
        return at == null ? Optional.empty() : Optional.of(keyResults[at]);
    }

    public Optional<KpiResult> kpi(String key) {
        Integer at = layout.kpiAt.get(key);
        return at == null ? Optional.empty() : Optional.of(kpis[at]);
    }

    /** All objectives of the unit (aligned ones too). */
    public List<ObjectiveResult> objectivesOf(String unitPath) {
        Integer u = layout.unitAt.get(unitPath);
        return u == null ? List.of() : view(objectives, layout.objectivesFrom[u], layout.objectivesFrom[u + 1]);
    }

    /** The objectives aligned to this one, in any unit. */
    public List<ObjectiveResult> alignedTo(String objectiveKey) {
        int[] at = layout.alignedTo.get(objectiveKey);
        if (at == null) {
            return List.of();
        }
        List<ObjectiveResult> children = new ArrayList<>(at.length);
        for (int i : at) {
            children.add(objectives[i]);
        }
        return Collections.unmodifiableList(children);
    }

    public List<KeyResultResult> keyResultsOf(String objectiveKey) {
        Integer o = layout.objectiveAt.get(objectiveKey);
        return o == null ? List.of() : view(keyResults, layout.keyResultsFrom[o], layout.keyResultsFrom[o + 1]);
    }

    /**
     * The key results of all the unit's objectives, objective by objective: one run of the report
     * order, found with one lookup however many objectives the unit has.
     */
    public List<KeyResultResult> keyResultsOfUnit(String unitPath) {
        Integer u = layout.unitAt.get(unitPath);
        return u == null ? List.of()
                : view(keyResults, layout.keyResultsFrom[layout.objectivesFrom[u]], layout.keyResultsFrom[layout.objectivesFrom[u + 1]]);
    }

    public List<KpiResult> kpisOf(String unitPath) {
        Integer u = layout.unitAt.get(unitPath);
        return u == null ? List.of() : view(kpis, layout.kpisFrom[u], layout.kpisFrom[u + 1]);
    }

    public List<Finding> findingsOf(String unitPath) {
        Integer u = layout.unitAt.get(unitPath);
        return u == null ? List.of() : findings[u];
    }

    /**
     * The unit at {@code path} and the units below it, in path order, at most {@code depth}
     * levels below it (null: all of them); empty for an unknown path. A subtree is one run of the
     * path order, so this costs what it returns.
     */
    public List<UnitResult> subtree(String path, Integer depth) {
        Integer u = layout.unitAt.get(path);
        if (u == null) {
            return List.of();
        }
        int end = subtreeEnd(u);
        if (depth == null) {
            return view(units, u, end);
        }
        int deepest = units[u].depth() + depth;
        List<UnitResult> within = new ArrayList<>();
        for (int i = u; i < end; i++) {
            if (units[i].depth() <= deepest) {
                within.add(units[i]);
            }
        }
        return Collections.unmodifiableList(within);
    }

    /** The position after the last unit of the subtree at position {@code u}. */
    private int subtreeEnd(int u) {
        String prefix = units[u].path() + "/";
        int end = u + 1;
        while (end < units.length && units[end].path().startsWith(prefix)) {
            end++;
        }
        return end;
    }

    /**
     * Whether the two reports lay their rows out alike (the same units, objectives, key results
     * and KPIs at the same positions): consecutive reports of a live model do until a structural
     * change. A reader keeping figures per unit may then compare a unit's rows by identity.
     */
    public boolean sameLayout(CycleReport other) {
        return other != null && layout == other.layout;
    }

    private static <T> List<T> view(T[] array, int from, int to) {
        return from == to ? List.of() : Collections.unmodifiableList(Arrays.asList(array).subList(from, to));
    }

    @Override
    public String toString() {
        return "CycleReport[" + cycleName + " as of " + asOf + ": " + units.length + " units, " + objectives.length
                + " objectives, " + keyResults.length + " key results, " + kpis.length + " KPIs, "
                + findings().size() + " findings]";
    }
}
