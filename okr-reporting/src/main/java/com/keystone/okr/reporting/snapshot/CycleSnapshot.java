package com.keystone.okr.reporting.snapshot;

import java.util.List;
import java.util.Objects;

/**
 * Everything the rules need to compute one cycle: the cycle's own rows and the company-wide
 * units and KPIs. The lists are copied, so a snapshot never changes after it is built.
 */
public record CycleSnapshot(CycleInfo cycle,
                            List<UnitRow> units,
                            List<ObjectiveRow> objectives,
                            List<KeyResultRow> keyResults,
                            List<CheckInRow> checkIns,
                            List<KpiRow> kpis,
                            List<MeasurementRow> measurements) {

    public CycleSnapshot {
        Objects.requireNonNull(cycle, "cycle");
        units = copy(units);
        objectives = copy(objectives);
        keyResults = copy(keyResults);
        checkIns = copy(checkIns);
        kpis = copy(kpis);
        measurements = copy(measurements);
    }

    /** Builds the maps by id; build it once and reuse it for several as-of dates. */
    public SnapshotIndex index() {
        return new SnapshotIndex(this);
    }

    private static <T> List<T> copy(List<T> rows) {
        return rows == null ? List.of() : List.copyOf(rows);
    }
}
