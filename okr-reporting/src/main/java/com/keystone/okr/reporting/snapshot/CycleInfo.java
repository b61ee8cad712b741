package com.keystone.okr.reporting.snapshot;

import com.keystone.okr.domain.cycle.CycleState;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The cycle being reported: its name, its dates (both inclusive) and its state. */
public record CycleInfo(String name, LocalDate startDate, LocalDate endDate, CycleState state) {

    public CycleInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(state, "state");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("cycle " + name + " ends (" + endDate + ") before it starts (" + startDate + ")");
        }
    }

    /** Days in the cycle, both ends included. */
    public long totalDays() {
        return ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }

    /** Whether {@code day} falls within the cycle, both ends included. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }

    public boolean isClosed() {
        return state == CycleState.CLOSED;
    }
}
