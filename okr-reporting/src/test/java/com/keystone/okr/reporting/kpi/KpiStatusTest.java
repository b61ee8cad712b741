package com.keystone.okr.reporting.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R7: KPI status. */
class KpiStatusTest {

    @ParameterizedTest
    @CsvSource({"120, GREEN", "100, GREEN", "99.99, AMBER", "80, AMBER", "79.99, RED", "-5, RED"})
    void higherIsBetterIsGreenFromTheTargetAndAmberFromTheWarning(String value, KpiStatus status) {
        assertEquals(status, KpiStatus.of(Direction.HIGHER_IS_BETTER, new BigDecimal("100"), new BigDecimal("80"),
                new BigDecimal(value)));
    }

    @ParameterizedTest
    @CsvSource({"0, GREEN", "5, GREEN", "5.00, GREEN", "5.01, AMBER", "8, AMBER", "8.01, RED"})
    void lowerIsBetterIsGreenUpToTheTargetAndAmberUpToTheWarning(String value, KpiStatus status) {
        assertEquals(status, KpiStatus.of(Direction.LOWER_IS_BETTER, new BigDecimal("5"), new BigDecimal("8"),
                new BigDecimal(value)));
    }

    @Test
    void warningEqualToTargetLeavesNoAmber() {
        BigDecimal t = new BigDecimal("10");
        assertEquals(KpiStatus.GREEN, KpiStatus.of(Direction.HIGHER_IS_BETTER, t, t, t));
        assertEquals(KpiStatus.RED, KpiStatus.of(Direction.HIGHER_IS_BETTER, t, t, new BigDecimal("9.99")));
    }

    @Test
    void noValueIsNoData() {
        assertEquals(KpiStatus.NO_DATA, KpiStatus.of(Direction.LOWER_IS_BETTER, BigDecimal.ONE, BigDecimal.TEN, null));
    }

    @Test
    void engineReportsTheStatusOfTheCycleValue() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("CHURN", "Acme").time(TimeAggregation.LAST).thresholds(Direction.LOWER_IS_BETTER, "0.02", "0.03");
        c.measure("CHURN", "2026-10-31", "0.025");
        c.measure("CHURN", "2026-11-30", "0.035");
        OkrEngine engine = new OkrEngine();
        assertEquals(KpiStatus.AMBER, engine.report(c.snapshot(), LocalDate.parse("2026-11-15")).kpi("CHURN").orElseThrow().status());
        assertEquals(KpiStatus.RED, engine.report(c.snapshot(), LocalDate.parse("2026-12-15")).kpi("CHURN").orElseThrow().status());
        assertEquals(KpiStatus.NO_DATA, engine.report(c.snapshot(), LocalDate.parse("2026-10-15")).kpi("CHURN").orElseThrow().status());
    }
}
