package com.keystone.okr.reporting.cycle;

import com.keystone.okr.reporting.snapshot.CycleInfo;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The expected progress on a day of a cycle (R5). */
public final class Pacing {

    private Pacing() {
    }

    /**
     * R5: elapsed days / total days, both inclusive: on the first day 1/total, on the last day 1;
     * 0 before the start, 1 after the end.
     */
    public static double expected(CycleInfo cycle, LocalDate day) {
        if (day.isBefore(cycle.startDate())) {
            return 0.0;
        }
        if (day.isAfter(cycle.endDate())) {
            return 1.0;
        }
        long elapsed = ChronoUnit.DAYS.between(cycle.startDate(), day) + 1;
        return (double) elapsed / cycle.totalDays();
    }
}
