package com.keystone.okr.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.reporting.cycle.Pace;
import com.keystone.okr.reporting.fixture.Company;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.kpi.KpiStatus;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.objective.ObjectiveResult;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole report as of different dates, and its shape. */
class OkrEngineTest {

    private static final double EPS = 1e-12;
    private final OkrEngine engine = new OkrEngine();

    /** One objective with a checked-in key result and a KPI-linked one, check-ins around the cycle. */
    private static Company company() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("CO", "Acme");
        c.numeric("KR", "CO", "0", "100");
        c.kpi("LEADS", "Acme").time(TimeAggregation.SUM);
        c.numeric("LINKED", "CO", "0", "10").linkedTo("LEADS");
        c.checkIn("KR", "2026-09-25", "5");   // a baseline before the cycle
        c.checkIn("KR", "2026-10-01", "10");  // first day
        c.checkIn("KR", "2026-12-31", "60");  // last day
        c.checkIn("KR", "2027-01-05", "90");  // after the end
        c.measure("LEADS", "2026-09-30", "3");
        c.measure("LEADS", "2026-10-01", "2");
        c.measure("LEADS", "2026-12-31", "4");
        c.measure("LEADS", "2027-01-05", "4");
        return c;
    }

    @Test
    void beforeTheCycleStartsACheckInDatedOnOrBeforeTheAsOfDateCountsButNoKpiHasAValue() {
        CycleReport r = engine.report(company().snapshot(), LocalDate.parse("2026-09-30"));
        assertEquals(0.0, r.expected());
        KeyResultResult kr = r.keyResult("KR").orElseThrow();
        assertEquals(5.0, kr.current()); // R1: the check-in of 25 September is dated before the as-of date
        assertEquals(0.05, kr.progress(), EPS);
        assertEquals(LocalDate.parse("2026-09-25"), kr.latestCheckIn());
        assertEquals(Pace.ON_TRACK, kr.pace());
        assertNull(r.kpi("LEADS").orElseThrow().value()); // R6: the period [start, asOf] is empty
        assertEquals(0.0, r.keyResult("LINKED").orElseThrow().progress());
        assertEquals(0.025, r.objective("CO").orElseThrow().progress(), EPS);
        assertEquals(0.025, r.unit("Acme").orElseThrow().progress(), EPS);
    }

    @Test
    void onTheFirstDayItsCheckInsAndMeasurementsCount() {
        CycleReport r = engine.report(company().snapshot(), LocalDate.parse("2026-10-01"));
        assertEquals(1.0 / 92, r.expected(), EPS);
        assertEquals(0.1, r.keyResult("KR").orElseThrow().progress(), EPS);
        assertEquals(2.0, r.kpi("LEADS").orElseThrow().value());
        assertEquals(0.2, r.keyResult("LINKED").orElseThrow().progress(), EPS);
        assertEquals(0.15, r.objective("CO").orElseThrow().progress(), EPS);
    }

    @Test
    void aCheckInFromBeforeTheCycleCountsOnceTheCycleHasStarted() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("CO", "Acme");
        c.numeric("KR", "CO", "0", "100");
        c.checkIn("KR", "2026-09-25", "5");
        assertEquals(0.05, engine.report(c.snapshot(), LocalDate.parse("2026-10-01")).keyResult("KR").orElseThrow().progress(), EPS);
    }

    @Test
    void onTheLastDayEverythingOfTheCycleCounts() {
        CycleReport r = engine.report(company().snapshot(), LocalDate.parse("2026-12-31"));
        assertEquals(1.0, r.expected());
        assertEquals(0.6, r.keyResult("KR").orElseThrow().progress(), EPS);
        assertEquals(6.0, r.kpi("LEADS").orElseThrow().value());
        assertEquals(0.6, r.keyResult("LINKED").orElseThrow().progress(), EPS);
        assertEquals(Pace.AT_RISK, r.objective("CO").orElseThrow().pace()); // 0.6 < 0.7
    }

    @Test
    void afterTheCycleKpisStopAtItsEndButLateCheckInsCount() {
        CycleReport r = engine.report(company().snapshot(), LocalDate.parse("2027-01-10"));
        assertEquals(1.0, r.expected());
        assertEquals(6.0, r.kpi("LEADS").orElseThrow().value());
        assertEquals(0.9, r.keyResult("KR").orElseThrow().progress(), EPS);
        assertEquals(LocalDate.parse("2027-01-05"), r.keyResult("KR").orElseThrow().latestCheckIn());
    }

    @Test
    void reportListsEveryUnitAndKpiOfTheCompanyAndNestsByKey() {
        Company c = company();
        c.unit("Acme/Legal");
        c.kpi("IDLE", "Acme/Legal");
        c.objective("SALES", "Acme/Sales").alignedTo("CO");
        c.numeric("S1", "SALES", "0", "1");
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2026-11-15"));

        assertEquals(List.of("Acme", "Acme/Legal", "Acme/Sales"), r.units().stream().map(u -> u.path()).toList());
        assertEquals(List.of("LEADS", "IDLE"), r.kpis().stream().map(KpiResult::key).toList());
        assertEquals(KpiStatus.NO_DATA, r.kpi("IDLE").orElseThrow().status());
        assertEquals(List.of("CO"), r.objectivesOf("Acme").stream().map(ObjectiveResult::key).toList());
        assertEquals(List.of("SALES"), r.alignedTo("CO").stream().map(ObjectiveResult::key).toList());
        assertEquals(List.of("KR", "LINKED"), r.keyResultsOf("CO").stream().map(KeyResultResult::key).toList());
        assertEquals("Acme/Sales", r.keyResult("S1").orElseThrow().unitPath());
        assertEquals(List.of("IDLE"), r.kpisOf("Acme/Legal").stream().map(KpiResult::key).toList());
        assertEquals("2026-Q4", r.cycleName());
        assertEquals(CycleState.ACTIVE, r.state());
        assertTrue(r.objective("NOPE").isEmpty());
    }

    @Test
    void oneIndexServesManyAsOfDates() {
        SnapshotIndex index = company().snapshot().index();
        assertEquals(0.1, engine.report(index, LocalDate.parse("2026-10-15")).keyResult("KR").orElseThrow().progress(), EPS);
        assertEquals(0.6, engine.report(index, LocalDate.parse("2026-12-31")).keyResult("KR").orElseThrow().progress(), EPS);
    }

    @Test
    void aLargeCompanyIsComputedInLinearTime() {
        Company c = Company.q4(CycleState.ACTIVE);
        int units = 500;
        int objectivesPerUnit = 20;
        int krsPerObjective = 5; // 50,000 key results
        c.objective("CO", "Acme");
        for (int u = 0; u < units; u++) {
            String path = "Acme/Dept" + (u % 20) + "/Team" + u;
            for (int o = 0; o < objectivesPerUnit; o++) {
                String key = "O" + u + "-" + o;
                c.objective(key, path).alignedTo(o == 0 ? "CO" : "O" + u + "-0");
                for (int k = 0; k < krsPerObjective; k++) {
                    String kr = key + "-" + k;
                    c.numeric(kr, key, "0", "100");
                    c.checkIn(kr, "2026-10-10", String.valueOf(k * 10));
                    c.checkIn(kr, "2026-11-10", String.valueOf(k * 20));
                }
            }
        }
        var snapshot = c.snapshot();
        CycleReport r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> engine.report(snapshot, LocalDate.parse("2026-11-15")));
        assertEquals(50_000, r.keyResults().size());
        // every key result set: 0, 0.2, 0.4, 0.6, 0.8 -> 0.4 everywhere
        assertEquals(0.4, r.objective("CO").orElseThrow().progress(), 1e-9);
    }
}
