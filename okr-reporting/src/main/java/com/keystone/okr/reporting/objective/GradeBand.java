package com.keystone.okr.reporting.objective;

import java.math.BigDecimal;

/** R4: what a grade says. */
public enum GradeBand {
    /** {@code >= 0.7}: delivered. */
    GREEN,
    /** {@code 0.4 .. 0.6}: progress made. */
    YELLOW,
    /** {@code < 0.4}: failed to make real progress. */
    RED;

    private static final BigDecimal GREEN_FROM = new BigDecimal("0.7");
    private static final BigDecimal YELLOW_FROM = new BigDecimal("0.4");

    /** R4 bands of a one-decimal grade; null for no grade. */
    public static GradeBand of(BigDecimal grade) {
        if (grade == null) {
            return null;
        }
        if (grade.compareTo(GREEN_FROM) >= 0) {
            return GREEN;
        }
        return grade.compareTo(YELLOW_FROM) >= 0 ? YELLOW : RED;
    }
}
