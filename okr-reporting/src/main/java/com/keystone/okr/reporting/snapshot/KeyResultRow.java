package com.keystone.okr.reporting.snapshot;

import com.keystone.okr.domain.objective.KeyResultType;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A key result of the cycle. {@code kpiId} is set when the KR takes its current value from a
 * KPI instead of check-ins (R1); {@code weight} null means the default 1.
 */
public record KeyResultRow(long id, String key, String title, long objectiveId, KeyResultType type,
                           BigDecimal start, BigDecimal target, BigDecimal weight, String owner, Long kpiId,
                           BigDecimal frozenGrade, BigDecimal gradeOverride) {

    public KeyResultRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type of key result " + key);
    }

    public boolean isKpiLinked() {
        return kpiId != null;
    }
}
