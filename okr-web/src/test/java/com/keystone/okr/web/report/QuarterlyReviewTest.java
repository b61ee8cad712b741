package com.keystone.okr.web.report;

import static com.keystone.okr.web.report.ReviewFixture.END;
import static com.keystone.okr.web.report.ReviewFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.LiveCycle;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.web.report.QuarterlyReview.Figures;
import com.keystone.okr.web.report.QuarterlyReview.Level;
import com.keystone.okr.web.report.QuarterlyReview.Row;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuarterlyReviewTest {

    private static final LocalDate LATER = LocalDate.of(2026, 11, 20);

    private static Row row(QuarterlyReview review, String path) {
        return review.getRows().stream().filter(r -> r.unitPath().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void aClosedCycleIsReviewedAsOfItsEndDate() {
        assertEquals(END, QuarterlyReview.reviewDate(CycleState.CLOSED, END, LATER));
        assertEquals(LocalDate.of(2026, 9, 1), QuarterlyReview.reviewDate(CycleState.CLOSED, END, LocalDate.of(2026, 9, 1)));
        assertEquals(LATER, QuarterlyReview.reviewDate(CycleState.ACTIVE, END, LATER));
    }

    @Test
    void listsTheCompanyThenEachDepartmentFollowedByItsTeamsInPathOrder() {
        QuarterlyReview review = ReviewFixture.review(CycleState.CLOSED, END);
        assertEquals(List.of("Acme", "Acme/Eng", "Acme/Sales", "Acme/Sales/Inbound", "Acme/Sales-Ops"),
                review.getRows().stream().map(Row::unitPath).toList());
        assertEquals(List.of(Level.COMPANY, Level.DEPARTMENT, Level.DEPARTMENT, Level.TEAM, Level.DEPARTMENT),
                review.getRows().stream().map(Row::level).toList());
        assertNull(row(review, "Acme").department());
        assertEquals("Acme/Sales", row(review, "Acme/Sales/Inbound").department());
        assertEquals("Inbound", row(review, "Acme/Sales/Inbound").name());
    }

    @Test
    void aClosedCycleCountsTheFrozenEffectiveGradesOverridesIncluded() {
        QuarterlyReview review = ReviewFixture.review(CycleState.CLOSED, END);
        assertFalse(review.isProjected());
        Figures sales = row(review, "Acme/Sales").figures();
        assertEquals(1, sales.objectives());
        assertEquals(2, sales.keyResults());
        assertEquals(1, sales.gradeRed(), "O2 is frozen at 0.5 but overridden to 0.3: red");
        assertEquals(0, sales.gradeYellow());
        assertEquals(d("0.30"), sales.averageGrade());
        assertEquals(1, row(review, "Acme").figures().gradeGreen());
        assertEquals(1, row(review, "Acme/Sales/Inbound").figures().gradeYellow());

        Figures total = review.getTotals();
        assertEquals(3, total.objectives());
        assertEquals(5, total.keyResults());
        assertEquals(List.of(1, 1, 1), List.of(total.gradeRed(), total.gradeYellow(), total.gradeGreen()));
        assertEquals(d("0.57"), total.averageGrade(), "(0.8 + 0.3 + 0.6) / 3, half-up");
    }

    @Test
    void anOpenCycleProjectsTheGradeItsProgressRoundsTo() {
        QuarterlyReview review = ReviewFixture.review(CycleState.ACTIVE, LocalDate.of(2026, 8, 15));
        assertTrue(review.isProjected());
        // O1: K1 at 45 of 100 and K2 from LEADS (20 + 30 = 50 of 100): 0.475, which grades 0.5
        Figures company = row(review, "Acme").figures();
        assertEquals(1, company.gradeYellow());
        assertEquals(d("0.50"), company.averageGrade());
        // O2 and O3 have no check-in yet on August 15: 0.0, red
        Figures total = review.getTotals();
        assertEquals(List.of(2, 1, 0), List.of(total.gradeRed(), total.gradeYellow(), total.gradeGreen()));
        assertEquals(d("0.17"), total.averageGrade());
    }

    @Test
    void checkInDisciplineCountsCheckInsWithinTheFourteenDaysUpToTheReviewDate() {
        QuarterlyReview review = ReviewFixture.review(CycleState.CLOSED, END);
        // K2 is KPI-linked: it takes no check-ins and is not counted
        Figures company = row(review, "Acme").figures();
        assertEquals(1, company.checkInKeyResults());
        assertEquals(1, company.checkedIn(), "K1 checked in on September 25");
        // K3 on September 16 is exactly 14 days old on September 30 (stale), K4 on September 17 is not
        Figures sales = row(review, "Acme/Sales").figures();
        assertEquals(2, sales.checkInKeyResults());
        assertEquals(1, sales.checkedIn());
        assertEquals(0.5, sales.discipline());
        // K5's only check-in is dated after the end of the closed cycle
        assertEquals(0.0, row(review, "Acme/Sales/Inbound").figures().discipline());
        assertEquals(0.5, review.getTotals().discipline());
        assertNull(row(review, "Acme/Eng").figures().discipline(), "no key result: no share");
    }

    @Test
    void countsEachUnitsKpisByStatus() {
        QuarterlyReview review = ReviewFixture.review(CycleState.CLOSED, END);
        assertEquals(1, row(review, "Acme").figures().kpiRed());
        assertEquals(1, row(review, "Acme/Eng").figures().kpiAmber());
        assertEquals(1, row(review, "Acme/Sales").figures().kpiGreen());
        assertEquals(1, row(review, "Acme/Sales/Inbound").figures().kpiNoData());
        Figures total = review.getTotals();
        assertEquals(List.of(1, 1, 1, 1), List.of(total.kpiGreen(), total.kpiAmber(), total.kpiRed(), total.kpiNoData()));
        assertEquals(4, total.kpis());
    }

    @Test
    void departmentsSumTheirTeamsAndNotTheirLookalikeSiblings() {
        QuarterlyReview review = ReviewFixture.review(CycleState.CLOSED, END);
        assertEquals(List.of("Acme/Eng", "Acme/Sales", "Acme/Sales-Ops"),
                review.getDepartments().stream().map(Row::unitPath).toList());
        Figures sales = review.getDepartments().get(1).figures();
        assertEquals(2, sales.objectives());
        assertEquals(3, sales.keyResults());
        assertEquals(List.of(1, 1, 0), List.of(sales.gradeRed(), sales.gradeYellow(), sales.gradeGreen()));
        assertEquals(1, sales.kpiGreen());
        assertEquals(1, sales.kpiNoData());
        assertEquals(0, review.getDepartments().get(2).figures().objectives());
    }

    @Test
    void aUnitWithoutObjectivesHasNoAverageGrade() {
        QuarterlyReview review = ReviewFixture.review(CycleState.CLOSED, END);
        assertNull(row(review, "Acme/Eng").figures().averageGrade());
    }

    @Test
    void refusesAReportComputedAsOfAnotherDate() {
        var report = ReviewFixture.report(CycleState.CLOSED, LATER);
        assertThrows(IllegalArgumentException.class, () -> QuarterlyReview.of(report, END));
    }

    @Test
    void aReviewAfterALiveChangeReusesUntouchedUnitsAndEqualsOneComputedAfresh() {
        LocalDate day = LocalDate.of(2026, 9, 20);
        LiveCycle live = LiveCycle.of(ReviewFixture.snapshot(CycleState.ACTIVE), day, 1);
        CycleReport first = live.report(day);
        QuarterlyReview before = QuarterlyReview.of(first, day);
        // a check-in on K5 (Acme/Sales/Inbound): only that unit's rows (and the cascade's objectives above it) change
        live.apply(new CycleChanges(null, null, null, null,
                List.of(new CheckInRow(99, 24, LocalDate.of(2026, 9, 19), d("40"), 6, Instant.parse("2026-09-19T10:00:00Z"))),
                null, null), 2);
        CycleReport second = live.report(day);
        assertTrue(second.sameLayout(first), "a check-in keeps the layout");
        QuarterlyReview reused = QuarterlyReview.of(second, day, first, before);
        QuarterlyReview fresh = QuarterlyReview.of(second, day);
        assertEquals(fresh.getRows(), reused.getRows());
        assertEquals(fresh.getDepartments(), reused.getDepartments());
        assertEquals(fresh.getTotals(), reused.getTotals());
        Row inbound = reused.getRows().stream().filter(r -> r.unitPath().equals("Acme/Sales/Inbound")).findFirst().orElseThrow();
        assertEquals(1, inbound.figures().checkedIn(), "the new check-in counts in the unit it was made in");
        Row eng = reused.getRows().stream().filter(r -> r.unitPath().equals("Acme/Eng")).findFirst().orElseThrow();
        assertTrue(eng.figures() == before.getRows().stream().filter(r -> r.unitPath().equals("Acme/Eng")).findFirst()
                .orElseThrow().figures(), "an untouched unit's figures are reused, not recomputed");
    }
}
