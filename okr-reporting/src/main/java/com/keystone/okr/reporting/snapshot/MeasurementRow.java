package com.keystone.okr.reporting.snapshot;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A KPI's value for a date; the engine keeps those within the period it computes. */
public record MeasurementRow(long kpiId, LocalDate date, BigDecimal value) {

    public MeasurementRow {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(value, "value");
    }
}
