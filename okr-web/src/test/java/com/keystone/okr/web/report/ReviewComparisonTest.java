package com.keystone.okr.web.report;

import static com.keystone.okr.web.report.ReviewFixture.END;
import static com.keystone.okr.web.report.ReviewFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.web.report.ReviewComparison.Change;
import com.keystone.okr.web.report.ReviewComparison.Line;
import com.keystone.okr.web.report.ReviewComparison.Tone;
import com.keystone.okr.web.report.ReviewComparison.Trend;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review of 2026-Q3 beside 2026-Q2's (see {@link ReviewFixture}): previous figures and changes per unit and company. */
class ReviewComparisonTest {

    private static Line line(ReviewComparison c, String path) {
        return c.getLines().stream().filter(l -> l.row().unitPath().equals(path)).findFirst().orElseThrow();
    }

    private static void assertChange(String difference, Trend trend, Tone tone, Change change) {
        assertEquals(new BigDecimal(difference), change.difference(), "difference");
        assertEquals(trend, change.trend(), "trend");
        assertEquals(tone, change.tone(), "tone");
    }

    @Test
    void eachUnitCarriesThePreviousCyclesFiguresOfTheSamePath() {
        ReviewComparison c = ReviewFixture.comparison();
        assertTrue(c.isCompared());
        assertEquals("2026-Q2", c.getPreviousCycle());
        assertEquals(CycleState.CLOSED, c.getPreviousState());
        assertFalse(c.isPreviousProjected());
        assertEquals(ReviewFixture.PREVIOUS_END, c.getPreviousAsOf());
        assertEquals(c.getReview().getRows(), c.getLines().stream().map(Line::row).toList(), "the review's rows, in order");

        Line sales = line(c, "Acme/Sales");
        assertEquals(2, sales.previous().objectives());
        assertEquals(List.of(1, 0, 1), List.of(sales.previous().gradeRed(), sales.previous().gradeYellow(),
                sales.previous().gradeGreen()));
        assertEquals(d("0.45"), sales.previous().averageGrade(), "(0.7 + 0.2) / 2");
        assertEquals(0.0, sales.previous().discipline(), "Q2 on May 1 is stale on June 30, Q3 never checked in");
        assertEquals(1, sales.previous().kpiRed(), "LEADS summed 25 in Q2, below its warning of 30");
    }

    @Test
    void changesAreThisCycleMinusThePreviousWithTheirDirectionAndWhetherTheyAreGoodNews() {
        ReviewComparison c = ReviewFixture.comparison();
        Line acme = line(c, "Acme");
        assertChange("0.30", Trend.UP, Tone.GOOD, acme.averageGrade()); // 0.8 against 0.5
        assertChange("0", Trend.SAME, Tone.NEUTRAL, acme.discipline()); // 100% both times
        assertChange("1", Trend.UP, Tone.GOOD, acme.gradesGreen());
        assertChange("0", Trend.SAME, Tone.NEUTRAL, acme.gradesRed());
        assertChange("-1", Trend.DOWN, Tone.BAD, acme.kpisGreen()); // CHURN was green, is red
        assertChange("1", Trend.UP, Tone.BAD, acme.kpisRed()); // more red is bad news

        Line sales = line(c, "Acme/Sales");
        assertChange("-0.15", Trend.DOWN, Tone.BAD, sales.averageGrade()); // 0.30 (the override) against 0.45
        assertChange("50", Trend.UP, Tone.GOOD, sales.discipline()); // 50% against 0%, in points
        assertChange("-1", Trend.DOWN, Tone.BAD, sales.gradesGreen());
        assertChange("0", Trend.SAME, Tone.NEUTRAL, sales.gradesRed());
        assertChange("1", Trend.UP, Tone.GOOD, sales.kpisGreen());
        assertChange("-1", Trend.DOWN, Tone.GOOD, sales.kpisRed()); // less red is good news
    }

    @Test
    void aChangeNeedsAFigureOnBothSides() {
        ReviewComparison c = ReviewFixture.comparison();
        Line eng = line(c, "Acme/Eng");
        assertTrue(eng.isCompared());
        assertNull(eng.averageGrade(), "no objectives in either cycle: no average, no change");
        assertNull(eng.discipline(), "no key results in either cycle");
        assertChange("-1", Trend.DOWN, Tone.BAD, eng.kpisGreen()); // UPTIME green in Q2, amber in Q3

        Line inbound = line(c, "Acme/Sales/Inbound");
        assertFalse(inbound.isCompared(), "the team did not exist in Q2");
        assertNull(inbound.previous());
        assertNull(inbound.averageGrade());
        assertNull(inbound.kpisGreen());
    }

    @Test
    void theCompanyTotalIsComparedWithThePreviousTotal() {
        ReviewComparison c = ReviewFixture.comparison();
        Line total = c.getTotal();
        assertEquals(c.getReview().getTotals(), total.row().figures());
        assertEquals(d("0.47"), total.previous().averageGrade(), "(0.5 + 0.7 + 0.2) / 3, half-up");
        assertChange("0.10", Trend.UP, Tone.GOOD, total.averageGrade()); // 0.57 against 0.47
        // 2 of 4 (50%) against 1 of 3 (33%): whole points between the percentages the page shows
        assertChange("17", Trend.UP, Tone.GOOD, total.discipline());
        assertChange("-1", Trend.DOWN, Tone.BAD, total.kpisGreen()); // 1 green against 2
        assertChange("0", Trend.SAME, Tone.NEUTRAL, total.kpisRed());
    }

    @Test
    void disciplinePointsAreBetweenThePercentagesAsShown() {
        assertEquals(new BigDecimal("67"), ReviewComparison.points(2.0 / 3));
        assertEquals(new BigDecimal("33"), ReviewComparison.points(1.0 / 3));
        assertNull(ReviewComparison.points(null));
    }

    @Test
    void withoutAPreviousCycleNothingIsCompared() {
        ReviewComparison c = ReviewComparison.of(ReviewFixture.review(CycleState.CLOSED, END), null);
        assertFalse(c.isCompared());
        assertNull(c.getPreviousCycle());
        assertTrue(c.getLines().stream().noneMatch(Line::isCompared));
        assertFalse(c.getTotal().isCompared());
    }

    @Test
    void anOpenCycleIsComparedOnItsProjectedGrades() {
        QuarterlyReview open = ReviewFixture.review(CycleState.ACTIVE, LocalDate.of(2026, 8, 15));
        ReviewComparison c = ReviewComparison.of(open, ReviewFixture.previousReview());
        assertTrue(c.getReview().isProjected());
        // Acme's O1 projects 0.5 on August 15 (see QuarterlyReviewTest), P1 was frozen at 0.5
        assertChange("0.00", Trend.SAME, Tone.NEUTRAL, line(c, "Acme").averageGrade());
    }

    @Test
    void thePreviousCycleIsTheOneThatEndedMostRecentlyBeforeThisOneStarts() {
        Cycle q1 = Cycle.quarter("2026-Q1");
        Cycle q2 = Cycle.quarter("2026-Q2");
        Cycle q3 = Cycle.quarter("2026-Q3");
        Cycle q4 = Cycle.quarter("2026-Q4");
        Cycle firstHalf = Cycle.of("2026-H1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
        Cycle overlapping = Cycle.of("Summer", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 31));
        List<Cycle> all = List.of(q4, q1, firstHalf, overlapping, q3, q2);
        assertSame(q2, ReviewService.previousOf(all, q3), "Q2 and H1 end together; Q2 started later");
        assertSame(q3, ReviewService.previousOf(all, q4), "of all that ended before October, Q3 ended last");
        assertSame(q1, ReviewService.previousOf(all, q2));
        assertNull(ReviewService.previousOf(all, q1), "nothing ended before 2026");
        assertNull(ReviewService.previousOf(List.of(q3), q3));
        assertSame(q2, ReviewService.previousOf(List.of(q2, overlapping), q3), "a cycle still running when Q3 starts is not before it");
    }
}
