package com.keystone.okr.domain.cycle;

import static com.keystone.okr.domain.Fixtures.NOW;
import static com.keystone.okr.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CycleTest {

    @Test
    void aQuarterNameDerivesItsInclusiveDates() {
        Cycle q4 = Cycle.quarter("2026-Q4");
        assertEquals(LocalDate.of(2026, 10, 1), q4.getStartDate());
        assertEquals(LocalDate.of(2026, 12, 31), q4.getEndDate());
        assertEquals(92, q4.totalDays());
        Cycle q1 = Cycle.quarter("2028-Q1");
        assertEquals(LocalDate.of(2028, 3, 31), q1.getEndDate());
        assertEquals(91, q1.totalDays(), "2028 is a leap year");
    }

    @Test
    void otherNamesNeedDatesAndAQuarterNameCannotLie() {
        Cycle h1 = Cycle.of("FY27 H1", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 6, 30));
        assertEquals(LocalDate.of(2027, 6, 30), h1.getEndDate());
        refused("start_date", () -> Cycle.of("Sprint 1", null, LocalDate.of(2027, 1, 1)));
        refused("start_date", () -> Cycle.of("2026-Q4", LocalDate.of(2026, 10, 2), LocalDate.of(2026, 12, 31)));
        refused("cycle", () -> Cycle.quarter("2026-Q5"));
        refused("cycle", () -> Cycle.of("bad/name", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1)));
    }

    @Test
    void aCycleCannotEndBeforeItStarts() {
        refused("end_date", () -> Cycle.of("Backwards", LocalDate.of(2027, 2, 1), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void statesOnlyMoveForward() {
        Cycle c = Cycle.quarter("2026-Q4");
        assertEquals(CycleState.PLANNING, c.getState());
        c.activate();
        assertEquals(CycleState.ACTIVE, c.getState());
        refused("state", c::activate);
        c.close(NOW);
        assertTrue(c.isClosed());
        assertEquals(NOW, c.getClosedAt());
        refused("state", () -> c.close(NOW));
        refused("state", c::activate);
    }

    @Test
    void containsIncludesBothEnds() {
        Cycle c = Cycle.quarter("2026-Q4");
        assertTrue(c.contains(LocalDate.of(2026, 10, 1)));
        assertTrue(c.contains(LocalDate.of(2026, 12, 31)));
        assertFalse(c.contains(LocalDate.of(2027, 1, 1)));
        assertFalse(c.contains(LocalDate.of(2026, 9, 30)));
    }
}
