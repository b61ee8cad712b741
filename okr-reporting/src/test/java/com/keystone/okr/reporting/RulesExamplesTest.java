package com.keystone.okr.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.cycle.Pace;
import com.keystone.okr.reporting.kpi.KpiResult;
import com.keystone.okr.reporting.kpi.KpiStatus;
import com.keystone.okr.reporting.objective.Grading;
import com.keystone.okr.reporting.objective.KeyResultResult;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of docs/rules.md, computed by the engine: if a rule or the page changes,
 * they must change together.
 */
class RulesExamplesTest {

    private static final double EPS = 1e-9;
    private static final LocalDate NOV_15 = LocalDate.of(2026, 11, 15);

    private static final CycleSnapshot COMPANY = new CycleSnapshot(
            new CycleInfo("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), CycleState.ACTIVE),
            List.of(new UnitRow(1, "Acme", null, 0), new UnitRow(2, "Acme/Sales", 1L, 1),
                    new UnitRow(3, "Acme/Sales/Inbound", 2L, 2)),
            List.of(objective(10, "O1", 2, null, "1"), objective(11, "O2", 2, null, "3"), objective(12, "O3", 2, 10L, "1")),
            List.of(kr(20, "LEADS-KR", 10, KeyResultType.NUMERIC, "20", "50", "1"),
                    kr(21, "K2", 10, KeyResultType.NUMERIC, "0", "10", "2"),
                    kr(22, "K3", 11, KeyResultType.NUMERIC, "0", "10", "1"),
                    kr(23, "K5", 12, KeyResultType.NUMERIC, "0", "10", "1"),
                    kr(24, "CHURN-KR", 11, KeyResultType.NUMERIC, "10", "4", "0"),
                    kr(25, "UPTIME-KR", 11, KeyResultType.AT_LEAST, null, "99.5", "0"),
                    kr(26, "FORECAST-KR", 11, KeyResultType.NUMERIC, "20", "50", "0")),
            List.of(checkIn(40, 20, "2026-10-05", "30", "2026-10-05T09:00:00Z"),
                    checkIn(41, 20, "2026-10-05", "35", "2026-10-06T09:00:00Z"),
                    checkIn(42, 21, "2026-10-20", "8", "2026-10-20T09:00:00Z"),
                    checkIn(43, 22, "2026-10-20", "2", "2026-10-20T09:00:00Z"),
                    checkIn(44, 23, "2026-10-20", "2", "2026-10-20T09:00:00Z"),
                    checkIn(45, 24, "2026-10-20", "7", "2026-10-20T09:00:00Z"),
                    checkIn(46, 25, "2026-10-20", "99.7", "2026-10-20T09:00:00Z"),
                    checkIn(47, 26, "2026-10-01", "20", "2026-10-01T09:00:00Z"),
                    checkIn(48, 26, "2026-10-21", "26", "2026-10-21T09:00:00Z"),
                    checkIn(49, 26, "2026-11-10", "32", "2026-11-10T09:00:00Z")),
            List.of(kpi(30, "LEADS", 2, TimeAggregation.SUM, null, List.of(), null, null, "1", "0"),
                    kpi(31, "NPS", 2, TimeAggregation.LAST, null, List.of(), null, null, "50", "40"),
                    kpi(32, "LEADS-OUT", 3, TimeAggregation.SUM, null, List.of(), null, null, "1", "0"),
                    kpi(33, "ALL-LEADS", 1, TimeAggregation.SUM, UnitAggregation.SUM, List.of(30L, 32L), null, null, "1", "0"),
                    kpi(34, "ORDERS", 2, TimeAggregation.SUM, null, List.of(), null, null, "1", "0"),
                    kpi(35, "VISITS", 2, TimeAggregation.SUM, null, List.of(), null, null, "1", "0"),
                    kpi(36, "CONV", 1, TimeAggregation.SUM, null, List.of(), 34L, 35L, "0.03", "0.02")),
            List.of(m(30, "2026-09-28", "50"), m(30, "2026-10-03", "120"), m(30, "2026-10-10", "80"),
                    m(31, "2026-10-02", "41"), m(31, "2026-11-02", "45"),
                    m(34, "2026-10-15", "10"), m(34, "2026-10-16", "20"),
                    m(35, "2026-10-15", "100"), m(35, "2026-10-16", "1400")));

    private final OkrEngine engine = new OkrEngine();

    @Test
    void r1KeyResultProgress() {
        CycleReport oct10 = engine.report(COMPANY, LocalDate.of(2026, 10, 10));
        KeyResultResult leads = oct10.keyResult("LEADS-KR").orElseThrow();
        assertEquals(35, leads.current(), EPS, "the later recorded of one date counts");
        assertEquals(0.5, leads.progress(), EPS);
        assertEquals(0, engine.report(COMPANY, LocalDate.of(2026, 10, 4)).keyResult("LEADS-KR").orElseThrow().progress(), EPS,
                "no check-in yet");
        CycleReport nov15 = engine.report(COMPANY, NOV_15);
        assertEquals(0.5, nov15.keyResult("CHURN-KR").orElseThrow().progress(), EPS, "(7 - 10) / (4 - 10)");
        assertEquals(1, nov15.keyResult("UPTIME-KR").orElseThrow().progress(), EPS, "99.7 holds the floor of 99.5");
    }

    @Test
    void r2AndR3ObjectiveAndUnitProgress() {
        CycleReport r = engine.report(COMPANY, NOV_15);
        assertEquals(0.575, r.objective("O1").orElseThrow().progress(), EPS, "(1*0.5 + 2*0.8 + 1*0.2) / 4");
        assertEquals(0.29375, r.unit("Acme/Sales").orElseThrow().progress(), EPS, "(1*0.575 + 3*0.2) / 4, O3 counted in O1");
    }

    @Test
    void r4Grades() {
        assertEquals(new BigDecimal("0.6"), Grading.grade(0.575));
        assertEquals(new BigDecimal("0.7"), Grading.grade(0.65));
        assertEquals(new BigDecimal("0.3"), Grading.grade(0.349));
    }

    @Test
    void r5PaceAndForecast() {
        CycleReport r = engine.report(COMPANY, NOV_15);
        assertEquals(0.5, r.expected(), EPS, "day 46 of 92");
        KeyResultResult k = r.keyResult("FORECAST-KR").orElseThrow();
        assertEquals(47.3, k.forecast().projectedValue(), 1e-6);
        assertEquals(0.91, k.forecast().projectedProgress(), 1e-6);
        assertEquals(Pace.ON_TRACK, r.keyResult("LEADS-KR").orElseThrow().pace(), "0.5 >= 0.7 * 0.5");
        assertEquals(Pace.AT_RISK, r.keyResult("K3").orElseThrow().pace(), "0.2 >= 0.4 * 0.5, < 0.7 * 0.5");
    }

    @Test
    void r6AndR7KpiValuesAndStatus() {
        CycleReport r = engine.report(COMPANY, NOV_15);
        assertEquals(200, kpi(r, "LEADS").value(), EPS, "28 Sep is outside the cycle");
        assertEquals(120, kpi(engine.report(COMPANY, LocalDate.of(2026, 10, 5)), "LEADS").value(), EPS);
        assertEquals(45, kpi(r, "NPS").value(), EPS, "LAST: the latest date");
        assertEquals(200, kpi(r, "ALL-LEADS").value(), EPS, "LEADS-OUT has no data and is left out");
        KpiResult conv = kpi(r, "CONV");
        assertEquals(0.02, conv.value(), EPS, "30 / 1500, not the mean of the team rates");
        assertEquals(KpiStatus.AMBER, conv.status(), "W <= 0.02 < T");
    }

    @Test
    void r8TheCoachSeesTheStaleAndTheThin() {
        CycleReport r = engine.report(COMPANY, NOV_15);
        List<Finding> findings = r.findings();
        assertTrue(findings.stream().anyMatch(f -> f.code() == FindingCode.STALE_KEY_RESULT && f.subject().equals("K3")),
                "last checked in on 20 Oct, 26 days before");
        assertTrue(findings.stream().anyMatch(f -> f.code() == FindingCode.TOO_FEW_KEY_RESULTS && f.subject().equals("O3")),
                "one key result");
        assertFalse(findings.stream().anyMatch(f -> f.code() == FindingCode.STALE_KEY_RESULT
                && f.subject().equals("FORECAST-KR")), "checked in 5 days before");
    }

    private static KpiResult kpi(CycleReport r, String key) {
        return r.kpi(key).orElseThrow();
    }

    private static ObjectiveRow objective(long id, String key, long unit, Long parent, String weight) {
        return new ObjectiveRow(id, key, key, unit, parent, "owner", new BigDecimal(weight), null, null);
    }

    private static KeyResultRow kr(long id, String key, long objective, KeyResultType type, String start, String target,
                                   String weight) {
        return new KeyResultRow(id, key, key, objective, type, start == null ? null : new BigDecimal(start),
                new BigDecimal(target), new BigDecimal(weight), "owner", null, null, null);
    }

    private static CheckInRow checkIn(long id, long kr, String date, String value, String recordedAt) {
        return new CheckInRow(id, kr, LocalDate.parse(date), new BigDecimal(value), null, Instant.parse(recordedAt));
    }

    private static KpiRow kpi(long id, String key, long unit, TimeAggregation time, UnitAggregation across,
                              List<Long> children, Long numerator, Long denominator, String target, String warning) {
        return new KpiRow(id, key, key, unit, "owner", Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, new BigDecimal(target),
                new BigDecimal(warning), time, across, children, numerator, denominator);
    }

    private static MeasurementRow m(long kpi, String date, String value) {
        return new MeasurementRow(kpi, LocalDate.parse(date), new BigDecimal(value));
    }
}
