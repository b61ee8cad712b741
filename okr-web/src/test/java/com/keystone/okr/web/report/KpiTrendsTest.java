package com.keystone.okr.web.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.reporting.snapshot.KpiRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
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

    @Test
    void aChosenKpisTrendIsItsShareOfTheWholeTrendAndComesWithWhatItIsComputedFrom() {
        var index = ReviewFixture.snapshot(CycleState.ACTIVE).index();
        KpiRow leads = index.kpis().stream().filter(k -> k.key().equals("LEADS")).findFirst().orElseThrow();
        // a roll-up of LEADS: its trend needs LEADS's values although LEADS is not asked for
        index.putKpi(new KpiRow(9_001, "ALL-LEADS", "all leads", leads.unitId(), "owner", Direction.HIGHER_IS_BETTER,
                KpiKind.LAGGING, BigDecimal.TEN, null, null, UnitAggregation.SUM, List.of(leads.id()), null, null));
        LocalDate day = LocalDate.of(2026, 8, 15);
        KpiTrends all = KpiTrends.compute(index, day);
        KpiTrends one = KpiTrends.compute(index, day, Set.of("ALL-LEADS", "NO-SUCH-KPI"));
        assertEquals(all.dates(), one.dates());
        assertEquals(Arrays.asList(null, 20.0, 20.0, 20.0, 20.0, 20.0, 50.0), one.of("ALL-LEADS"));
        assertEquals(all.of("ALL-LEADS"), one.of("ALL-LEADS"));
        assertEquals(Set.of("ALL-LEADS"), one.values().keySet(), "only the KPIs asked for that exist");
    }
}
