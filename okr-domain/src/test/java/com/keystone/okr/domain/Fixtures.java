package com.keystone.okr.domain;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import java.math.BigDecimal;
import java.time.Instant;

/** Small builders for the domain tests. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private Fixtures() {
    }

    public static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    public static Kpi kpi(String key, OrgUnit unit) {
        return new Kpi(key, key + " name", unit, Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, n("10"), n("5"),
                TimeAggregation.SUM);
    }

    public static KeyResult numericKr(Objective o, String key) {
        return new KeyResult(o, key, "grow " + key, KeyResultType.NUMERIC, n("0"), n("10"));
    }

    public static Objective objective(Cycle c, String key, OrgUnit unit) {
        return new Objective(c, key, "objective " + key, unit);
    }

    /** Asserts that the action is refused with a message naming the field. */
    public static InvalidInputException refused(String field, Runnable action) {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class, action::run);
        org.junit.jupiter.api.Assertions.assertEquals(field, e.getField(), () -> "field of: " + e.getMessage());
        return e;
    }
}
