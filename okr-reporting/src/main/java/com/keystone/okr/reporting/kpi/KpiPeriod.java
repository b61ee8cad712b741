package com.keystone.okr.reporting.kpi;

import com.keystone.okr.reporting.snapshot.CycleInfo;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A closed range of days a KPI value is computed for (R6), both ends included. */
public record KpiPeriod(LocalDate from, LocalDate to) {

    public KpiPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /**
     * R6: a KPI's period for a cycle as of {@code asOf} is {@code [cycle start, min(asOf, cycle end)]};
     * empty before the cycle starts, when no KPI has a value for the cycle yet.
     */
    public static Optional<KpiPeriod> ofCycle(CycleInfo cycle, LocalDate asOf) {
        if (asOf.isBefore(cycle.startDate())) {
            return Optional.empty();
        }
        LocalDate to = asOf.isAfter(cycle.endDate()) ? cycle.endDate() : asOf;
        return Optional.of(new KpiPeriod(cycle.startDate(), to));
    }
}
