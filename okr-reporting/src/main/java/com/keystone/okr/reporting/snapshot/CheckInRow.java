package com.keystone.okr.reporting.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * A check-in of one of the cycle's key results, of any effective date; the engine picks those
 * that count as of a date. {@code confidence} is 1..10 or null.
 */
public record CheckInRow(long id, long keyResultId, LocalDate effectiveDate, BigDecimal value, Integer confidence,
                         Instant recordedAt) {

    /**
     * Oldest first, so the last one is the "latest" of R1: by effective date, ties broken by the
     * later recorded-at and then by the larger id (the order of recording).
     */
    public static final Comparator<CheckInRow> CHRONOLOGICAL = Comparator
            .comparing(CheckInRow::effectiveDate)
            .thenComparing(CheckInRow::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(CheckInRow::id);

    public CheckInRow {
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(value, "value");
    }
}
