package com.keystone.okr.reporting.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R4: grades. */
class GradingTest {

    private final OkrEngine engine = new OkrEngine();

    @ParameterizedTest
    @CsvSource({"0.0, 0.0", "0.04, 0.0", "0.05, 0.1", "0.25, 0.3", "0.35, 0.4", "0.44, 0.4", "0.45, 0.5",
            "0.6499, 0.6", "0.65, 0.7", "0.95, 1.0", "1.0, 1.0"})
    void gradeIsProgressRoundedHalfUpToOneDecimal(double progress, String grade) {
        assertEquals(new BigDecimal(grade), Grading.grade(progress));
    }

    @Test
    void exactHalfReachedThroughFloatingPointStillRoundsUp() {
        double p = (1.45 - 1.0) / (2.0 - 1.0); // 0.44999999999999996 in doubles, 0.45 in decimals
        assertTrue(p < 0.45);
        assertEquals(new BigDecimal("0.5"), Grading.grade(p));
    }

    @Test
    void progressOutsideZeroToOneIsNotAGrade() {
        assertThrows(IllegalArgumentException.class, () -> Grading.grade(1.01));
        assertThrows(IllegalArgumentException.class, () -> Grading.grade(-0.1));
    }

    @ParameterizedTest
    @CsvSource({"1.0, GREEN", "0.7, GREEN", "0.6, YELLOW", "0.5, YELLOW", "0.4, YELLOW", "0.3, RED", "0.0, RED"})
    void bandsFollowTheGrade(String grade, GradeBand band) {
        assertEquals(band, GradeBand.of(new BigDecimal(grade)));
    }

    @Test
    void openCycleShowsNoGrades() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("K", "O", "0", "10");
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2027-01-15"));
        assertNull(r.objective("O").orElseThrow().grade());
        assertNull(r.keyResult("K").orElseThrow().grade());
    }

    @Test
    void closedCycleShowsTheFrozenGradeNotTheCurrentProgress() {
        Company c = Company.q4(CycleState.CLOSED);
        c.objective("O", "Acme").graded("0.3", null);
        c.numeric("K", "O", "0", "10").graded("0.3", null);
        c.checkIn("K", "2026-12-10", "3");
        c.checkIn("K", "2027-01-10", "10"); // a late check-in moves progress, not the grade
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2027-01-15"));
        KeyResultResult k = r.keyResult("K").orElseThrow();
        assertEquals(1.0, k.progress());
        assertEquals(new BigDecimal("0.3"), k.grade().computed());
        assertEquals(new BigDecimal("0.3"), k.grade().effective());
        assertEquals(GradeBand.RED, k.grade().band());
        assertFalse(k.grade().isOverridden());
    }

    @Test
    void overrideCountsAndTheComputedGradeStaysVisible() {
        Company c = Company.q4(CycleState.CLOSED);
        c.objective("O", "Acme").graded("0.3", "0.7");
        GradeInfo g = engine.report(c.snapshot(), LocalDate.parse("2027-01-15")).objective("O").orElseThrow().grade();
        assertEquals(new BigDecimal("0.3"), g.computed());
        assertEquals(new BigDecimal("0.7"), g.override());
        assertEquals(new BigDecimal("0.7"), g.effective());
        assertEquals(GradeBand.GREEN, g.band());
    }

    @Test
    void closedCycleWithoutFrozenGradeShowsTheGradeOfItsProgress() {
        Company c = Company.q4(CycleState.CLOSED);
        c.objective("O", "Acme");
        c.numeric("K", "O", "0", "20");
        c.checkIn("K", "2026-12-01", "9"); // 0.45
        GradeInfo g = engine.report(c.snapshot(), LocalDate.parse("2027-01-15")).objective("O").orElseThrow().grade();
        assertEquals(new BigDecimal("0.5"), g.computed());
        assertEquals(GradeBand.YELLOW, g.band());
    }

    @Test
    void gradesToFreezeGradeEveryObjectiveAndKeyResultAsOfTheCycleEnd() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("A", "O", "1", "2");
        c.numeric("B", "O", "0", "10");
        c.checkIn("A", "2026-12-31", "1.45");   // 0.45 on the last day: graded 0.5
        c.checkIn("B", "2026-11-01", "2");      // 0.2
        c.checkIn("B", "2027-01-02", "10");     // after the end: does not count
        c.objective("EMPTY", "Acme/Ops");

        Map<GradedSubject, BigDecimal> grades = engine.gradesToFreeze(c.snapshot());
        assertEquals(new BigDecimal("0.5"), grades.get(new GradedSubject(ContributorKind.KEY_RESULT, c.keyResultId("A"), "A")));
        assertEquals(new BigDecimal("0.2"), grades.get(new GradedSubject(ContributorKind.KEY_RESULT, c.keyResultId("B"), "B")));
        // O: (0.45 + 0.2) / 2 = 0.325 -> 0.3
        assertEquals(new BigDecimal("0.3"), grades.get(new GradedSubject(ContributorKind.OBJECTIVE, c.objectiveId("O"), "O")));
        assertEquals(new BigDecimal("0.0"), grades.get(new GradedSubject(ContributorKind.OBJECTIVE, c.objectiveId("EMPTY"), "EMPTY")));
        assertEquals(4, grades.size());
    }
}
