package com.keystone.okr.reporting.objective;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * R4: the grade of an objective or key result of a closed cycle. {@code computed} is the grade
 * frozen at closing, {@code override} the lead's override (or null), {@code effective} the one
 * that counts (the override where there is one) and {@code band} the band of the effective one.
 * Both stay visible side by side.
 */
public record GradeInfo(BigDecimal computed, BigDecimal override, BigDecimal effective, GradeBand band) implements Serializable {

    public static GradeInfo of(BigDecimal computed, BigDecimal override) {
        BigDecimal effective = override != null ? override : computed;
        return new GradeInfo(computed, override, effective, GradeBand.of(effective));
    }

    public boolean isOverridden() {
        return override != null;
    }
}
