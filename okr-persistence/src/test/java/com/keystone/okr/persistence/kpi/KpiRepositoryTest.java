package com.keystone.okr.persistence.kpi;

import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KpiRepositoryTest {

    private static Kpi add(EntityManager em, String key, String unitPath) {
        return new KpiRepository(em).add(measuredKpi(key, new OrgUnitRepository(em).ensurePath(unitPath)));
    }

    private static Kpi find(EntityManager em, String key) {
        return new KpiRepository(em).findByKey(key).orElseThrow();
    }

    private static List<String> keys(List<Kpi> kpis) {
        return kpis.stream().map(Kpi::getKey).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAddedKpiRoundTripsWithAllItsAttributes(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Person carol = new PersonRepository(em).add(new Person("carol", "Carol"));
                Kpi churn = new Kpi("churn", "Monthly churn", new OrgUnitRepository(em).ensurePath("Acme/Sales"),
                        Direction.LOWER_IS_BETTER, KpiKind.LAGGING, n("0.0212345678"), n("0.035"), TimeAggregation.LAST);
                churn.describeUnitOfMeasure("%");
                churn.assignOwner(carol);
                new KpiRepository(em).add(churn);
            });

            db.run(em -> {
                Kpi churn = find(em, " churn ");
                assertEquals("Monthly churn", churn.getName());
                assertEquals("Acme/Sales", churn.getUnit().getPath());
                assertEquals("carol", churn.getOwner().getUsername());
                assertEquals("%", churn.getUnitOfMeasure());
                assertEquals(Direction.LOWER_IS_BETTER, churn.getDirection());
                assertEquals(KpiKind.LAGGING, churn.getKind());
                assertEquals(0, n("0.0212345678").compareTo(churn.getTarget()));
                assertEquals(0, n("0.035").compareTo(churn.getWarning()));
                assertEquals(TimeAggregation.LAST, churn.getTimeAggregation());
                assertNull(churn.getUnitAggregation());
                assertFalse(churn.isComputed());
                assertTrue(new KpiRepository(em).findByKey("nps").isEmpty());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDuplicateKpiKeyIsRefusedEvenInAnotherUnit(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> add(em, "nps", "Acme/Sales"));

            db.run(em -> refused("kpi_key", () -> add(em, "nps", "Acme/Finance")));

            db.run(em -> {
                assertEquals(1, new KpiRepository(em).count());
                assertEquals("Acme/Sales", find(em, "nps").getUnit().getPath());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void rollUpChildrenRoundTripThroughTheJoinTable(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                add(em, "leads", "Acme/Sales");
                add(em, "leads-in", "Acme/Sales/Inbound");
                add(em, "leads-out", "Acme/Sales/Outbound");
                add(em, "leads-emea", "Acme/Sales/Inbound/EMEA");
            });

            // as a service would: every KPI found by its key in a new entity manager
            db.run(em -> find(em, "leads").rollUpFrom(UnitAggregation.SUM,
                    List.of(find(em, "leads-in"), find(em, "leads-out"), find(em, "leads-emea"))));

            db.run(em -> {
                Kpi leads = find(em, "leads");
                assertTrue(leads.isRollUp());
                assertEquals(UnitAggregation.SUM, leads.getUnitAggregation());
                assertEquals(Set.of("leads-in", "leads-out", "leads-emea"),
                        leads.getChildren().stream().map(Kpi::getKey).collect(Collectors.toSet()));
                assertEquals(Set.of(), find(em, "leads-in").getChildren());
                // a second roll-up replaces the children in the join table
                leads.rollUpFrom(UnitAggregation.MAX, List.of(find(em, "leads-in")));
            });

            db.run(em -> {
                Kpi leads = find(em, "leads");
                assertEquals(UnitAggregation.MAX, leads.getUnitAggregation());
                assertEquals(Set.of("leads-in"), leads.getChildren().stream().map(Kpi::getKey).collect(Collectors.toSet()));
                assertEquals(1L, em.createNativeQuery("select count(*) from kpi_child", Long.class).getSingleResult());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRollUpOfAKpiOutsideTheUnitsSubtreeIsRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                add(em, "leads", "Acme/Sales");
                add(em, "leads-ops", "Acme/SalesOps");
                add(em, "leads-in", "Acme/Sales/Inbound");
            });

            db.run(em -> refused("children", () -> find(em, "leads").rollUpFrom(UnitAggregation.SUM,
                    List.of(find(em, "leads-in"), find(em, "leads-ops")))));

            db.run(em -> assertFalse(find(em, "leads").isRollUp()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRatioRoundTripsWithItsNumeratorAndDenominator(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                add(em, "won", "Acme/Sales");
                add(em, "leads", "Acme/Sales");
                add(em, "win-rate", "Acme/Sales");
            });

            db.run(em -> find(em, "win-rate").ratioOf(find(em, "won"), find(em, "leads")));

            db.run(em -> {
                Kpi rate = find(em, "win-rate");
                assertTrue(rate.isRatio());
                assertTrue(rate.isComputed());
                assertEquals("won", rate.getNumerator().getKey());
                assertEquals("leads", rate.getDenominator().getKey());
                assertTrue(rate.dependsOn(find(em, "won")));
                refused("numerator_key", () -> find(em, "won").ratioOf(rate, find(em, "leads")));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allIsInUnitPathThenKeyOrderAndOfUnitHoldsOnlyThatUnitsKpis(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                add(em, "s-nps", "Acme/Sales");
                add(em, "c-revenue", "Acme");
                add(em, "s-leads", "Acme/Sales");
                add(em, "i-calls", "Acme/Sales/Inbound");
                add(em, "f-cash", "Acme/Finance");
            });

            db.run(em -> {
                KpiRepository kpis = new KpiRepository(em);
                assertEquals(List.of("c-revenue", "f-cash", "s-leads", "s-nps", "i-calls"), keys(kpis.all()));
                assertEquals(List.of("s-leads", "s-nps"),
                        keys(kpis.ofUnit(new OrgUnitRepository(em).findByPath("Acme/Sales").orElseThrow())));
            });
        }
    }
}
