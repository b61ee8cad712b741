package com.keystone.okr.domain.objective;

import static com.keystone.okr.domain.Fixtures.NOW;
import static com.keystone.okr.domain.Fixtures.kpi;
import static com.keystone.okr.domain.Fixtures.n;
import static com.keystone.okr.domain.Fixtures.numericKr;
import static com.keystone.okr.domain.Fixtures.objective;
import static com.keystone.okr.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.unit.OrgUnit;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KeyResultTest {

    private final OrgUnit acme = OrgUnit.root("Acme");
    private final Cycle q4 = Cycle.quarter("2026-Q4");
    private final Objective o = objective(q4, "CO-1", acme);
    private final LocalDate day = LocalDate.of(2026, 11, 20);

    @Test
    void aLinearKeyResultWithTargetEqualToStartIsRefused() {
        for (KeyResultType t : new KeyResultType[] {KeyResultType.NUMERIC, KeyResultType.PERCENT, KeyResultType.CURRENCY}) {
            refused("target", () -> new KeyResult(o, "KR-" + t, "t", t, n("5"), n("5.0")));
        }
    }

    @Test
    void aDecreaseToTargetIsValid() {
        KeyResult churn = new KeyResult(o, "KR-1", "cut churn", KeyResultType.PERCENT, n("12"), n("7"));
        assertEquals(n("7"), churn.getTargetValue());
    }

    @Test
    void aMilestoneAlwaysRunsFromZeroToOne() {
        KeyResult m = new KeyResult(o, "KR-1", "launch", KeyResultType.MILESTONE, n("3"), n("9"));
        assertEquals(BigDecimal.ZERO, m.getStartValue());
        assertEquals(BigDecimal.ONE, m.getTargetValue());
    }

    @Test
    void floorsAndCeilingsNeedOnlyATarget() {
        KeyResult floor = new KeyResult(o, "KR-1", "NPS stays high", KeyResultType.AT_LEAST, null, n("75"));
        assertEquals(n("75"), floor.getTargetValue());
        refused("target", () -> new KeyResult(o, "KR-2", "cap", KeyResultType.AT_MOST, n("1"), null));
    }

    @Test
    void missingTypeStartOrTargetIsRefused() {
        refused("kr_type", () -> new KeyResult(o, "KR-1", "t", null, n("0"), n("1")));
        refused("start", () -> new KeyResult(o, "KR-1", "t", KeyResultType.NUMERIC, null, n("1")));
        refused("key_result", () -> new KeyResult(o, "KR-1", "", KeyResultType.NUMERIC, n("0"), n("1")));
        refused("kr_key", () -> new KeyResult(o, "KR 1", "t", KeyResultType.NUMERIC, n("0"), n("1")));
    }

    @Test
    void checkInsCarryTheirDataAndRefuseABadConfidence() {
        KeyResult kr = numericKr(o, "KR-1");
        CheckIn c = kr.checkIn(day, n("4.5"), 7, "on our way", "alice", NOW);
        assertEquals(day, c.getEffectiveDate());
        assertEquals(n("4.5"), c.getValue());
        assertEquals(7, c.getConfidence());
        assertEquals("alice", c.getAuthor());
        refused("confidence", () -> kr.checkIn(day, n("1"), 0, null, "alice", NOW));
        refused("confidence", () -> kr.checkIn(day, n("1"), 11, null, "alice", NOW));
        refused("value", () -> kr.checkIn(day, null, null, null, "alice", NOW));
        refused("date", () -> kr.checkIn(null, n("1"), null, null, "alice", NOW));
        assertNull(kr.checkIn(day, n("1"), null, "  ", "alice", NOW).getComment());
    }

    @Test
    void aKpiLinkedKeyResultRefusesManualCheckIns() {
        KeyResult kr = numericKr(o, "KR-1");
        kr.linkKpi(kpi("NPS", acme));
        InvalidCheck.assertMentions(refused("kr_key", () -> kr.checkIn(day, n("1"), null, null, "alice", NOW)), "NPS");
    }

    @Test
    void aKeyResultCannotMoveToAnotherCycle() {
        KeyResult kr = numericKr(o, "KR-1");
        Objective other = objective(Cycle.quarter("2027-Q1"), "CO-1", acme);
        refused("objective_key", () -> kr.moveTo(other));
    }

    @Test
    void aClosedCycleRefusesChangesButStillTakesLateCheckIns() {
        KeyResult kr = numericKr(o, "KR-1");
        q4.activate();
        q4.close(NOW);
        refused("cycle", () -> kr.reweigh(BigDecimal.TEN));
        refused("cycle", () -> kr.remeasure(KeyResultType.NUMERIC, n("0"), n("20")));
        assertTrue(kr.checkIn(day, n("3"), null, null, "alice", NOW).getValue().compareTo(n("3")) == 0,
                "a late check-in is history; the frozen grade does not change");
    }

    /** Small helper to check a refusal message names what it is about. */
    static final class InvalidCheck {
        static void assertMentions(RuntimeException e, String word) {
            assertTrue(e.getMessage().contains(word), e.getMessage());
        }
    }
}
