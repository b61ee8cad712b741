package com.keystone.okr.reporting.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** R1: key result progress. */
class KrProgressTest {

    private static final double EPS = 1e-12;
    private final OkrEngine engine = new OkrEngine();

    private static KeyResultRow kr(KeyResultType type, String start, String target) {
        return new KeyResultRow(1, "KR", "KR", 1, type, start == null ? null : new BigDecimal(start),
                target == null ? null : new BigDecimal(target), BigDecimal.ONE, "alice", null, null, null);
    }

    @Test
    void linearProgressIsTheDistanceFromStartToTarget() {
        assertEquals(0.5, KrProgress.of(kr(KeyResultType.NUMERIC, "10", "20"), 15.0), EPS);
        assertEquals(0.25, KrProgress.of(kr(KeyResultType.PERCENT, "0", "80"), 20.0), EPS);
        assertEquals(0.75, KrProgress.of(kr(KeyResultType.CURRENCY, "1000", "2000"), 1750.0), EPS);
    }

    @Test
    void decreaseToTargetNeedsNoSpecialCase() {
        // churn from 100 down to 50, now 80: 20 of 50 done
        assertEquals(0.4, KrProgress.of(kr(KeyResultType.NUMERIC, "100", "50"), 80.0), EPS);
        assertEquals(1.0, KrProgress.of(kr(KeyResultType.NUMERIC, "100", "50"), 50.0), EPS);
    }

    @Test
    void progressBeyondTheTargetIsClampedToOne() {
        assertEquals(1.0, KrProgress.of(kr(KeyResultType.NUMERIC, "0", "10"), 12.0), EPS);
        assertEquals(1.0, KrProgress.of(kr(KeyResultType.NUMERIC, "100", "50"), 20.0), EPS);
    }

    @Test
    void progressBehindTheStartIsClampedToZero() {
        assertEquals(0.0, KrProgress.of(kr(KeyResultType.NUMERIC, "0", "10"), -5.0), EPS);
        assertEquals(0.0, KrProgress.of(kr(KeyResultType.NUMERIC, "100", "50"), 120.0), EPS);
    }

    @Test
    void milestoneIsDoneFromOne() {
        KeyResultRow m = kr(KeyResultType.MILESTONE, null, null);
        assertEquals(0.0, KrProgress.of(m, 0.0));
        assertEquals(0.0, KrProgress.of(m, 0.99));
        assertEquals(1.0, KrProgress.of(m, 1.0));
        assertEquals(1.0, KrProgress.of(m, 2.0));
    }

    @Test
    void milestoneRunsFromZeroToOneWhateverTheRowSays() {
        KeyResultRow m = kr(KeyResultType.MILESTONE, "5", "9");
        assertEquals(BigDecimal.ZERO, KrProgress.start(m));
        assertEquals(BigDecimal.ONE, KrProgress.target(m));
        assertEquals(1.0, KrProgress.of(m, 1.0));
    }

    @Test
    void atLeastHoldsAtOrAboveTheFloor() {
        KeyResultRow floor = kr(KeyResultType.AT_LEAST, null, "95");
        assertEquals(1.0, KrProgress.of(floor, 95.0));
        assertEquals(1.0, KrProgress.of(floor, 99.0));
        assertEquals(0.0, KrProgress.of(floor, 94.99));
    }

    @Test
    void atMostHoldsAtOrBelowTheCeiling() {
        KeyResultRow ceiling = kr(KeyResultType.AT_MOST, "0", "3");
        assertEquals(1.0, KrProgress.of(ceiling, 3.0));
        assertEquals(1.0, KrProgress.of(ceiling, 0.0));
        assertEquals(0.0, KrProgress.of(ceiling, 3.01));
    }

    @ParameterizedTest
    @EnumSource(KeyResultType.class)
    void noValueMeansNoProgressForEveryType(KeyResultType type) {
        // an AT_MOST with c = s = 0 <= t would otherwise count as held
        assertEquals(0.0, KrProgress.of(kr(type, "0", "3"), null));
    }

    @Test
    void targetEqualToStartIsRefusedAsInvalidInput() {
        assertThrows(IllegalStateException.class, () -> KrProgress.of(kr(KeyResultType.NUMERIC, "5", "5"), 5.0));
        assertThrows(IllegalArgumentException.class, () -> KrProgress.of(KeyResultType.PERCENT, 5, 5, 5));
    }

    @Test
    void withoutCheckInCurrentIsTheStartAndProgressZero() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("LIN", "O", "10", "20");
        c.keyResult("MAX", "O", KeyResultType.AT_MOST, "0", "3");
        c.keyResult("MIN", "O", KeyResultType.AT_LEAST, "0", "3");
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2026-11-15"));

        KeyResultResult lin = r.keyResult("LIN").orElseThrow();
        assertEquals(10.0, lin.current());
        assertFalse(lin.hasValue());
        assertNull(lin.latestCheckIn());
        assertEquals(0.0, lin.progress());
        assertEquals(0.0, r.keyResult("MAX").orElseThrow().progress());
        assertEquals(0.0, r.keyResult("MIN").orElseThrow().progress());
    }

    @Test
    void atLeastAndAtMostWithCheckInsFollowTheirThreshold() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.keyResult("UPTIME", "O", KeyResultType.AT_LEAST, null, "99.9");
        c.keyResult("BUGS", "O", KeyResultType.AT_MOST, null, "3");
        c.checkIn("UPTIME", "2026-10-10", "99.95");
        c.checkIn("UPTIME", "2026-11-10", "99.5");
        c.checkIn("BUGS", "2026-10-10", "3");
        CycleReport early = engine.report(c.snapshot(), LocalDate.parse("2026-10-31"));
        CycleReport later = engine.report(c.snapshot(), LocalDate.parse("2026-11-30"));

        assertEquals(1.0, early.keyResult("UPTIME").orElseThrow().progress());
        assertEquals(0.0, later.keyResult("UPTIME").orElseThrow().progress());
        assertEquals(1.0, later.keyResult("BUGS").orElseThrow().progress());
    }

    @Test
    void milestoneWithCheckInIsDone() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.keyResult("LAUNCH", "O", KeyResultType.MILESTONE, "0", "1");
        c.checkIn("LAUNCH", "2026-11-01", "1");
        assertEquals(0.0, engine.report(c.snapshot(), LocalDate.parse("2026-10-31")).keyResult("LAUNCH").orElseThrow().progress());
        assertEquals(1.0, engine.report(c.snapshot(), LocalDate.parse("2026-11-01")).keyResult("LAUNCH").orElseThrow().progress());
    }

    @Test
    void latestCheckInIsByEffectiveDateNotByRecording() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("KR", "O", "0", "100");
        c.checkIn("KR", "2026-10-20", "40").confidence(6);
        c.checkIn("KR", "2026-10-10", "10").confidence(3); // recorded later, for an earlier day
        KeyResultResult kr = engine.report(c.snapshot(), LocalDate.parse("2026-11-01")).keyResult("KR").orElseThrow();
        assertEquals(40.0, kr.current());
        assertEquals(LocalDate.parse("2026-10-20"), kr.latestCheckIn());
        assertEquals(6, kr.confidence());
        assertEquals(0.4, kr.progress(), EPS);
    }

    @Test
    void lateRecordedCheckInCountsFromItsEffectiveDate() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("KR", "O", "0", "100");
        c.checkIn("KR", "2026-10-10", "10").recordedAt("2026-12-01T09:00:00Z");
        assertEquals(0.1, engine.report(c.snapshot(), LocalDate.parse("2026-10-10")).keyResult("KR").orElseThrow().progress(), EPS);
        assertEquals(0.0, engine.report(c.snapshot(), LocalDate.parse("2026-10-09")).keyResult("KR").orElseThrow().progress(), EPS);
    }

    @Test
    void sameDateTieGoesToTheLaterRecordedAt() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("KR", "O", "0", "100");
        c.checkIn("KR", "2026-10-10", "70").recordedAt("2026-10-10T12:00:00Z");
        c.checkIn("KR", "2026-10-10", "30").recordedAt("2026-10-10T08:00:00Z"); // larger id, earlier recording
        assertEquals(70.0, engine.report(c.snapshot(), LocalDate.parse("2026-10-31")).keyResult("KR").orElseThrow().current());
    }

    @Test
    void sameDateAndRecordedAtTieGoesToTheLaterRecording() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("KR", "O", "0", "100");
        c.checkIn("KR", "2026-10-10", "70").recordedAt("2026-10-10T12:00:00Z");
        c.checkIn("KR", "2026-10-10", "30").recordedAt("2026-10-10T12:00:00Z"); // same import, next row
        assertEquals(30.0, engine.report(c.snapshot(), LocalDate.parse("2026-10-31")).keyResult("KR").orElseThrow().current());
    }

    @Test
    void kpiLinkedKeyResultTakesTheKpiValueForTheCycle() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.kpi("LEADS", "Acme").time(TimeAggregation.SUM);
        c.numeric("KR", "O", "0", "200").linkedTo("LEADS");
        c.measure("LEADS", "2026-09-30", "1000"); // before the cycle: not in its period
        c.measure("LEADS", "2026-10-05", "30");
        c.measure("LEADS", "2026-11-05", "20");
        c.checkIn("KR", "2026-10-06", "199"); // a stray check-in does not count for a linked KR

        KeyResultResult kr = engine.report(c.snapshot(), LocalDate.parse("2026-11-30")).keyResult("KR").orElseThrow();
        assertEquals(50.0, kr.current());
        assertTrue(kr.hasValue());
        assertEquals("LEADS", kr.kpiKey());
        assertEquals(0.25, kr.progress(), EPS);
        assertNull(kr.latestCheckIn());
        assertNull(kr.forecast());
    }

    @Test
    void kpiLinkedKeyResultWithoutKpiValueShowsItsStartAndNoProgress() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.kpi("CHURN", "Acme").time(TimeAggregation.LAST);
        c.keyResult("KR", "O", KeyResultType.AT_MOST, "4", "5").linkedTo("CHURN");
        KeyResultResult kr = engine.report(c.snapshot(), LocalDate.parse("2026-11-30")).keyResult("KR").orElseThrow();
        assertEquals(4.0, kr.current());
        assertFalse(kr.hasValue());
        assertEquals(0.0, kr.progress());
    }
}
