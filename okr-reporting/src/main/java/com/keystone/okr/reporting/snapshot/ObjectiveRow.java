package com.keystone.okr.reporting.snapshot;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An objective of the cycle. {@code parentId} is the objective it is aligned to (the cascade),
 * {@code owner} a username or null, {@code weight} null means the default 1. The grades are
 * null until the cycle is closed (R4).
 */
public record ObjectiveRow(long id, String key, String title, long unitId, Long parentId, String owner,
                           BigDecimal weight, BigDecimal frozenGrade, BigDecimal gradeOverride) {

    public ObjectiveRow {
        Objects.requireNonNull(key, "key");
    }
}
