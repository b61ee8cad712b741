package com.keystone.okr.domain.objective;

import static com.keystone.okr.domain.Fixtures.NOW;
import static com.keystone.okr.domain.Fixtures.n;
import static com.keystone.okr.domain.Fixtures.objective;
import static com.keystone.okr.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.unit.OrgUnit;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    private final OrgUnit acme = OrgUnit.root("Acme");
    private final OrgUnit sales = acme.addChild("Sales");
    private final OrgUnit inbound = sales.addChild("Inbound");
    private final OrgUnit marketing = acme.addChild("Marketing");
    private final Cycle q4 = Cycle.quarter("2026-Q4");

    @Test
    void alignsToAnObjectiveOfTheSameUnitOrAnAncestor() {
        Objective company = objective(q4, "CO-1", acme);
        Objective salesObj = objective(q4, "SA-1", sales);
        Objective salesSub = objective(q4, "SA-2", sales);
        Objective team = objective(q4, "IN-1", inbound);

        salesObj.alignTo(company);
        salesSub.alignTo(salesObj);
        team.alignTo(company);

        assertSame(company, salesObj.getParent());
        assertSame(salesObj, salesSub.getParent());
        assertSame(company, team.getParent());
    }

    @Test
    void alignmentToADescendantOrSiblingUnitIsRefused() {
        Objective salesObj = objective(q4, "SA-1", sales);
        Objective team = objective(q4, "IN-1", inbound);
        Objective mkt = objective(q4, "MK-1", marketing);
        refused("parent_objective_key", () -> salesObj.alignTo(team));
        refused("parent_objective_key", () -> salesObj.alignTo(mkt));
    }

    @Test
    void alignmentToAnotherCycleIsRefused() {
        Objective company = objective(Cycle.quarter("2026-Q3"), "CO-1", acme);
        Objective salesObj = objective(q4, "SA-1", sales);
        refused("parent_objective_key", () -> salesObj.alignTo(company));
    }

    @Test
    void alignmentThatWouldMakeALoopIsRefused() {
        Objective a = objective(q4, "A", sales);
        Objective b = objective(q4, "B", sales);
        Objective c = objective(q4, "C", sales);
        b.alignTo(a);
        c.alignTo(b);
        refused("parent_objective_key", () -> a.alignTo(c));
        refused("parent_objective_key", () -> a.alignTo(a));
        assertNull(a.getParent());
    }

    @Test
    void weightsAreZeroOrMoreAndDefaultToOne() {
        Objective o = objective(q4, "O", acme);
        assertEquals(BigDecimal.ONE, o.getWeight());
        o.reweigh(BigDecimal.ZERO);
        assertEquals(BigDecimal.ZERO, o.getWeight());
        o.reweigh(null);
        assertEquals(BigDecimal.ONE, o.getWeight());
        refused("objective_weight", () -> o.reweigh(n("-0.5")));
    }

    @Test
    void keysAreCheckedAndTitlesRequired() {
        refused("objective_key", () -> objective(q4, "has space", acme));
        refused("objective_key", () -> objective(q4, "", acme));
        refused("objective", () -> new Objective(q4, "OK-1", " ", acme));
        refused("unit_path", () -> new Objective(q4, "OK-1", "title", null));
    }

    @Test
    void aClosedCycleFreezesItsObjectives() {
        Objective o = objective(q4, "O", acme);
        q4.activate();
        q4.close(NOW);
        refused("cycle", () -> o.retitle("new"));
        refused("cycle", () -> o.reweigh(BigDecimal.TEN));
        refused("cycle", () -> objective(q4, "NEW", acme));
    }

    @Test
    void gradesAreFrozenRoundedAndOverriddenOnlyWithAReason() {
        Objective o = objective(q4, "O", acme);
        refused("grade", () -> o.overrideGrade(n("0.5"), "because", "lead", NOW));
        o.freezeGrade(Grade.round(0.649));
        assertEquals(n("0.6"), o.getGrade().getComputed());
        assertEquals(n("0.7"), Grade.round(0.65), "half-up");
        refused("reason", () -> o.overrideGrade(n("0.8"), " ", "lead", NOW));
        refused("grade", () -> o.overrideGrade(n("1.2"), "reason", "lead", NOW));
        o.overrideGrade(n("0.8"), "the market collapsed", "lead", NOW);
        assertEquals(n("0.8"), o.getGrade().effective());
        assertEquals(n("0.6"), o.getGrade().getComputed(), "the computed grade stays visible");
        assertTrue(o.getGrade().isGraded());
    }
}
