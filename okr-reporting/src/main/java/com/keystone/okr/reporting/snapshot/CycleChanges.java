package com.keystone.okr.reporting.snapshot;

import java.util.List;

/**
 * Rows that changed since a live model was last brought up to date: each replaces the row of the
 * same id (measurements: of the same KPI and date), or is new. {@code cycle} is the cycle's row
 * when it changed, else null. Rows are never deleted. Lists are copied.
 */
public record CycleChanges(CycleInfo cycle,
                           List<UnitRow> units,
                           List<ObjectiveRow> objectives,
                           List<KeyResultRow> keyResults,
                           List<CheckInRow> checkIns,
                           List<KpiRow> kpis,
                           List<MeasurementRow> measurements) {

    public CycleChanges {
        units = copy(units);
        objectives = copy(objectives);
        keyResults = copy(keyResults);
        checkIns = copy(checkIns);
        kpis = copy(kpis);
        measurements = copy(measurements);
    }

    public boolean isEmpty() {
        return cycle == null && units.isEmpty() && objectives.isEmpty() && keyResults.isEmpty() && checkIns.isEmpty()
                && kpis.isEmpty() && measurements.isEmpty();
    }

    /** How many rows changed, for logs and metrics. */
    public int size() {
        return (cycle == null ? 0 : 1) + units.size() + objectives.size() + keyResults.size() + checkIns.size()
                + kpis.size() + measurements.size();
    }

    private static <T> List<T> copy(List<T> rows) {
        return rows == null ? List.of() : List.copyOf(rows);
    }
}
