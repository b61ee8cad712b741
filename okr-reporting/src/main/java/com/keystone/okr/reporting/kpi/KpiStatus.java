package com.keystone.okr.reporting.kpi;

import com.keystone.okr.domain.kpi.Direction;
import java.math.BigDecimal;

/** R7: a KPI value against its target {@code T} and warning threshold {@code W}. */
public enum KpiStatus {
    GREEN, AMBER, RED, NO_DATA;

    /**
     * R7, compared exactly in decimals:
     * higher is better: {@code v >= T} green, {@code W <= v < T} amber, {@code v < W} red;
     * lower is better: {@code v <= T} green, {@code T < v <= W} amber, {@code v > W} red;
     * no value: {@code NO_DATA}.
     */
    public static KpiStatus of(Direction direction, BigDecimal target, BigDecimal warning, BigDecimal value) {
        if (value == null) {
            return NO_DATA;
        }
        // orient both directions as "higher is better" by flipping the comparison
        int sign = direction == Direction.LOWER_IS_BETTER ? -1 : 1;
        if (sign * value.compareTo(target) >= 0) {
            return GREEN;
        }
        if (sign * value.compareTo(warning) >= 0) {
            return AMBER;
        }
        return RED;
    }
}
