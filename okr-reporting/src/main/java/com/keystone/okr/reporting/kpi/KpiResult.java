package com.keystone.okr.reporting.kpi;

import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * A KPI's value for the cycle's period as of a date (R6) and its status (R7).
 *
 * @param value                the value as a double, or null when it has none
 * @param exactValue           the same value as computed, in decimals (exact except for the divisions of AVG and
 *                             ratios, which keep 34 significant digits)
 * @param measurementsInPeriod for a measured KPI, how many measurements the period holds; 0 for computed ones
 * @param children             for a roll-up, each child's value and whether it was included; else empty
 * @param ratio                for a ratio, the numerator and denominator values; else null
 * @param unitOfMeasure        what the value counts ("orders", "%"), or null
 */
public record KpiResult(long id, String key, String name, String unitPath, String owner, Direction direction,
                        KpiKind kind, BigDecimal target, BigDecimal warning, KpiSource source,
                        TimeAggregation timeAggregation, UnitAggregation unitAggregation, Double value,
                        BigDecimal exactValue, KpiStatus status, int measurementsInPeriod,
                        List<KpiChildValue> children, KpiRatioParts ratio, String unitOfMeasure) implements Serializable {

    public KpiResult {
        children = List.copyOf(children);
    }
}
