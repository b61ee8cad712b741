package com.keystone.okr.domain.unit;

import static com.keystone.okr.domain.Fixtures.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class OrgUnitTest {

    private final OrgUnit acme = OrgUnit.root("Acme");
    private final OrgUnit sales = acme.addChild("Sales");
    private final OrgUnit inbound = sales.addChild("Inbound");

    @Test
    void pathJoinsNamesFromTheRootAndDepthCountsLevels() {
        assertEquals("Acme/Sales/Inbound", inbound.getPath());
        assertEquals(0, acme.getDepth());
        assertEquals(1, sales.getDepth());
        assertEquals(2, inbound.getDepth());
        assertTrue(acme.isRoot());
        assertFalse(sales.isRoot());
    }

    @Test
    void aSlashInANameIsRefused() {
        refused("name", () -> acme.addChild("Sales/Outbound"));
        refused("name", () -> OrgUnit.root("A/B"));
    }

    @Test
    void aPathMustStartAtTheCompanysRootUnitOnceThereIsOne() {
        assertArrayEquals(new String[] {"Acme", "Sales", "Inbound"}, OrgUnit.splitPathUnder(acme, " Acme / Sales/Inbound"));
        assertArrayEquals(new String[] {"Globex", "Sales"}, OrgUnit.splitPathUnder(null, "Globex/Sales"),
                "without a company yet, the first name will become its root");
        InvalidInputException e = refused("unit_path", () -> { OrgUnit.splitPathUnder(acme, "Globex/Sales"); });
        assertTrue(e.getMessage().contains("does not start at the company unit 'Acme'"), e.getMessage());
        refused("unit_path", () -> { OrgUnit.splitPathUnder(acme, "Acme//Sales"); });
    }

    @Test
    void aBlankNameIsRefused() {
        refused("name", () -> acme.addChild("  "));
    }

    @Test
    void descendantsAreKnownByPathNotByNamePrefix() {
        OrgUnit salesOps = acme.addChild("SalesOps");
        assertTrue(inbound.isDescendantOf(acme));
        assertTrue(inbound.isDescendantOf(sales));
        assertFalse(salesOps.isDescendantOf(sales), "SalesOps merely starts with 'Sales'");
        assertFalse(sales.isDescendantOf(sales));
        assertTrue(sales.isSelfOrDescendantOf(sales));
    }

    @Test
    void aUnitCannotMoveBelowItself() {
        refused("parent", () -> sales.moveTo(inbound));
        refused("parent", () -> sales.moveTo(sales));
        refused("parent", () -> acme.moveTo(sales));
    }

    @Test
    void movingAndRenamingRecomputePathsAndRebaseFixesDescendants() {
        OrgUnit marketing = acme.addChild("Marketing");
        inbound.moveTo(marketing);
        assertEquals("Acme/Marketing/Inbound", inbound.getPath());
        marketing.rename("Growth");
        inbound.rebase();
        assertEquals("Acme/Growth/Inbound", inbound.getPath());
    }

    @Test
    void anArchivedUnitTakesNoNewChildren() {
        sales.archive();
        refused("parent", () -> sales.addChild("Outbound"));
    }

    @Test
    void pathsAreSplitAndCheckedForEmptyNames() {
        assertArrayEquals(new String[] {"Acme", "Sales"}, OrgUnit.splitPath("Acme/Sales"));
        refused("unit_path", () -> OrgUnit.splitPath("Acme//Sales"));
        refused("unit_path", () -> OrgUnit.splitPath("Acme/"));
        refused("unit_path", () -> OrgUnit.splitPath(""));
    }
}
