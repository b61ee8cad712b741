package com.keystone.okr.reporting.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import com.keystone.okr.reporting.objective.Contributor;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R3: org unit progress. */
class UnitRollupTest {

    private static final double EPS = 1e-12;
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-15");
    private final OkrEngine engine = new OkrEngine();

    @Test
    void unitProgressIsTheWeightedMeanOfItsTopLevelObjectives() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("A", "Acme");
        c.numeric("KA", "A", "0", "10");
        c.checkIn("KA", "2026-10-10", "2"); // 0.2
        c.objective("B", "Acme").weight("3");
        c.numeric("KB", "B", "0", "10");
        c.checkIn("KB", "2026-10-10", "6"); // 0.6
        UnitResult acme = engine.report(c.snapshot(), AS_OF).unit("Acme").orElseThrow();
        assertEquals((0.2 + 3 * 0.6) / 4, acme.progress(), EPS); // 0.5
        assertEquals(List.of("A", "B"), acme.contributors().stream().map(Contributor::key).toList());
    }

    @Test
    void objectiveAlignedWithinItsUnitCountsOnlyThroughItsParent() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("TOP", "Acme");
        c.numeric("KT", "TOP", "0", "10");
        c.checkIn("KT", "2026-10-10", "0");
        c.objective("SUB", "Acme").alignedTo("TOP");
        c.numeric("KS", "SUB", "0", "10");
        c.checkIn("KS", "2026-10-10", "10");
        CycleReport r = engine.report(c.snapshot(), AS_OF);
        assertEquals(0.5, r.objective("TOP").orElseThrow().progress(), EPS);
        assertEquals(0.5, r.unit("Acme").orElseThrow().progress(), EPS); // not (0.5 + 1) / 2
    }

    @Test
    void objectiveAlignedToAnAncestorUnitIsTopLevelInItsOwnUnit() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("CO", "Acme");
        c.objective("SALES", "Acme/Sales").alignedTo("CO");
        c.numeric("K", "SALES", "0", "10");
        c.checkIn("K", "2026-10-10", "3");
        CycleReport r = engine.report(c.snapshot(), AS_OF);
        assertEquals(0.3, r.unit("Acme/Sales").orElseThrow().progress(), EPS);
        assertEquals(0.3, r.unit("Acme").orElseThrow().progress(), EPS);
    }

    @Test
    void unitProgressCountsOnlyItsOwnObjectivesNotThoseOfUnitsBelow() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("CO", "Acme");
        c.numeric("K1", "CO", "0", "10");
        c.checkIn("K1", "2026-10-10", "10");
        c.objective("TEAM", "Acme/Sales"); // not aligned: an orphan, not part of Acme's progress
        c.numeric("K2", "TEAM", "0", "10");
        CycleReport r = engine.report(c.snapshot(), AS_OF);
        assertEquals(1.0, r.unit("Acme").orElseThrow().progress(), EPS);
        assertEquals(0.0, r.unit("Acme/Sales").orElseThrow().progress(), EPS);
    }

    @Test
    void unitWithoutObjectivesHasNoProgressRatherThanZero() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.unit("Acme/Legal");
        c.objective("CO", "Acme");
        UnitResult legal = engine.report(c.snapshot(), AS_OF).unit("Acme/Legal").orElseThrow();
        assertNull(legal.progress());
        assertFalse(legal.hasOkrs());
    }

    @Test
    void unitWhoseTopLevelObjectivesAllWeighZeroHasNoProgress() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("A", "Acme").weight("0");
        c.numeric("K", "A", "0", "10");
        c.checkIn("K", "2026-10-10", "5");
        UnitResult acme = engine.report(c.snapshot(), AS_OF).unit("Acme").orElseThrow();
        assertNull(acme.progress());
        assertEquals(1, acme.contributors().size());
        assertFalse(acme.contributors().get(0).counted());
    }

    @Test
    void unmeasurableTopLevelObjectiveCountsAsZero() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("A", "Acme");
        c.numeric("K", "A", "0", "10");
        c.checkIn("K", "2026-10-10", "8");
        c.objective("EMPTY", "Acme");
        assertEquals(0.4, engine.report(c.snapshot(), AS_OF).unit("Acme").orElseThrow().progress(), EPS);
    }

    @Test
    void everyUnitIsListedInPathOrder() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.unit("Acme/Sales/Inbound");
        c.unit("Acme/Sales-Ops");
        c.unit("Acme/Marketing");
        c.unit("Acme/Sales");
        List<String> paths = engine.report(c.snapshot(), AS_OF).units().stream().map(UnitResult::path).toList();
        assertEquals(List.of("Acme", "Acme/Marketing", "Acme/Sales", "Acme/Sales/Inbound", "Acme/Sales-Ops"), paths);
    }
}
