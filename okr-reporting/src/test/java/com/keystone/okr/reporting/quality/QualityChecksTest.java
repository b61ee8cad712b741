package com.keystone.okr.reporting.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** R8: the quality checks. */
class QualityChecksTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-11-15");
    private final OkrEngine engine = new OkrEngine();

    private List<Finding> findings(Company c, LocalDate asOf) {
        return engine.report(c.snapshot(), asOf).findings();
    }

    private Set<String> subjects(Company c, FindingCode code) {
        return subjects(c, code, AS_OF);
    }

    private Set<String> subjects(Company c, FindingCode code, LocalDate asOf) {
        return findings(c, asOf).stream().filter(f -> f.code() == code).map(Finding::subject).collect(Collectors.toSet());
    }

    /** An objective with two owned key results, checked in yesterday: no finding of its own. */
    private static void healthyObjective(Company c, String key, String unitPath, String parent) {
        c.objective(key, unitPath).alignedTo(parent);
        for (int i = 1; i <= 2; i++) {
            c.numeric(key + "-KR" + i, key, "0", "10");
            c.checkIn(key + "-KR" + i, "2026-11-14", "1");
        }
    }

    @Test
    void healthyCycleHasNoFindings() {
        Company c = Company.q4(CycleState.ACTIVE);
        healthyObjective(c, "CO", "Acme", null);
        healthyObjective(c, "SALES", "Acme/Sales", "CO");
        assertEquals(List.of(), findings(c, AS_OF));
    }

    @Test
    void objectiveWithoutPositiveWeightContributorIsUnmeasurable() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("EMPTY", "Acme");
        c.objective("ZEROS", "Acme");
        c.numeric("Z1", "ZEROS", "0", "1").weight("0");
        c.objective("BY_CHILD", "Acme");
        c.objective("CHILD", "Acme").alignedTo("BY_CHILD");
        c.numeric("C1", "CHILD", "0", "1");
        assertEquals(Set.of("EMPTY", "ZEROS"), subjects(c, FindingCode.UNMEASURABLE));
        Finding f = findings(c, AS_OF).stream().filter(x -> x.code() == FindingCode.UNMEASURABLE).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("Acme", f.unitPath());
        assertTrue(f.message().contains("add a key result"), f.message());
    }

    @Test
    void moreThanFiveObjectivesInAUnitAreTooMany() {
        Company c = Company.q4(CycleState.ACTIVE);
        for (int i = 1; i <= 5; i++) {
            c.objective("A" + i, "Acme");
            c.objective("B" + i, "Acme/Sales").alignedTo("A1");
        }
        c.objective("B6", "Acme/Sales").alignedTo("A1");
        assertEquals(Set.of("Acme/Sales"), subjects(c, FindingCode.TOO_MANY_OBJECTIVES));
    }

    @Test
    void keyResultCountOutsideTwoToFiveIsFlagged() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("NONE", "Acme");
        c.objective("ONE", "Acme");
        c.objective("TWO", "Acme");
        c.objective("FIVE", "Acme");
        c.objective("SIX", "Acme");
        String[] keys = {"ONE", "TWO", "FIVE", "SIX"};
        int[] counts = {1, 2, 5, 6};
        for (int k = 0; k < keys.length; k++) {
            for (int i = 0; i < counts[k]; i++) {
                c.numeric(keys[k] + i, keys[k], "0", "1");
            }
        }
        assertEquals(Set.of("SIX"), subjects(c, FindingCode.TOO_MANY_KEY_RESULTS));
        assertEquals(Set.of("NONE", "ONE"), subjects(c, FindingCode.TOO_FEW_KEY_RESULTS));
    }

    @Test
    void objectiveOfATeamNotAlignedToAParentIsAnOrphan() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("CO", "Acme");                               // the root unit: never an orphan
        c.objective("ALIGNED", "Acme/Sales").alignedTo("CO");
        c.objective("LONER", "Acme/Sales");
        c.objective("IN_UNIT", "Acme/Sales").alignedTo("LONER"); // aligned, within its unit
        assertEquals(Set.of("LONER"), subjects(c, FindingCode.ORPHAN_OBJECTIVE));
    }

    @Test
    void kpiServingNoKeyResultOfTheCycleIsAnOrphan() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.kpi("ORD_A", "Acme/Sales/A");
        c.kpi("VIS_A", "Acme/Sales/A");
        c.kpi("CONV_A", "Acme/Sales/A").ratio("ORD_A", "VIS_A");
        c.kpi("ORDERS", "Acme/Sales").rollUp(UnitAggregation.SUM, "ORD_A");
        c.kpi("LINKED", "Acme").rollUp(UnitAggregation.SUM, "CONV_A");
        c.numeric("KR", "O", "0", "1").linkedTo("LINKED");
        c.kpi("UNUSED", "Acme");
        // LINKED serves the cycle; CONV_A rolls into it, ORD_A and VIS_A into CONV_A.
        // ORDERS only rolls up from a serving KPI: nothing serves it.
        assertEquals(Set.of("ORDERS", "UNUSED"), subjects(c, FindingCode.ORPHAN_KPI));
        Finding f = findings(c, AS_OF).stream().filter(x -> x.subject().equals("ORDERS")).findFirst().orElseThrow();
        assertEquals("Acme/Sales", f.unitPath());
        assertEquals(Severity.WARNING, f.severity());
    }

    @Test
    void everyKpiIsAnOrphanInACycleWithoutLinkedKeyResults() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("A", "Acme/X");
        c.kpi("B", "Acme").rollUp(UnitAggregation.SUM, "A");
        assertEquals(Set.of("A", "B"), subjects(c, FindingCode.ORPHAN_KPI));
    }

    @Test
    void unitWhoseKpisAreAllOfOneKindLacksTheOther() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("REVENUE", "Acme/Sales").kind(KpiKind.LAGGING);
        c.kpi("CHURN", "Acme/Sales").kind(KpiKind.LAGGING);
        c.kpi("TRAFFIC", "Acme/Marketing").kind(KpiKind.LEADING);
        c.kpi("LEADS", "Acme/Ops").kind(KpiKind.LEADING);
        c.kpi("COST", "Acme/Ops").kind(KpiKind.LAGGING);
        c.unit("Acme/Legal");
        assertEquals(Set.of("Acme/Sales"), subjects(c, FindingCode.NO_LEADING_INDICATOR));
        assertEquals(Set.of("Acme/Marketing"), subjects(c, FindingCode.NO_LAGGING_INDICATOR));
        assertEquals(Severity.INFO, FindingCode.NO_LEADING_INDICATOR.severity());
    }

    @Test
    void keyResultWithoutCheckInInTheLastFourteenDaysIsStale() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("FRESH", "O", "0", "10");
        c.checkIn("FRESH", "2026-11-02", "1");     // 13 days before the as-of date: within (asOf - 14, asOf]
        c.numeric("OLD", "O", "0", "10");
        c.checkIn("OLD", "2026-11-01", "1");       // exactly 14 days before: out
        c.numeric("NEVER", "O", "0", "10");
        c.numeric("FUTURE", "O", "0", "10");
        c.checkIn("FUTURE", "2026-11-16", "1");    // after the as-of date: does not count yet
        c.numeric("TODAY", "O", "0", "10");
        c.checkIn("TODAY", "2026-11-15", "1");
        c.kpi("K", "Acme");
        c.numeric("LINKED", "O", "0", "10").linkedTo("K"); // its value comes with the KPI's measurements
        assertEquals(Set.of("OLD", "NEVER", "FUTURE"), subjects(c, FindingCode.STALE_KEY_RESULT));
    }

    @Test
    void onlyAnActiveCycleThatHasStartedHasStaleKeyResults() {
        Company c = Company.q4(CycleState.PLANNING);
        c.objective("O", "Acme");
        c.numeric("NEVER", "O", "0", "10");
        assertTrue(subjects(c, FindingCode.STALE_KEY_RESULT).isEmpty());
        c.state(CycleState.CLOSED);
        assertTrue(subjects(c, FindingCode.STALE_KEY_RESULT).isEmpty());
        c.state(CycleState.ACTIVE);
        assertTrue(subjects(c, FindingCode.STALE_KEY_RESULT, LocalDate.parse("2026-09-30")).isEmpty());
        assertEquals(Set.of("NEVER"), subjects(c, FindingCode.STALE_KEY_RESULT, LocalDate.parse("2026-10-01")));
    }

    @Test
    void objectiveKeyResultOrKpiWithoutOwnerHasNoOwner() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme").owner(null);
        c.objective("OWNED", "Acme");
        c.numeric("KR", "OWNED", "0", "1").owner("  ");
        c.numeric("KR2", "OWNED", "0", "1");
        c.kpi("K", "Acme").owner(null);
        c.kpi("K2", "Acme");
        assertEquals(Set.of("O", "KR", "K"), subjects(c, FindingCode.NO_OWNER));
    }

    @Test
    void findingsComeUnitByUnitInPathOrder() {
        Company c = Company.q4(CycleState.PLANNING);
        c.objective("Z", "Acme/Sales");
        c.objective("A", "Acme");
        List<Finding> all = findings(c, AS_OF);
        assertEquals("Acme", all.get(0).unitPath());
        assertEquals("Acme/Sales", all.get(all.size() - 1).unitPath());
        assertFalse(engine.report(c.snapshot(), AS_OF).findingsOf("Acme/Sales").isEmpty());
    }
}
