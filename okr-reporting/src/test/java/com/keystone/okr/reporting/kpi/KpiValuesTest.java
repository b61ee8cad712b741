package com.keystone.okr.reporting.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import com.keystone.okr.reporting.kpi.KpiStatus;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KpiRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R6: KPI values for the cycle's period. */
class KpiValuesTest {

    private static final double EPS = 1e-12;
    private final OkrEngine engine = new OkrEngine();

    private KpiResult kpi(Company c, String key, String asOf) {
        return engine.report(c.snapshot(), LocalDate.parse(asOf)).kpi(key).orElseThrow();
    }

    /** Measurements on both sides of the period 1 Oct .. 30 Nov, recorded out of date order. */
    private static Company measured(TimeAggregation aggregation) {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("K", "Acme").time(aggregation);
        c.measure("K", "2026-11-10", "5");
        c.measure("K", "2026-09-30", "1000"); // before the cycle
        c.measure("K", "2026-10-20", "2");
        c.measure("K", "2026-10-05", "8");
        c.measure("K", "2026-12-05", "-50");  // after the as-of date
        return c;
    }

    @ParameterizedTest
    @CsvSource({"LAST, 5", "SUM, 15", "AVG, 5", "MIN, 2", "MAX, 8"})
    void timeAggregationRunsOverTheMeasurementsInThePeriod(TimeAggregation aggregation, double expected) {
        KpiResult k = kpi(measured(aggregation), "K", "2026-11-30");
        assertEquals(expected, k.value(), EPS);
        assertEquals(3, k.measurementsInPeriod());
        assertEquals(KpiSource.MEASURED, k.source());
    }

    @Test
    void lastIsTheMeasurementOfTheLatestDateNotTheLastRecorded() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("NPS", "Acme").time(TimeAggregation.LAST);
        c.measure("NPS", "2026-11-01", "40");
        c.measure("NPS", "2026-10-01", "10");
        assertEquals(40.0, kpi(c, "NPS", "2026-12-31").value());
    }

    @Test
    void periodEndsAtTheAsOfDate() {
        assertEquals(10.0, kpi(measured(TimeAggregation.SUM), "K", "2026-10-20").value(), EPS); // 8 + 2
    }

    @Test
    void periodEndsAtTheCycleEndWhenAsOfIsLater() {
        Company c = measured(TimeAggregation.SUM);
        c.measure("K", "2027-01-02", "100");
        assertEquals(-35.0, kpi(c, "K", "2027-02-01").value(), EPS); // 8 + 2 + 5 - 50
    }

    @Test
    void firstDayOfTheCycleIsInThePeriod() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("K", "Acme");
        c.measure("K", "2026-10-01", "7");
        assertEquals(7.0, kpi(c, "K", "2026-10-01").value());
    }

    @Test
    void noMeasurementInThePeriodMeansNoValue() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("K", "Acme");
        c.measure("K", "2026-09-30", "7");
        KpiResult k = kpi(c, "K", "2026-11-30");
        assertNull(k.value());
        assertEquals(KpiStatus.NO_DATA, k.status());
    }

    @Test
    void beforeTheCycleNoKpiHasAValue() {
        KpiResult k = kpi(measured(TimeAggregation.LAST), "K", "2026-09-30");
        assertNull(k.value());
        assertEquals(0, k.measurementsInPeriod());
    }

    @Test
    void aLaterRowForTheSameDateReplacesTheEarlierOne() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("K", "Acme").time(TimeAggregation.SUM);
        c.measure("K", "2026-10-05", "7");
        c.measure("K", "2026-10-05", "9");
        assertEquals(9.0, kpi(c, "K", "2026-11-30").value());
    }

    @Test
    void sumsAreExactDecimalsSoAValueAtTheTargetIsGreen() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("K", "Acme").time(TimeAggregation.SUM).thresholds(Direction.HIGHER_IS_BETTER, "0.3", "0.2");
        c.measure("K", "2026-10-05", "0.1");
        c.measure("K", "2026-10-06", "0.2"); // 0.1 + 0.2 is 0.30000000000000004 in doubles
        KpiResult k = kpi(c, "K", "2026-11-30");
        assertEquals(new BigDecimal("0.3"), k.exactValue());
        assertEquals(KpiStatus.GREEN, k.status());
    }

    @Test
    void rollUpCombinesTheChildrensValues() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("EAST", "Acme/East").time(TimeAggregation.SUM);
        c.kpi("WEST", "Acme/West").time(TimeAggregation.LAST);
        c.kpi("ALL", "Acme").rollUp(UnitAggregation.SUM, "EAST", "WEST");
        c.measure("EAST", "2026-10-05", "10");
        c.measure("EAST", "2026-10-06", "20");
        c.measure("WEST", "2026-10-05", "100");
        c.measure("WEST", "2026-10-06", "7");
        KpiResult all = kpi(c, "ALL", "2026-11-30");
        assertEquals(37.0, all.value()); // each child first over time by its own aggregation: 30 + 7
        assertEquals(KpiSource.ROLL_UP, all.source());
        assertEquals(List.of(new KpiChildValue(c.kpiId("EAST"), "EAST", 30.0, true),
                new KpiChildValue(c.kpiId("WEST"), "WEST", 7.0, true)), all.children());
    }

    @ParameterizedTest
    @CsvSource({"SUM, 30", "AVG, 15", "MIN, 10", "MAX, 20"})
    void childrenWithoutDataAreLeftOut(UnitAggregation aggregation, double expected) {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("A", "Acme/A");
        c.kpi("B", "Acme/B");
        c.kpi("SILENT", "Acme/C");
        c.kpi("ALL", "Acme").rollUp(aggregation, "A", "B", "SILENT");
        c.measure("A", "2026-10-05", "10");
        c.measure("B", "2026-10-05", "20");
        KpiResult all = kpi(c, "ALL", "2026-11-30");
        assertEquals(expected, all.value(), EPS);
        KpiChildValue silent = all.children().get(2);
        assertNull(silent.value());
        assertFalse(silent.included());
    }

    @Test
    void rollUpWithoutAnyChildData() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("A", "Acme/A");
        c.kpi("ALL", "Acme").rollUp(UnitAggregation.AVG, "A");
        assertNull(kpi(c, "ALL", "2026-11-30").value());
    }

    @Test
    void computedKpiIgnoresMeasurementsOfItsOwn() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("A", "Acme/A");
        c.kpi("ALL", "Acme").rollUp(UnitAggregation.SUM, "A");
        c.measure("A", "2026-10-05", "3");
        c.measure("ALL", "2026-10-05", "1000");
        assertEquals(3.0, kpi(c, "ALL", "2026-11-30").value());
    }

    @Test
    void rollUpOfRollUpsUsesEachChildsOwnValue() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("T1", "Acme/Sales/T1");
        c.kpi("T2", "Acme/Sales/T2");
        c.kpi("T3", "Acme/Ops/T3");
        c.kpi("SALES", "Acme/Sales").rollUp(UnitAggregation.AVG, "T1", "T2");
        c.kpi("OPS", "Acme/Ops").rollUp(UnitAggregation.SUM, "T3");
        c.kpi("ACME", "Acme").rollUp(UnitAggregation.MAX, "SALES", "OPS");
        c.measure("T1", "2026-10-05", "10");
        c.measure("T2", "2026-10-05", "30");
        c.measure("T3", "2026-10-05", "15");
        assertEquals(20.0, kpi(c, "ACME", "2026-11-30").value()); // max(avg(10, 30), 15)
    }

    @Test
    void ratioDividesTheTwoValues() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("ORDERS", "Acme");
        c.kpi("VISITS", "Acme");
        c.kpi("CONV", "Acme").ratio("ORDERS", "VISITS");
        c.measure("ORDERS", "2026-10-05", "3");
        c.measure("ORDERS", "2026-10-06", "1");
        c.measure("VISITS", "2026-10-05", "100");
        c.measure("VISITS", "2026-10-06", "28");
        KpiResult conv = kpi(c, "CONV", "2026-11-30");
        assertEquals(4.0 / 128, conv.value(), EPS);
        assertEquals(new KpiRatioParts("ORDERS", 4.0, "VISITS", 128.0), conv.ratio());
        assertEquals(KpiSource.RATIO, conv.source());
    }

    @Test
    void zeroDenominatorMeansNoValue() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("N", "Acme");
        c.kpi("D", "Acme");
        c.kpi("R", "Acme").ratio("N", "D");
        c.measure("N", "2026-10-05", "3");
        c.measure("D", "2026-10-05", "0.00");
        KpiResult r = kpi(c, "R", "2026-11-30");
        assertNull(r.value());
        assertEquals(0.0, r.ratio().denominatorValue());
    }

    @Test
    void missingDenominatorOrNumeratorMeansNoValue() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("N", "Acme");
        c.kpi("D", "Acme");
        c.kpi("NO_DEN", "Acme").ratio("N", "D");
        c.kpi("NO_NUM", "Acme").ratio("D2", "N");
        c.kpi("D2", "Acme");
        c.measure("N", "2026-10-05", "3");
        assertNull(kpi(c, "NO_DEN", "2026-11-30").value());
        assertNull(kpi(c, "NO_NUM", "2026-11-30").value());
    }

    @Test
    void zeroNumeratorIsAValue() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("N", "Acme");
        c.kpi("D", "Acme");
        c.kpi("R", "Acme").ratio("N", "D");
        c.measure("N", "2026-10-05", "0");
        c.measure("D", "2026-10-05", "10");
        assertEquals(0.0, kpi(c, "R", "2026-11-30").value());
    }

    @Test
    void ratioOfRollUpsIsTheRateOfTheTotalsNotTheAverageOfRates() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("ORD_A", "Acme/Sales/A");
        c.kpi("VIS_A", "Acme/Sales/A");
        c.kpi("ORD_B", "Acme/Sales/B");
        c.kpi("VIS_B", "Acme/Sales/B");
        c.kpi("CONV_A", "Acme/Sales/A").ratio("ORD_A", "VIS_A");
        c.kpi("CONV_B", "Acme/Sales/B").ratio("ORD_B", "VIS_B");
        c.kpi("ORDERS", "Acme/Sales").rollUp(UnitAggregation.SUM, "ORD_A", "ORD_B");
        c.kpi("VISITS", "Acme/Sales").rollUp(UnitAggregation.SUM, "VIS_A", "VIS_B");
        c.kpi("CONV", "Acme/Sales").ratio("ORDERS", "VISITS");
        c.measure("ORD_A", "2026-10-05", "10");
        c.measure("VIS_A", "2026-10-05", "100");
        c.measure("ORD_B", "2026-10-05", "30");
        c.measure("VIS_B", "2026-10-05", "200");
        CycleReport r = engine.report(c.snapshot(), LocalDate.parse("2026-11-30"));
        assertEquals(0.1, r.kpi("CONV_A").orElseThrow().value(), EPS);
        assertEquals(0.15, r.kpi("CONV_B").orElseThrow().value(), EPS);
        assertEquals(40.0 / 300, r.kpi("CONV").orElseThrow().value(), EPS); // not (0.1 + 0.15) / 2
    }

    @Test
    void aKpiSharedByTwoParentsCountsInBoth() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("SHARED", "Acme/X/Y");
        c.kpi("P1", "Acme/X").rollUp(UnitAggregation.SUM, "SHARED");
        c.kpi("P2", "Acme").rollUp(UnitAggregation.SUM, "SHARED", "P1");
        c.measure("SHARED", "2026-10-05", "4");
        assertEquals(8.0, kpi(c, "P2", "2026-11-30").value());
    }

    @Test
    void loopInKpiReferencesGivesNoValueAndAFindingNotAFailure() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("A", "Acme/A");
        c.kpi("B", "Acme");
        CycleSnapshot ok = c.snapshot();
        List<KpiRow> looped = new ArrayList<>();
        for (KpiRow k : ok.kpis()) {
            long other = k.key().equals("A") ? c.kpiId("B") : c.kpiId("A");
            looped.add(new KpiRow(k.id(), k.key(), k.name(), k.unitId(), k.owner(), k.direction(), k.kind(), k.target(),
                    k.warning(), k.timeAggregation(), UnitAggregation.SUM, List.of(other), null, null));
        }
        CycleSnapshot broken = new CycleSnapshot(ok.cycle(), ok.units(), ok.objectives(), ok.keyResults(),
                ok.checkIns(), looped, ok.measurements());
        CycleReport r = engine.report(broken, LocalDate.parse("2026-11-30"));
        for (String key : List.of("A", "B")) {
            assertEquals(KpiStatus.NO_DATA, r.kpi(key).orElseThrow().status(), key);
            assertTrue(r.findings().stream().anyMatch(f -> f.code() == FindingCode.KPI_LOOP && f.subject().equals(key)), key);
        }
    }

    @Test
    void longChainOfComputedKpisIsComputedWithoutRunningOutOfStack() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.kpi("K0", "Acme");
        c.measure("K0", "2026-10-05", "5");
        for (int i = 1; i < 20_000; i++) {
            c.kpi("K" + i, "Acme").rollUp(UnitAggregation.MAX, "K" + (i - 1));
        }
        assertEquals(5.0, kpi(c, "K19999", "2026-11-30").value());
    }

    @Test
    void averageKeepsThirtyFourDigits() {
        assertEquals(new BigDecimal("0.3333333333333333333333333333333333"),
                KpiValues.overTime(TimeAggregation.AVG, List.of(BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO)));
    }
}
