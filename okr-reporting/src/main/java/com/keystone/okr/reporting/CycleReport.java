package com.keystone.okr.reporting;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.unit.UnitResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything about one cycle as of one date: units, objectives, key results, KPIs and quality
 * findings. Immutable. A class rather than a record because it keeps lookup maps beside the lists,
 * so that a view nesting key results under objectives under units stays linear.
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
    private final List<UnitResult> units;
    private final List<ObjectiveResult> objectives;
    private final List<KeyResultResult> keyResults;
    private final List<KpiResult> kpis;
    private final List<Finding> findings;

    private final Map<String, UnitResult> unitByPath;
    private final Map<String, ObjectiveResult> objectiveByKey;
    private final Map<String, KeyResultResult> keyResultByKey;
    private final Map<String, KpiResult> kpiByKey;
    private final Map<String, List<ObjectiveResult>> objectivesByUnit;
    private final Map<String, List<ObjectiveResult>> objectivesByParent;
    private final Map<String, List<KeyResultResult>> keyResultsByObjective;
    private final Map<String, List<KpiResult>> kpisByUnit;
    private final Map<String, List<Finding>> findingsByUnit;

    public CycleReport(String cycleName, CycleState state, LocalDate startDate, LocalDate endDate, LocalDate asOf,
                       double expected, List<UnitResult> units, List<ObjectiveResult> objectives,
                       List<KeyResultResult> keyResults, List<KpiResult> kpis, List<Finding> findings) {
        this.cycleName = cycleName;
        this.state = state;
        this.startDate = startDate;
        this.endDate = endDate;
        this.asOf = asOf;
        this.expected = expected;
        this.units = List.copyOf(units);
        this.objectives = List.copyOf(objectives);
        this.keyResults = List.copyOf(keyResults);
        this.kpis = List.copyOf(kpis);
        this.findings = List.copyOf(findings);
        this.unitByPath = unique(this.units, UnitResult::path);
        this.objectiveByKey = unique(this.objectives, ObjectiveResult::key);
        this.keyResultByKey = unique(this.keyResults, KeyResultResult::key);
        this.kpiByKey = unique(this.kpis, KpiResult::key);
        this.objectivesByUnit = group(this.objectives, ObjectiveResult::unitPath);
        this.objectivesByParent = group(this.objectives, ObjectiveResult::parentKey);
        this.keyResultsByObjective = group(this.keyResults, KeyResultResult::objectiveKey);
        this.kpisByUnit = group(this.kpis, KpiResult::unitPath);
        this.findingsByUnit = group(this.findings, Finding::unitPath);
    }

    private static <T> Map<String, T> unique(List<T> rows, Function<T, String> key) {
        Map<String, T> map = new HashMap<>();
        for (T row : rows) {
            map.putIfAbsent(key.apply(row), row);
        }
        return map;
    }

    private static <T> Map<String, List<T>> group(List<T> rows, Function<T, String> key) {
        Map<String, List<T>> map = new HashMap<>();
        for (T row : rows) {
            String k = key.apply(row);
            if (k != null) {
                map.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
            }
        }
        map.replaceAll((k, list) -> List.copyOf(list));
        return map;
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
        return units;
    }

    public List<ObjectiveResult> objectives() {
        return objectives;
    }

    public List<KeyResultResult> keyResults() {
        return keyResults;
    }

    /** Every KPI of the company. */
    public List<KpiResult> kpis() {
        return kpis;
    }

    /** R8 findings. */
    public List<Finding> findings() {
        return findings;
    }

    public Optional<UnitResult> unit(String path) {
        return Optional.ofNullable(unitByPath.get(path));
    }

    public Optional<ObjectiveResult> objective(String key) {
        return Optional.ofNullable(objectiveByKey.get(key));
    }

    public Optional<KeyResultResult> keyResult(String key) {
        return Optional.ofNullable(keyResultByKey.get(key));
    }

    public Optional<KpiResult> kpi(String key) {
        return Optional.ofNullable(kpiByKey.get(key));
    }

    /** All objectives of the unit (aligned ones too). */
    public List<ObjectiveResult> objectivesOf(String unitPath) {
        return objectivesByUnit.getOrDefault(unitPath, List.of());
    }

    /** The objectives aligned to this one, in any unit. */
    public List<ObjectiveResult> alignedTo(String objectiveKey) {
        return objectivesByParent.getOrDefault(objectiveKey, List.of());
    }

    public List<KeyResultResult> keyResultsOf(String objectiveKey) {
        return keyResultsByObjective.getOrDefault(objectiveKey, List.of());
    }

    public List<KpiResult> kpisOf(String unitPath) {
        return kpisByUnit.getOrDefault(unitPath, List.of());
    }

    public List<Finding> findingsOf(String unitPath) {
        return findingsByUnit.getOrDefault(unitPath, List.of());
    }

    @Override
    public String toString() {
        return "CycleReport[" + cycleName + " as of " + asOf + ": " + units.size() + " units, " + objectives.size()
                + " objectives, " + keyResults.size() + " key results, " + kpis.size() + " KPIs, " + findings.size()
                + " findings]";
    }
}
