package com.keystone.okr.web.report;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
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

/**
 * A small hand-made company for the review tests, cycle 2026-Q3 (July 1 to September 30):
 * <pre>
 * Acme                 O1 (frozen 0.8)      K1 check-ins Aug 10 (45 of 100), Sep 25 (90); K2 linked to LEADS
 *                      KPI CHURN  lower is better, T 2, W 3, measured 4            → RED
 * Acme/Eng             no objectives        KPI UPTIME higher, T 99.9, W 99.5, 99.7 → AMBER
 * Acme/Sales           O2 (frozen 0.5, overridden to 0.3)
 *                                           K3 check-in Sep 16 (14 days before the end: stale), K4 Sep 17
 *                      KPI LEADS  higher, T 40, W 30, SUM of 50                     → GREEN
 * Acme/Sales/Inbound   O3 (frozen 0.6)      K5 no check-in until Oct 5
 *                      KPI CALLS  no measurement                                    → NO_DATA
 * Acme/Sales-Ops       (a sibling that plain string order would put inside Sales)
 * </pre>
 */
public final class ReviewFixture {

    static final LocalDate START = LocalDate.of(2026, 7, 1);
    static final LocalDate END = LocalDate.of(2026, 9, 30);

    private ReviewFixture() {
    }

    static CycleSnapshot snapshot(CycleState state) {
        return snapshot(state, "Acme/Sales");
    }

    /** The company with the Sales department named {@code salesPath} (to try odd names in the exports). */
    static CycleSnapshot snapshot(CycleState state, String salesPath) {
        boolean closed = state == CycleState.CLOSED;
        CycleInfo cycle = new CycleInfo("2026-Q3", START, END, state);
        List<UnitRow> units = List.of(
                new UnitRow(1, "Acme", null, 0),
                new UnitRow(2, "Acme/Eng", 1L, 1),
                new UnitRow(3, salesPath, 1L, 1),
                new UnitRow(4, salesPath + "/Inbound", 3L, 2),
                new UnitRow(5, "Acme/Sales-Ops", 1L, 1));
        List<ObjectiveRow> objectives = List.of(
                new ObjectiveRow(10, "O1", "Grow", 1, null, "ceo", null, closed ? d("0.8") : null, null),
                new ObjectiveRow(11, "O2", "Sell", 3, null, "sales.lead", null, closed ? d("0.5") : null,
                        closed ? d("0.3") : null),
                new ObjectiveRow(12, "O3", "Call", 4, 11L, "inbound.lead", null, closed ? d("0.6") : null, null));
        List<KeyResultRow> keyResults = List.of(
                kr(20, "K1", 10, null),
                kr(21, "K2", 10, 32L),
                kr(22, "K3", 11, null),
                kr(23, "K4", 11, null),
                kr(24, "K5", 12, null));
        List<CheckInRow> checkIns = List.of(
                checkIn(40, 20, "2026-08-10", "45"),
                checkIn(41, 20, "2026-09-25", "90"),
                checkIn(42, 22, "2026-09-16", "10"),
                checkIn(43, 23, "2026-09-17", "100"),
                checkIn(44, 24, "2026-10-05", "100"));
        List<KpiRow> kpis = List.of(
                kpi(30, "CHURN", 1, Direction.LOWER_IS_BETTER, KpiKind.LAGGING, "2", "3", TimeAggregation.LAST),
                kpi(31, "UPTIME", 2, Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "99.9", "99.5", TimeAggregation.LAST),
                kpi(32, "LEADS", 3, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "40", "30", TimeAggregation.SUM),
                kpi(33, "CALLS", 4, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "10", "5", TimeAggregation.SUM));
        List<MeasurementRow> measurements = List.of(
                new MeasurementRow(30, LocalDate.parse("2026-07-15"), d("4")),
                new MeasurementRow(31, LocalDate.parse("2026-07-20"), d("99.7")),
                new MeasurementRow(32, LocalDate.parse("2026-07-10"), d("20")),
                new MeasurementRow(32, LocalDate.parse("2026-08-12"), d("30")));
        return new CycleSnapshot(cycle, units, objectives, keyResults, checkIns, kpis, measurements);
    }

    static final LocalDate PREVIOUS_START = LocalDate.of(2026, 4, 1);
    static final LocalDate PREVIOUS_END = LocalDate.of(2026, 6, 30);

    /**
     * The quarter before, 2026-Q2 (April 1 to June 30), of a smaller company (no Inbound team, no
     * Sales-Ops), the same KPIs where their units exist:
     * <pre>
     * Acme         P1 (frozen 0.5)                    Q1 check-in Jun 20 (within 14 days of the end)
     *              KPI CHURN 1.5                      → GREEN
     * Acme/Eng     no objectives                      KPI UPTIME 99.95 → GREEN
     * Acme/Sales   P2 (frozen 0.7), P3 (frozen 0.2)   Q2 check-in May 1 (stale), Q3 none
     *              KPI LEADS SUM of 25                → RED
     * </pre>
     */
    static CycleSnapshot previousSnapshot(CycleState state) {
        boolean closed = state == CycleState.CLOSED;
        CycleInfo cycle = new CycleInfo("2026-Q2", PREVIOUS_START, PREVIOUS_END, state);
        List<UnitRow> units = List.of(
                new UnitRow(1, "Acme", null, 0),
                new UnitRow(2, "Acme/Eng", 1L, 1),
                new UnitRow(3, "Acme/Sales", 1L, 1));
        List<ObjectiveRow> objectives = List.of(
                new ObjectiveRow(110, "P1", "Grow before", 1, null, "ceo", null, closed ? d("0.5") : null, null),
                new ObjectiveRow(111, "P2", "Sell before", 3, null, "sales.lead", null, closed ? d("0.7") : null, null),
                new ObjectiveRow(112, "P3", "Sell more before", 3, null, "sales.lead", null, closed ? d("0.2") : null,
                        null));
        List<KeyResultRow> keyResults = List.of(
                kr(120, "Q1", 110, null),
                kr(121, "Q2", 111, null),
                kr(122, "Q3", 112, null));
        List<CheckInRow> checkIns = List.of(
                checkIn(140, 120, "2026-06-20", "50"),
                checkIn(141, 121, "2026-05-01", "70"));
        List<KpiRow> kpis = List.of(
                kpi(30, "CHURN", 1, Direction.LOWER_IS_BETTER, KpiKind.LAGGING, "2", "3", TimeAggregation.LAST),
                kpi(31, "UPTIME", 2, Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, "99.9", "99.5", TimeAggregation.LAST),
                kpi(32, "LEADS", 3, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, "40", "30", TimeAggregation.SUM));
        List<MeasurementRow> measurements = List.of(
                new MeasurementRow(30, LocalDate.parse("2026-05-15"), d("1.5")),
                new MeasurementRow(31, LocalDate.parse("2026-05-20"), d("99.95")),
                new MeasurementRow(32, LocalDate.parse("2026-04-10"), d("25")));
        return new CycleSnapshot(cycle, units, objectives, keyResults, checkIns, kpis, measurements);
    }

    /** The closed 2026-Q2 reviewed as of its end. */
    static QuarterlyReview previousReview() {
        return QuarterlyReview.of(new OkrEngine().report(previousSnapshot(CycleState.CLOSED), PREVIOUS_END), PREVIOUS_END);
    }

    /** The closed 2026-Q3 compared with the closed 2026-Q2. */
    static ReviewComparison comparison() {
        return ReviewComparison.of(review(CycleState.CLOSED, END), previousReview());
    }

    public static CycleReport report(CycleState state, LocalDate asOf) {
        return new OkrEngine().report(snapshot(state), asOf);
    }

    static QuarterlyReview review(CycleState state, LocalDate asOf) {
        return QuarterlyReview.of(report(state, asOf), asOf);
    }

    private static KeyResultRow kr(long id, String key, long objectiveId, Long kpiId) {
        return new KeyResultRow(id, key, key + " title", objectiveId, KeyResultType.NUMERIC, d("0"), d("100"), null,
                "owner", kpiId, null, null);
    }

    private static CheckInRow checkIn(long id, long krId, String date, String value) {
        return new CheckInRow(id, krId, LocalDate.parse(date), d(value), null, Instant.parse(date + "T12:00:00Z"));
    }

    private static KpiRow kpi(long id, String key, long unitId, Direction direction, KpiKind kind, String target,
                              String warning, TimeAggregation time) {
        return new KpiRow(id, key, key + " name", unitId, "owner", direction, kind, d(target), d(warning), time, null,
                List.of(), null, null);
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }
}
