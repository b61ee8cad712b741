package com.keystone.okr.persistence.objective;

import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.Grade;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ObjectiveRepositoryTest {

    /** Adds an objective of the unit at {@code unitPath} (created if missing) in the quarter (created if missing). */
    private static Objective objective(EntityManager em, String cycle, String key, String unitPath) {
        Cycle c = new CycleRepository(em).ensureQuarter(cycle);
        return new ObjectiveRepository(em).add(
                new Objective(c, key, "objective " + key, new OrgUnitRepository(em).ensurePath(unitPath)));
    }

    private static Objective find(EntityManager em, String cycle, String key) {
        return new ObjectiveRepository(em).findByKey(new CycleRepository(em).findByName(cycle).orElseThrow(), key).orElseThrow();
    }

    private static List<String> keys(List<Objective> objectives) {
        return objectives.stream().map(Objective::getKey).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAddedObjectiveRoundTripsWithItsUnitOwnerAndWeight(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Person alice = new PersonRepository(em).add(new Person("alice", "Alice"));
                Objective o = objective(em, "2026-Q4", "O-1", "Acme/Sales");
                o.describe("so that the quarter closes green");
                o.assignOwner(alice);
                o.reweigh(n("2.5"));
            });

            db.run(em -> {
                Objective o = find(em, "2026-Q4", "O-1");
                assertEquals("objective O-1", o.getTitle());
                assertEquals("so that the quarter closes green", o.getDescription());
                assertEquals("Acme/Sales", o.getUnit().getPath());
                assertEquals("alice", o.getOwner().getUsername());
                assertEquals(0, n("2.5").compareTo(o.getWeight()));
                assertEquals("2026-Q4", o.getCycle().getName());
                assertNull(o.getParent());
                assertFalse(o.getGrade().isGraded(), "an objective of an open cycle has no grade");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void duplicateObjectiveKeyInTheSameCycleIsRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> objective(em, "2026-Q4", "O-1", "Acme/Sales"));

            db.run(em -> refused("objective_key", () -> objective(em, "2026-Q4", "O-1", "Acme/Finance")));

            db.run(em -> {
                assertEquals(1, new ObjectiveRepository(em).count());
                assertEquals("Acme/Sales", find(em, "2026-Q4", "O-1").getUnit().getPath());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameObjectiveKeyIsAllowedInAnotherCycle(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> objective(em, "2026-Q3", "O-1", "Acme/Sales"));

            db.run(em -> objective(em, "2026-Q4", "O-1", "Acme/Finance"));

            db.run(em -> {
                assertEquals(2, new ObjectiveRepository(em).count());
                assertEquals("Acme/Sales", find(em, "2026-Q3", "O-1").getUnit().getPath());
                assertEquals("Acme/Finance", find(em, "2026-Q4", "O-1").getUnit().getPath());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAlignmentIsPersistedAndAlignedToListsTheChildrenByKey(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                objective(em, "2026-Q4", "CO-1", "Acme");
                objective(em, "2026-Q4", "SA-2", "Acme/Sales");
                objective(em, "2026-Q4", "SA-1", "Acme/Sales");
                objective(em, "2026-Q4", "IN-1", "Acme/Sales/Inbound");
                objective(em, "2026-Q4", "FI-1", "Acme/Finance");
            });

            // as a service would: each objective found by its key in a new entity manager
            db.run(em -> {
                Objective company = find(em, "2026-Q4", "CO-1");
                find(em, "2026-Q4", "SA-2").alignTo(company);
                find(em, "2026-Q4", "SA-1").alignTo(company);
                find(em, "2026-Q4", "IN-1").alignTo(find(em, "2026-Q4", "SA-1"));
            });
            db.run(em -> find(em, "2026-Q4", "SA-2").alignTo(find(em, "2026-Q4", "SA-1")));

            db.run(em -> {
                ObjectiveRepository objectives = new ObjectiveRepository(em);
                assertEquals(List.of("SA-1"), keys(objectives.alignedTo(find(em, "2026-Q4", "CO-1"))));
                assertEquals(List.of("IN-1", "SA-2"), keys(objectives.alignedTo(find(em, "2026-Q4", "SA-1"))));
                assertEquals("SA-1", find(em, "2026-Q4", "IN-1").getParent().getKey());
                assertEquals("CO-1", find(em, "2026-Q4", "IN-1").getParent().getParent().getKey());
                assertNull(find(em, "2026-Q4", "FI-1").getParent());
                assertEquals(List.of(), objectives.alignedTo(find(em, "2026-Q4", "FI-1")));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAlignmentThatWouldCloseALoopThroughStoredObjectivesIsRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Objective a = objective(em, "2026-Q4", "A", "Acme/Sales");
                Objective b = objective(em, "2026-Q4", "B", "Acme/Sales");
                Objective c = objective(em, "2026-Q4", "C", "Acme/Sales");
                b.alignTo(a);
                c.alignTo(b);
            });

            // C's parent B and B's parent A are loaded lazily here, as proxies
            db.run(em -> {
                Objective a = find(em, "2026-Q4", "A");
                Objective c = em.createQuery("select o from Objective o where o.key = 'C'", Objective.class).getSingleResult();
                String message = refused("parent_objective_key", () -> a.alignTo(c)).getMessage();
                assertTrue(message.contains("loop"), message);
            });

            db.run(em -> assertNull(find(em, "2026-Q4", "A").getParent()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ofCycleIsInUnitPathThenKeyOrderAndOfUnitHoldsOnlyThatUnitsObjectives(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                objective(em, "2026-Q4", "S-2", "Acme/Sales");
                objective(em, "2026-Q4", "A-9", "Acme");
                objective(em, "2026-Q4", "S-1", "Acme/Sales");
                objective(em, "2026-Q4", "F-1", "Acme/Finance");
                objective(em, "2026-Q4", "I-1", "Acme/Sales/Inbound");
                objective(em, "2026-Q3", "S-0", "Acme/Sales");
            });

            db.run(em -> {
                ObjectiveRepository objectives = new ObjectiveRepository(em);
                Cycle q4 = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
                assertEquals(List.of("A-9", "F-1", "S-1", "S-2", "I-1"), keys(objectives.ofCycle(q4)));
                assertEquals(List.of("S-1", "S-2"),
                        keys(objectives.ofUnit(q4, new OrgUnitRepository(em).findByPath("Acme/Sales").orElseThrow())));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void frozenAndOverriddenGradesRoundTripInANewEntityManager(Kind kind) {
        Instant overriddenAt = Instant.parse("2027-01-05T14:30:00Z");
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                objective(em, "2026-Q4", "O-1", "Acme/Sales");
                objective(em, "2026-Q4", "O-2", "Acme/Sales");
                objective(em, "2026-Q4", "O-3", "Acme/Sales");
            });

            db.run(em -> {
                Cycle q4 = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
                q4.activate();
                q4.close(Instant.parse("2027-01-02T09:00:00Z"));
                find(em, "2026-Q4", "O-1").freezeGrade(Grade.round(0.65));
                find(em, "2026-Q4", "O-2").freezeGrade(Grade.round(0.3));
                find(em, "2026-Q4", "O-2").overrideGrade(n("0.5"), "the market collapsed in November", "lead", overriddenAt);
            });

            db.run(em -> {
                Grade g1 = find(em, "2026-Q4", "O-1").getGrade();
                assertEquals(n("0.7"), g1.getComputed(), "0.65 rounds half up to 0.7");
                assertNull(g1.getOverride());
                assertNull(g1.getOverrideReason());
                assertEquals(n("0.7"), g1.effective());

                Grade g2 = find(em, "2026-Q4", "O-2").getGrade();
                assertEquals(n("0.3"), g2.getComputed());
                assertEquals(n("0.5"), g2.getOverride());
                assertEquals(n("0.5"), g2.effective());
                assertEquals("the market collapsed in November", g2.getOverrideReason());
                assertEquals("lead", g2.getOverrideBy());
                assertEquals(overriddenAt, g2.getOverrideAt());

                Grade g3 = find(em, "2026-Q4", "O-3").getGrade();
                assertFalse(g3.isGraded());
                assertNull(g3.effective());
                assertTrue(find(em, "2026-Q4", "O-3").getCycle().isClosed());
            });
        }
    }
}
