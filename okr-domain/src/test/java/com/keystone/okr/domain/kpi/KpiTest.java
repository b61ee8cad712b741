package com.keystone.okr.domain.kpi;

import static com.keystone.okr.domain.Fixtures.NOW;
import static com.keystone.okr.domain.Fixtures.kpi;
import static com.keystone.okr.domain.Fixtures.n;
import static com.keystone.okr.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.unit.OrgUnit;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KpiTest {

    private final OrgUnit acme = OrgUnit.root("Acme");
    private final OrgUnit sales = acme.addChild("Sales");
    private final OrgUnit inbound = sales.addChild("Inbound");
    private final OrgUnit outbound = sales.addChild("Outbound");
    private final LocalDate day = LocalDate.of(2026, 11, 20);

    @Test
    void aWarningOnTheWrongSideOfTheTargetIsRefused() {
        refused("warning", () -> new Kpi("CONV", "conversion", acme, Direction.HIGHER_IS_BETTER, KpiKind.LAGGING,
                n("0.03"), n("0.04"), TimeAggregation.LAST));
        refused("warning", () -> new Kpi("CAC", "acquisition cost", acme, Direction.LOWER_IS_BETTER, KpiKind.LAGGING,
                n("50"), n("40"), TimeAggregation.AVG));
        Kpi equal = new Kpi("CAC", "acquisition cost", acme, Direction.LOWER_IS_BETTER, KpiKind.LAGGING,
                n("50"), n("50"), TimeAggregation.AVG);
        assertEquals(n("50"), equal.getWarning());
    }

    @Test
    void requiredFieldsAreNamed() {
        refused("direction", () -> new Kpi("K", "k", acme, null, KpiKind.LAGGING, n("1"), n("1"), TimeAggregation.SUM));
        refused("kind", () -> new Kpi("K", "k", acme, Direction.HIGHER_IS_BETTER, null, n("1"), n("1"), TimeAggregation.SUM));
        refused("time_aggregation", () -> new Kpi("K", "k", acme, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, n("1"),
                n("1"), null));
        refused("kpi_key", () -> new Kpi("K K", "k", acme, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, n("1"), n("1"),
                TimeAggregation.SUM));
        refused("name", () -> new Kpi("K", "", acme, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, n("1"), n("1"),
                TimeAggregation.SUM));
    }

    @Test
    void childrenMustBelongToUnitsBelowTheParentKpisUnit() {
        Kpi total = kpi("LEADS", sales);
        Kpi in = kpi("LEADS-IN", inbound);
        Kpi same = kpi("LEADS-SALES", sales);
        Kpi above = kpi("LEADS-ALL", acme);
        total.rollUpFrom(UnitAggregation.SUM, List.of(in, kpi("LEADS-OUT", outbound)));
        assertTrue(total.isRollUp());
        assertTrue(total.isComputed());
        refused("children", () -> total.rollUpFrom(UnitAggregation.SUM, List.of(same)));
        refused("children", () -> total.rollUpFrom(UnitAggregation.SUM, List.of(above)));
        refused("children", () -> total.rollUpFrom(UnitAggregation.SUM, List.of()));
    }

    @Test
    void referencesThatFormACycleAreRefused() {
        Kpi orders = kpi("ORDERS", acme);
        Kpi visits = kpi("VISITS", acme);
        Kpi conv = kpi("CONV", acme);
        conv.ratioOf(orders, visits);
        refused("numerator_key", () -> orders.ratioOf(conv, visits));
        refused("numerator_key", () -> conv.ratioOf(conv, visits));

        Kpi teamConv = kpi("CONV-IN", inbound);
        Kpi salesConv = kpi("CONV-SALES", sales);
        salesConv.rollUpFrom(UnitAggregation.AVG, List.of(teamConv));
        refused("denominator_key", () -> teamConv.ratioOf(orders, salesConv));
        assertTrue(salesConv.dependsOn(teamConv));
        assertFalse(teamConv.dependsOn(salesConv));
    }

    @Test
    void computedKpisTakeNoMeasurements() {
        Kpi conv = kpi("CONV", acme);
        conv.ratioOf(kpi("ORDERS", acme), kpi("VISITS", acme));
        refused("kpi_key", () -> conv.measure(day, n("0.1"), NOW, "admin"));
        Kpi leads = kpi("LEADS", sales);
        leads.rollUpFrom(UnitAggregation.SUM, List.of(kpi("LEADS-IN", inbound)));
        refused("kpi_key", () -> leads.measure(day, n("5"), NOW, "admin"));
        leads.measureDirectly();
        assertEquals(n("5"), leads.measure(day, n("5"), NOW, "admin").getValue());
    }

    @Test
    void aReplacedMeasurementReturnsItsOldValue() {
        Kpi visits = kpi("VISITS", acme);
        Measurement m = visits.measure(day, n("100"), NOW, "api");
        assertEquals(n("100"), m.replace(n("120"), NOW.plusSeconds(60), "api"));
        assertEquals(n("120"), m.getValue());
        refused("value", () -> visits.measure(day, null, NOW, "api"));
    }
}
