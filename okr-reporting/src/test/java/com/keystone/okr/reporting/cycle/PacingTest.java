package com.keystone.okr.reporting.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R5: expected progress and pace. */
class PacingTest {

    private static final CycleInfo Q4 = new CycleInfo("2026-Q4", LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-12-31"), CycleState.ACTIVE); // 92 days
    private final OkrEngine engine = new OkrEngine();

    @Test
    void expectedIsZeroBeforeTheStart() {
        assertEquals(0.0, Pacing.expected(Q4, LocalDate.parse("2026-09-30")));
    }

    @Test
    void firstDayCountsAsOneElapsedDay() {
        assertEquals(1.0 / 92, Pacing.expected(Q4, LocalDate.parse("2026-10-01")));
    }

    @Test
    void expectedGrowsWithTheElapsedDaysBothInclusive() {
        assertEquals(46.0 / 92, Pacing.expected(Q4, LocalDate.parse("2026-11-15"))); // 31 + 15 days
    }

    @Test
    void lastDayAndAfterAreOne() {
        assertEquals(1.0, Pacing.expected(Q4, LocalDate.parse("2026-12-31")));
        assertEquals(1.0, Pacing.expected(Q4, LocalDate.parse("2027-03-01")));
    }

    @Test
    void oneDayCycleIsCompleteOnItsDay() {
        CycleInfo day = new CycleInfo("Hackday", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-01"), CycleState.ACTIVE);
        assertEquals(1.0, Pacing.expected(day, LocalDate.parse("2026-10-01")));
    }

    @ParameterizedTest
    @CsvSource({"0.35, ON_TRACK", "0.3499, AT_RISK", "0.2, AT_RISK", "0.1999, OFF_TRACK", "0.0, OFF_TRACK",
            "1.0, ON_TRACK"})
    void paceComparesProgressWithSeventyAndFortyPercentOfExpected(double progress, Pace pace) {
        assertEquals(pace, Pace.of(progress, 0.5));
    }

    @Test
    void everythingIsOnTrackBeforeTheStart() {
        assertEquals(Pace.ON_TRACK, Pace.of(0.0, 0.0));
    }

    @Test
    void thresholdsAreReachedExactlyThroughTheEngine() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("AT_70", "O", "0", "100");
        c.numeric("AT_40", "O", "0", "100");
        c.numeric("BELOW_40", "O", "0", "100");
        c.checkIn("AT_70", "2026-10-01", "35");
        c.checkIn("AT_40", "2026-10-01", "20");
        c.checkIn("BELOW_40", "2026-10-01", "19.99");
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2026-11-15")); // expected 0.5
        assertEquals(0.5, r.expected());
        assertEquals(Pace.ON_TRACK, r.keyResult("AT_70").orElseThrow().pace());
        assertEquals(Pace.AT_RISK, r.keyResult("AT_40").orElseThrow().pace());
        assertEquals(Pace.OFF_TRACK, r.keyResult("BELOW_40").orElseThrow().pace());
        // O: (0.35 + 0.2 + 0.1999) / 3 = 0.2499.. >= 0.2: at risk
        assertEquals(Pace.AT_RISK, r.objective("O").orElseThrow().pace());
    }

    @Test
    void progressExactlyAtTheThresholdIsOnTrackDespiteFloatingPoint() {
        // 18-day cycle, day 11: expected 11/18, on-track threshold 0.7 * 11/18 = 77/180.
        // 77/180 in doubles is one unit in the last place below 0.7 * (11.0 / 18).
        Company c = Company.cycle("Sprint", "2026-10-01", "2026-10-18", CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("K", "O", "0", "180");
        c.checkIn("K", "2026-10-01", "77");
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2026-10-11"));
        double p = r.keyResult("K").orElseThrow().progress();
        assertTrue(p < 0.7 * r.expected(), "the case this test is about: " + p + " vs " + 0.7 * r.expected());
        assertEquals(Pace.ON_TRACK, r.keyResult("K").orElseThrow().pace());
    }

    @Test
    void keyResultsAreOnTrackBeforeTheCycleStarts() {
        Company c = Company.q4(CycleState.PLANNING);
        c.objective("O", "Acme");
        c.numeric("K", "O", "0", "100");
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2026-09-15"));
        assertEquals(0.0, r.expected());
        assertEquals(Pace.ON_TRACK, r.keyResult("K").orElseThrow().pace());
        assertEquals(Pace.ON_TRACK, r.objective("O").orElseThrow().pace());
    }

    @Test
    void noProgressOnTheFirstDayIsAlreadyOffTrack() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("K", "O", "0", "100");
        assertEquals(Pace.OFF_TRACK, engine.report(c.snapshot(), LocalDate.parse("2026-10-01")).keyResult("K").orElseThrow().pace());
    }
}
