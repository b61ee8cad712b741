package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static com.keystone.okr.web.imports.Views.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.web.imports.Views.KpiView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KpiImportTest {

    static final String HEADER = "kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation,unit_of_measure,owner,"
            + "unit_aggregation,children,numerator_key,denominator_key";

    /** A roll-up before its children, a ratio before what it divides. */
    static final String COMPANY_KPIS = csv(HEADER,
            "LEADS,Acme/Sales,Leads,HIGHER_IS_BETTER,LEADING,1000,800,SUM,leads,,SUM,LEADS-IN;LEADS-OUT,,",
            "CONV,Acme/Sales,Conversion rate,higher_is_better,lagging,0.05,0.03,last,%,alice,,,ORDERS,VISITS",
            "LEADS-IN,Acme/Sales/Inbound,Inbound leads,HIGHER_IS_BETTER,LEADING,600,500,SUM,leads,alice,,,,",
            "LEADS-OUT,Acme/Sales/Outbound,Outbound leads,HIGHER_IS_BETTER,LEADING,400,300,SUM,leads,,,,,",
            "ORDERS,Acme/Sales,Orders,HIGHER_IS_BETTER,LAGGING,50,40,SUM,,,,,,",
            "VISITS,Acme/Marketing,Visits,HIGHER_IS_BETTER,LEADING,1000,900,SUM,,,,,,",
            "CHURN,Acme,Churn rate,LOWER_IS_BETTER,LAGGING,0.02,0.04,LAST,%,,,,,");

    private final ImportFixture fx = ImportFixture.h2();

    @AfterEach
    void close() {
        fx.close();
    }

    private KpiView kpi(String key) {
        return fx.read(em -> Views.kpi(em, key));
    }

    @Test
    void importsMeasuredRolledUpAndRatioKpisWhateverTheRowOrder() {
        fx.users("alice");

        assertEquals(new ImportResult(7, 0, 0), fx.importing(ImportKind.KPIS, COMPANY_KPIS));

        KpiView leads = kpi("LEADS");
        assertEquals("SUM", leads.unitAggregation());
        assertEquals(Set.of("LEADS-IN", "LEADS-OUT"), leads.children());
        KpiView conv = kpi("CONV");
        assertEquals("ORDERS", conv.numerator());
        assertEquals("VISITS", conv.denominator());
        assertEquals("alice", conv.owner());
        assertEquals("%", conv.unitOfMeasure());
        KpiView churn = kpi("CHURN");
        assertEquals("Acme", churn.unitPath());
        assertTrue(same("0.02", churn.target()) && same("0.04", churn.warning()));
        assertNull(churn.unitAggregation());
        assertEquals(List.of("Acme", "Acme/Marketing", "Acme/Sales", "Acme/Sales/Inbound", "Acme/Sales/Outbound"),
                fx.read(em -> em.createQuery("select u.path from OrgUnit u order by u.path", String.class).getResultList()));
    }

    @Test
    void reimportingTheSameFileUpdatesEveryKpiAndAddsNothing() {
        fx.users("alice");
        fx.importing(ImportKind.KPIS, COMPANY_KPIS);
        Map<String, Long> before = fx.counts();

        assertEquals(new ImportResult(0, 7, 0), fx.importing(ImportKind.KPIS, COMPANY_KPIS));

        assertEquals(before, fx.counts());
        assertEquals(Set.of("LEADS-IN", "LEADS-OUT"), kpi("LEADS").children());
    }

    @Test
    void aReimportRedefinesAndCanMakeAComputedKpiMeasuredAgain() {
        fx.users("alice");
        fx.importing(ImportKind.KPIS, COMPANY_KPIS);

        assertEquals(new ImportResult(0, 2, 0), fx.importing(ImportKind.KPIS, csv(HEADER,
                "LEADS,Acme/Sales,All leads,HIGHER_IS_BETTER,LEADING,1200,900,SUM,,,,,,",
                "CONV,Acme/Sales,Conversion rate,HIGHER_IS_BETTER,LAGGING,0.05,0.03,LAST,%,,,,LEADS,VISITS")));

        KpiView leads = kpi("LEADS");
        assertEquals("All leads", leads.name());
        assertTrue(same("1200", leads.target()));
        assertNull(leads.unitAggregation());
        assertEquals(Set.of(), leads.children());
        assertNull(leads.unitOfMeasure(), "an empty unit_of_measure clears it");
        assertEquals("LEADS", kpi("CONV").numerator());
        assertNull(kpi("CONV").owner());
    }

    @Test
    void withoutComputationColumnsStoredComputationsAndOptionalValuesStay() {
        fx.users("alice");
        fx.importing(ImportKind.KPIS, COMPANY_KPIS);

        fx.importing(ImportKind.KPIS, csv("kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation",
                "CONV,Acme/Sales,Conversion,HIGHER_IS_BETTER,LAGGING,0.06,0.03,LAST"));

        KpiView conv = kpi("CONV");
        assertEquals("Conversion", conv.name());
        assertEquals("ORDERS", conv.numerator());
        assertEquals("alice", conv.owner());
        assertEquals("%", conv.unitOfMeasure());
    }

    @Test
    void aChildMayComeAfterItsRollUpOrBeStored() {
        fx.importing(ImportKind.KPIS, csv(HEADER, "LEADS-IN,Acme/Sales/Inbound,Inbound,HIGHER_IS_BETTER,LEADING,6,5,SUM,,,,,,"));

        assertEquals(new ImportResult(2, 0, 0), fx.importing(ImportKind.KPIS, csv(HEADER,
                "LEADS,Acme/Sales,Leads,HIGHER_IS_BETTER,LEADING,10,8,SUM,,,SUM,LEADS-IN; LEADS-OUT ;,,",
                "LEADS-OUT,Acme/Sales/Outbound,Outbound,HIGHER_IS_BETTER,LEADING,4,3,SUM,,,,,,")));

        assertEquals(Set.of("LEADS-IN", "LEADS-OUT"), kpi("LEADS").children());
    }

    @Test
    void aWarningOnTheWrongSideOfTheTargetIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.KPIS, csv(HEADER,
                "NPS,Acme,NPS,HIGHER_IS_BETTER,LAGGING,50,60,LAST,,,,,,",
                "CHURN,Acme,Churn,LOWER_IS_BETTER,LAGGING,0.04,0.02,LAST,,,,,,"));

        assertEquals(List.of(error(2, "warning"), error(3, "warning")), places(errors));
    }

    @Test
    void aKpiCannotBeBothARollUpAndARatio() {
        assertEquals(List.of(error(2, "numerator_key")), places(fx.rejected(ImportKind.KPIS, csv(HEADER,
                "X,Acme,X,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,SUM,A,B,C"))));
    }

    @Test
    void halfAComputationIsRefused() {
        assertEquals(List.of(error(2, "unit_aggregation"), error(3, "children"), error(4, "denominator_key"), error(5, "numerator_key")),
                places(fx.rejected(ImportKind.KPIS, csv(HEADER,
                        "A,Acme,A,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,X,,",
                        "B,Acme,B,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,AVG,,,",
                        "C,Acme,C,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,X,",
                        "D,Acme,D,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,,X"))));
    }

    @Test
    void aReferenceCycleIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.KPIS, csv(HEADER,
                "A,Acme,A,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,B,C",
                "B,Acme,B,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,A,C",
                "C,Acme,C,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,,"));

        assertEquals(List.of(error(3, "numerator_key")), places(errors));
        assertTrue(errors.get(0).message().contains("cycle"), errors.get(0).message());
    }

    @Test
    void aReferenceCycleThroughStoredKpisIsRefusedAndTheStoredKpisStayAsTheyWere() {
        fx.importing(ImportKind.KPIS, csv(HEADER,
                "A,Acme,A,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,B,C",
                "B,Acme,B,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,,",
                "C,Acme,C,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,,"));

        assertEquals(List.of(error(2, "denominator_key")), places(fx.rejected(ImportKind.KPIS, csv(HEADER,
                "C,Acme,C renamed,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,B,A"))));

        assertEquals("C", kpi("C").name());
        assertNull(kpi("C").numerator());
    }

    @Test
    void aKpiWithMeasurementsCannotBecomeComputed() {
        fx.importing(ImportKind.KPIS, csv(HEADER,
                "LEADS,Acme/Sales,Leads,HIGHER_IS_BETTER,LEADING,10,8,SUM,,,,,,",
                "LEADS-IN,Acme/Sales/Inbound,Inbound,HIGHER_IS_BETTER,LEADING,6,5,SUM,,,,,,"));
        fx.importing(ImportKind.MEASUREMENTS, csv("kpi_key,date,value", "LEADS,2026-10-01,7"));

        List<RowError> errors = fx.rejected(ImportKind.KPIS, csv(HEADER,
                "LEADS,Acme/Sales,Leads,HIGHER_IS_BETTER,LEADING,10,8,SUM,,,SUM,LEADS-IN,,"));

        assertEquals(List.of(error(2, "children")), places(errors));
        assertTrue(errors.get(0).message().contains("already has measurements"), errors.get(0).message());
    }

    @Test
    void unknownReferencesOwnersAndChoicesAreRefusedOnTheirColumns() {
        List<RowError> errors = fx.rejected(ImportKind.KPIS, csv(HEADER,
                "A,Acme,A,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,SUM,NOPE,,",
                "B,Acme,B,UP,LAGGING,1,0,SUM,,,,,,",
                "C,Acme,C,HIGHER_IS_BETTER,LAGGY,1,0,MEDIAN,,ghost,,,,",
                "D,Acme,D,HIGHER_IS_BETTER,LAGGING,1,0,SUM,,,,,A,MISSING"));

        assertEquals(List.of(error(2, "children"), error(3, "direction"), error(4, "kind"), error(4, "time_aggregation"),
                error(4, "owner"), error(5, "denominator_key")), places(errors));
    }

    @Test
    void aChildKpiOfAUnitNotBelowItsRollUpIsRefused() {
        assertEquals(List.of(error(2, "children")), places(fx.rejected(ImportKind.KPIS, csv(HEADER,
                "LEADS,Acme/Sales,Leads,HIGHER_IS_BETTER,LEADING,10,8,SUM,,,SUM,MK-LEADS,,",
                "MK-LEADS,Acme/Marketing,Marketing leads,HIGHER_IS_BETTER,LEADING,6,5,SUM,,,,,,"))));
    }

    @Test
    void aChildKpiMovedOutOfItsRollUpsUnitIsRefused() {
        fx.importing(ImportKind.KPIS, csv(HEADER,
                "LEADS,Acme/Sales,Leads,HIGHER_IS_BETTER,LEADING,10,8,SUM,,,SUM,LEADS-IN,,",
                "LEADS-IN,Acme/Sales/Inbound,Inbound,HIGHER_IS_BETTER,LEADING,6,5,SUM,,,,,,"));

        assertEquals(List.of(error(2, "unit_path")), places(fx.rejected(ImportKind.KPIS,
                csv("kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation",
                        "LEADS-IN,Acme/Marketing,Inbound,HIGHER_IS_BETTER,LEADING,6,5,SUM"))));
    }

    @Test
    void aPathUnderAnotherRootIsRefused() {
        fx.importing(ImportKind.KPIS, csv(HEADER, "NPS,Acme,NPS,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,,,,"));

        assertEquals(List.of(error(2, "unit_path")), places(fx.rejected(ImportKind.KPIS, csv(HEADER,
                "GX,Globex/Sales,Globex sales,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,,,,"))));
    }

    @Test
    void aKpiKeyTwiceInOneFileIsRefused() {
        assertEquals(List.of(error(3, "kpi_key")), places(fx.rejected(ImportKind.KPIS, csv(HEADER,
                "NPS,Acme,NPS,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,,,,",
                "NPS,Acme,NPS again,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,,,,,"))));
    }
}
