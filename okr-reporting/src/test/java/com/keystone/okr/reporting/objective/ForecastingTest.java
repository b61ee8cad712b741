package com.keystone.okr.reporting.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** R5: the forecast of a key result from its check-ins. */
class ForecastingTest {

    private static final double EPS = 1e-9;
    private final OkrEngine engine = new OkrEngine();

    private KeyResultResult kr(Company c, String key, String asOf) {
        return engine.report(c.snapshot(), LocalDate.parse(asOf)).keyResult(key).orElseThrow();
    }

    private static Company q4WithKr(String start, String target) {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("K", "O", start, target);
        return c;
    }

    @Test
    void threeCheckInsOnALineProjectThatLineToTheCycleEnd() {
        Company c = q4WithKr("0", "200");
        c.checkIn("K", "2026-10-01", "10");
        c.checkIn("K", "2026-10-11", "20");
        c.checkIn("K", "2026-10-21", "30");
        Forecast f = kr(c, "K", "2026-10-25").forecast();
        // one a day from 10 on 1 October: 31 December is day 91 after it
        assertEquals(LocalDate.parse("2026-12-31"), f.at());
        assertEquals(3, f.points());
        assertEquals(1.0, f.slopePerDay(), EPS);
        assertEquals(101.0, f.projectedValue(), EPS);
        assertEquals(101.0 / 200, f.projectedProgress(), EPS);
    }

    @Test
    void scatteredCheckInsProjectTheLeastSquaresLine() {
        Company c = q4WithKr("0", "100");
        c.checkIn("K", "2026-10-01", "0");
        c.checkIn("K", "2026-10-11", "10");
        c.checkIn("K", "2026-10-21", "5");
        // x = 0, 10, 20 (days from 1 Oct), mean 10; y mean 5; Sxx = 200, Sxy = 50: slope 0.25
        // at x = 91: 5 + 0.25 * 81 = 25.25
        Forecast f = kr(c, "K", "2026-11-01").forecast();
        assertEquals(0.25, f.slopePerDay(), EPS);
        assertEquals(25.25, f.projectedValue(), EPS);
        assertEquals(0.2525, f.projectedProgress(), EPS);
    }

    @Test
    void projectedProgressIsClampedAndFollowsDecreaseTargets() {
        Company c = q4WithKr("100", "50"); // decrease to target
        c.checkIn("K", "2026-10-01", "100");
        c.checkIn("K", "2026-10-02", "99");
        c.checkIn("K", "2026-10-03", "98");
        Forecast f = kr(c, "K", "2026-10-03").forecast();
        assertEquals(-1.0, f.slopePerDay(), EPS);
        assertEquals(9.0, f.projectedValue(), EPS); // 100 - 91
        assertEquals(1.0, f.projectedProgress(), EPS);
    }

    @Test
    void thresholdTypesProjectByTheirOwnRule() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.keyResult("K", "O", KeyResultType.AT_MOST, null, "5");
        c.checkIn("K", "2026-10-01", "1");
        c.checkIn("K", "2026-10-02", "2");
        c.checkIn("K", "2026-10-03", "3");
        Forecast f = kr(c, "K", "2026-10-03").forecast();
        assertEquals(92.0, f.projectedValue(), EPS);
        assertEquals(0.0, f.projectedProgress());
    }

    @Test
    void twoCheckInsMakeNoForecast() {
        Company c = q4WithKr("0", "100");
        c.checkIn("K", "2026-10-01", "10");
        c.checkIn("K", "2026-10-11", "20");
        assertNull(kr(c, "K", "2026-12-01").forecast());
    }

    @Test
    void onlyCheckInsWithinTheCycleAndUpToTheAsOfDateCount() {
        Company c = q4WithKr("0", "100");
        c.checkIn("K", "2026-09-30", "0");  // before the cycle
        c.checkIn("K", "2026-10-05", "10");
        c.checkIn("K", "2026-10-15", "20");
        c.checkIn("K", "2026-11-15", "30");  // after the as-of date
        c.checkIn("K", "2027-01-05", "40");  // after the cycle
        assertNull(kr(c, "K", "2026-11-14").forecast());
        KeyResultResult k = kr(c, "K", "2026-11-15");
        assertEquals(3, k.checkInsInCycle());
        assertNotNull(k.forecast());
        assertEquals(3, kr(c, "K", "2027-02-01").forecast().points());
    }

    @Test
    void checkInsAllOnOneDateMakeNoForecast() {
        Company c = q4WithKr("0", "100");
        c.checkIn("K", "2026-10-05", "10");
        c.checkIn("K", "2026-10-05", "12");
        c.checkIn("K", "2026-10-05", "11");
        KeyResultResult k = kr(c, "K", "2026-11-01");
        assertEquals(3, k.checkInsInCycle());
        assertNull(k.forecast());
    }

    @Test
    void correctionsOnOneDateAreEachAPoint() {
        Company c = q4WithKr("0", "100");
        c.checkIn("K", "2026-10-01", "0");
        c.checkIn("K", "2026-10-11", "10");
        c.checkIn("K", "2026-10-11", "20");
        // x = 0, 10, 10: mean 20/3; y = 0, 10, 20: mean 10; Sxx = 200/3, Sxy = 100: slope 1.5
        Forecast f = kr(c, "K", "2026-11-01").forecast();
        assertEquals(3, f.points());
        assertEquals(1.5, f.slopePerDay(), EPS);
        assertEquals(10.0 + 1.5 * (91 - 20.0 / 3), f.projectedValue(), EPS);
    }
}
