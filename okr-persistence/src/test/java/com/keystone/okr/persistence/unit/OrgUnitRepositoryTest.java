package com.keystone.okr.persistence.unit;

import static com.keystone.okr.persistence.TestData.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrgUnitRepositoryTest {

    /** Adds the units of the given paths below one root, parents first, in one transaction. */
    private static void tree(TestDatabase db, String... paths) {
        db.run(em -> {
            OrgUnitRepository units = new OrgUnitRepository(em);
            for (String path : paths) {
                units.ensurePath(path);
            }
        });
    }

    private static List<String> paths(List<OrgUnit> units) {
        return units.stream().map(OrgUnit::getPath).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void addedUnitsAreFoundByPathWithTheirParentAndDepth(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit acme = units.add(OrgUnit.root("Acme"));
                OrgUnit sales = units.add(acme.addChild("Sales"));
                units.add(sales.addChild("Inbound"));
            });

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit inbound = units.findByPath("Acme/Sales/Inbound").orElseThrow();
                assertEquals("Inbound", inbound.getName());
                assertEquals(2, inbound.getDepth());
                assertEquals("Acme/Sales", inbound.getParent().getPath());
                assertFalse(inbound.isArchived());
                assertTrue(units.findByPath("Acme/Sales/Outbound").isEmpty());
                assertTrue(units.findByPath("acme/sales/inbound").isEmpty(), "paths are case-sensitive");
                assertEquals(3, units.count());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theRootIsTheOneUnitWithoutParent(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> assertTrue(new OrgUnitRepository(em).findRoot().isEmpty(), "an empty company has no root"));
            tree(db, "Acme/Sales/Inbound", "Acme/Finance");

            db.run(em -> {
                OrgUnit root = new OrgUnitRepository(em).findRoot().orElseThrow();
                assertEquals("Acme", root.getPath());
                assertEquals(0, root.getDepth());
                assertNull(root.getParent());
                assertTrue(root.isRoot());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allListsEveryUnitInPathOrderWithParentsBeforeChildren(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales/Outbound", "Acme/Finance", "Acme/Sales/Inbound/EMEA", "Acme/Sales/Inbound", "Acme/SalesOps");

            db.run(em -> assertEquals(List.of("Acme", "Acme/Finance", "Acme/Sales", "Acme/Sales/Inbound",
                            "Acme/Sales/Inbound/EMEA", "Acme/Sales/Outbound", "Acme/SalesOps"),
                    paths(new OrgUnitRepository(em).all())));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allKeepsASubtreeTogetherWhenASiblingNameSortsBeforeTheSeparator(Kind kind) {
        // '-' and ' ' sort before '/', so plain string order would put Sales-Ops between Sales and Sales/Inbound
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales/Inbound", "Acme/Sales-Ops", "Acme/Sales Team");

            db.run(em -> assertEquals(List.of("Acme", "Acme/Sales", "Acme/Sales/Inbound", "Acme/Sales Team", "Acme/Sales-Ops"),
                    paths(new OrgUnitRepository(em).all())));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void childrenAreOnlyTheDirectChildrenInNameOrder(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales/Outbound", "Acme/Sales/Inbound/EMEA", "Acme/Sales/Channel", "Acme/Finance");

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                assertEquals(List.of("Acme/Sales/Channel", "Acme/Sales/Inbound", "Acme/Sales/Outbound"),
                        paths(units.children(units.findByPath("Acme/Sales").orElseThrow())));
                assertEquals(List.of(), units.children(units.findByPath("Acme/Finance").orElseThrow()));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void subtreeHoldsTheUnitAndAllItsDescendantsButNotASiblingSharingItsNamePrefix(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales/Inbound/EMEA", "Acme/Sales/Outbound", "Acme/SalesOps/Tools", "Acme/Finance");

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                assertEquals(List.of("Acme/Sales", "Acme/Sales/Inbound", "Acme/Sales/Inbound/EMEA", "Acme/Sales/Outbound"),
                        paths(units.subtree(units.findByPath("Acme/Sales").orElseThrow())));
                assertEquals(List.of("Acme/SalesOps", "Acme/SalesOps/Tools"),
                        paths(units.subtree(units.findByPath("Acme/SalesOps").orElseThrow())));
                assertEquals(List.of("Acme/Sales/Outbound"),
                        paths(units.subtree(units.findByPath("Acme/Sales/Outbound").orElseThrow())));
                assertEquals(8, units.subtree(units.findRoot().orElseThrow()).size(), "the root's subtree is the whole company");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void subtreeTakesUnderscorePercentAndBackslashInNamesLiterally(Kind kind) {
        // unescaped, '_' and '%' would be LIKE wildcards: R_D/% would match RxD/Lab, 100%/% would match 1000/Team
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/R_D/Lab", "Acme/RxD/Lab", "Acme/100%/Team", "Acme/1000/Team", "Acme/A\\B/Team", "Acme/A\\\\B/Team");

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                assertEquals(List.of("Acme/R_D", "Acme/R_D/Lab"),
                        paths(units.subtree(units.findByPath("Acme/R_D").orElseThrow())));
                assertEquals(List.of("Acme/100%", "Acme/100%/Team"),
                        paths(units.subtree(units.findByPath("Acme/100%").orElseThrow())));
                assertEquals(List.of("Acme/A\\B", "Acme/A\\B/Team"),
                        paths(units.subtree(units.findByPath("Acme/A\\B").orElseThrow())));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ensurePathCreatesOnlyTheMissingUnitsAndReturnsExistingOnes(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            long inboundId = db.inTransaction(em -> new OrgUnitRepository(em).ensurePath("Acme/Sales/Inbound").getId());

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                assertEquals(3, units.count(), "the root, Sales and Inbound were created on an empty database");
                OrgUnit outbound = units.ensurePath(" Acme / Sales / Outbound ");
                assertEquals("Acme/Sales/Outbound", outbound.getPath());
                assertEquals(2, outbound.getDepth());
                assertEquals(inboundId, units.ensurePath("Acme/Sales/Inbound").getId());
            });

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                assertEquals(4, units.count(), "only Outbound was new");
                assertEquals("Acme/Sales", units.findByPath("Acme/Sales/Outbound").orElseThrow().getParent().getPath());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ensurePathRefusesAPathUnderAnotherRoot(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales");

            db.run(em -> refused("unit_path", () -> new OrgUnitRepository(em).ensurePath("Globex/Sales/Inbound")));

            db.run(em -> assertEquals(2, new OrgUnitRepository(em).count()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondRootIsRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme");

            db.run(em -> refused("unit_path", () -> new OrgUnitRepository(em).add(OrgUnit.root("Globex"))));

            db.run(em -> assertEquals(List.of("Acme"), paths(new OrgUnitRepository(em).all())));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDuplicateSiblingNameIsRefusedButTheSameNameUnderAnotherParentIsAllowed(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales/Ops", "Acme/Finance");

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit sales = units.findByPath("Acme/Sales").orElseThrow();
                refused("name", () -> units.add(sales.addChild("Ops")));
                units.add(units.findByPath("Acme/Finance").orElseThrow().addChild("Ops"));
            });

            db.run(em -> assertEquals(List.of("Acme", "Acme/Finance", "Acme/Finance/Ops", "Acme/Sales", "Acme/Sales/Ops"),
                    paths(new OrgUnitRepository(em).all())));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void renamingAUnitAndRebasingItsDescendantsRepathsTheWholeSubtree(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales/Inbound/EMEA", "Acme/Sales/Outbound", "Acme/SalesOps/Tools");

            // as a service would: a new entity manager, the unit found by its path
            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit sales = units.findByPath("Acme/Sales").orElseThrow();
                String oldPath = sales.getPath();
                sales.rename("Revenue");
                units.rebaseDescendants(sales, oldPath);
            });

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                assertEquals(List.of("Acme", "Acme/Revenue", "Acme/Revenue/Inbound", "Acme/Revenue/Inbound/EMEA",
                        "Acme/Revenue/Outbound", "Acme/SalesOps", "Acme/SalesOps/Tools"), paths(units.all()));
                OrgUnit emea = units.findByPath("Acme/Revenue/Inbound/EMEA").orElseThrow();
                assertEquals(3, emea.getDepth());
                assertEquals("Acme/Revenue/Inbound", emea.getParent().getPath());
                assertTrue(units.findByPath("Acme/Sales").isEmpty());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void movingAUnitAndRebasingItsDescendantsRepathsTheWholeSubtree(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            tree(db, "Acme/Sales/Inbound/EMEA", "Acme/Marketing");

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit inbound = units.findByPath("Acme/Sales/Inbound").orElseThrow();
                OrgUnit marketing = units.findByPath("Acme/Marketing").orElseThrow();
                String oldPath = inbound.getPath();
                inbound.moveTo(marketing);
                units.rebaseDescendants(inbound, oldPath);
            });

            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                assertEquals(List.of("Acme", "Acme/Marketing", "Acme/Marketing/Inbound", "Acme/Marketing/Inbound/EMEA",
                        "Acme/Sales"), paths(units.all()));
                assertEquals(3, units.findByPath("Acme/Marketing/Inbound/EMEA").orElseThrow().getDepth());
                assertEquals(List.of(), units.children(units.findByPath("Acme/Sales").orElseThrow()));
            });
        }
    }
}
