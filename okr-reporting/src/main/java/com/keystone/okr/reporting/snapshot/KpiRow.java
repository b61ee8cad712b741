package com.keystone.okr.reporting.snapshot;

import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A KPI of the company (R6). It is measured directly, or computed: a roll-up of
 * {@code childIds} by {@code unitAggregation} (not null exactly for roll-ups), or the ratio
 * {@code numeratorId / denominatorId}. {@code unitOfMeasure} ("orders", "%") is for display only, or null.
 */
public record KpiRow(long id, String key, String name, long unitId, String owner, Direction direction, KpiKind kind,
                     BigDecimal target, BigDecimal warning, TimeAggregation timeAggregation,
                     UnitAggregation unitAggregation, List<Long> childIds, Long numeratorId, Long denominatorId,
                     String unitOfMeasure) {

    public KpiRow {
        Objects.requireNonNull(key, "key");
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
    }

    /** A KPI without a unit of measure. */
    public KpiRow(long id, String key, String name, long unitId, String owner, Direction direction, KpiKind kind,
                  BigDecimal target, BigDecimal warning, TimeAggregation timeAggregation, UnitAggregation unitAggregation,
                  List<Long> childIds, Long numeratorId, Long denominatorId) {
        this(id, key, name, unitId, owner, direction, kind, target, warning, timeAggregation, unitAggregation, childIds,
                numeratorId, denominatorId, null);
    }

    public boolean isRollUp() {
        return unitAggregation != null;
    }

    public boolean isRatio() {
        return numeratorId != null || denominatorId != null;
    }

    /** Computed KPIs take no measurements of their own and ignore their time aggregation (R6). */
    public boolean isComputed() {
        return isRollUp() || isRatio();
    }
}
