package com.keystone.okr.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import org.junit.jupiter.api.function.Executable;

/** Small builders and assertions shared by the persistence tests; every test still makes its own data. */
public final class TestData {

    /** A fixed moment, so that recorded-at ties and orderings are under the test's control. */
    public static final Instant T0 = Instant.parse("2026-10-01T08:00:00Z");

    private TestData() {
    }

    public static BigDecimal n(String v) {
        return new BigDecimal(v);
    }

    /** A KPI that takes measurements: higher is better, target 10, warning 5, summed over time. */
    public static Kpi measuredKpi(String key, OrgUnit unit) {
        return new Kpi(key, key + " name", unit, Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, n("10"), n("5"),
                TimeAggregation.SUM);
    }

    public static KeyResult numericKr(Objective o, String key) {
        return new KeyResult(o, key, "grow " + key, KeyResultType.NUMERIC, n("0"), n("10"));
    }

    /** Asserts that the action is refused with an {@link InvalidInputException} naming the field. */
    public static InvalidInputException refused(String field, Executable action) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action);
        assertEquals(field, e.getField(), () -> "field of: " + e.getMessage());
        return e;
    }

    /**
     * The SQL state of the JDBC error behind a persistence failure. A unique key is {@code 23505}
     * on both databases; a check constraint is {@code 23514} on PostgreSQL but {@code 23513} on H2,
     * a foreign key {@code 23503} on PostgreSQL but {@code 23506} on H2.
     */
    public static String sqlStateOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return fail("no SQLException behind " + failure, failure);
    }
}
