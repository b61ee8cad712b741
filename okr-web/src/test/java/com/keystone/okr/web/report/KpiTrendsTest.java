package com.keystone.okr.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTrendsTest {

    private static final LocalDate START = ReviewFixture.START;
    private static final LocalDate END = ReviewFixture.END;

    @Test
    void weeksEndSevenDaysApartAndTheLastPointIsTheDayLookedAt() {
        assertEquals(List.of(LocalDate.of(2026, 7, 7), LocalDate.of(2026, 7, 14), LocalDate.of(2026, 7, 17)),
                KpiTrends.weekEnds(START, END, LocalDate.of(2026, 7, 17)));
        assertEquals(List.of(LocalDate.of(2026, 7, 7), LocalDate.of(2026, 7, 14)),
                KpiTrends.weekEnds(START, END, LocalDate.of(2026, 7, 14)));
        assertEquals(List.of(START), KpiTrends.weekEnds(START, END, START));
    }

    @Test
    void aFinishedCycleEndsOnItsLastDayAndOneNotStartedHasNoPoints() {
        List<LocalDate> weeks = KpiTrends.weekEnds(START, END, LocalDate.of(2027, 1, 1));
        assertEquals(14, weeks.size());
        assertEquals(END, weeks.get(weeks.size() - 1));
        assertTrue(KpiTrends.weekEnds(START, END, START.minusDays(1)).isEmpty());
    }

    @Test
    void eachPointIsTheEnginesValueAsOfThatDate() {
        var index = ReviewFixture.snapshot(CycleState.ACTIVE).index();
        KpiTrends trends = KpiTrends.compute(index, LocalDate.of(2026, 8, 15));
        assertEquals(7, trends.dates().size());
        // LEADS sums 20 (July 10) and 30 (August 12): nothing in week one, 20 from week two, 50 from August 12 on
        assertEquals(Arrays.asList(null, 20.0, 20.0, 20.0, 20.0, 20.0, 50.0), trends.of("LEADS"));
        assertEquals(Arrays.asList(null, null, 99.7, 99.7, 99.7, 99.7, 99.7), trends.of("UPTIME"), "measured July 20");
        assertEquals(Arrays.asList(null, null, null, null, null, null, null), trends.of("CALLS"));
        assertEquals(7, trends.of("UNKNOWN").size());
    }
}
