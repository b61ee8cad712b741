package com.keystone.okr.reporting.objective;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * R4: a grade is progress rounded half-up to one decimal. Progress is a double reached through
 * divisions, so a progress that is exactly 0.45 in decimal arithmetic may arrive as
 * 0.44999999999999996; rounding it first to nine decimals (far below any real difference of
 * progress) and only then to one decimal keeps the half-up of the exact value.
 */
public final class Grading {

    private static final int NOISE_SCALE = 9;

    private Grading() {
    }

    /** R4: the grade of a progress in [0, 1], as a one-decimal BigDecimal 0.0 .. 1.0. */
    public static BigDecimal grade(double progress) {
        if (Double.isNaN(progress) || progress < 0 || progress > 1) {
            throw new IllegalArgumentException("progress lies between 0 and 1, was " + progress);
        }
        return BigDecimal.valueOf(progress)
                .setScale(NOISE_SCALE, RoundingMode.HALF_UP)
                .setScale(1, RoundingMode.HALF_UP);
    }
}
