package com.keystone.okr.persistence.objective;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static com.keystone.okr.persistence.TestData.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.Grade;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyResultRepositoryTest {

    /** An objective of Acme/Sales in the quarter, both created when missing. */
    private static Objective objective(EntityManager em, String cycle, String key) {
        Cycle c = new CycleRepository(em).ensureQuarter(cycle);
        ObjectiveRepository objectives = new ObjectiveRepository(em);
        return objectives.findByKey(c, key).orElseGet(() ->
                objectives.add(new Objective(c, key, "objective " + key, new OrgUnitRepository(em).ensurePath("Acme/Sales"))));
    }

    private static KeyResult find(EntityManager em, String cycle, String key) {
        return new KeyResultRepository(em).findByKey(new CycleRepository(em).findByName(cycle).orElseThrow(), key).orElseThrow();
    }

    private static List<String> keys(List<KeyResult> krs) {
        return krs.stream().map(KeyResult::getKey).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAddedKeyResultRoundTripsWithItsTypeValuesWeightAndOwner(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Person bob = new PersonRepository(em).add(new Person("bob", "Bob"));
                KeyResult kr = new KeyResult(objective(em, "2026-Q4", "O-1"), "KR-1", "cut churn", KeyResultType.PERCENT,
                        n("0.0412345678"), n("0.025"));
                kr.reweigh(n("0.75"));
                kr.assignOwner(bob);
                new KeyResultRepository(em).add(kr);
            });

            db.run(em -> {
                KeyResult kr = find(em, "2026-Q4", "KR-1");
                assertEquals("cut churn", kr.getTitle());
                assertEquals(KeyResultType.PERCENT, kr.getType());
                assertEquals(0, n("0.0412345678").compareTo(kr.getStartValue()));
                assertEquals(0, n("0.025").compareTo(kr.getTargetValue()));
                assertEquals(0, n("0.75").compareTo(kr.getWeight()));
                assertEquals("bob", kr.getOwner().getUsername());
                assertEquals("O-1", kr.getObjective().getKey());
                assertEquals("2026-Q4", kr.getCycle().getName());
                assertNull(kr.getKpi());
                assertFalse(kr.getGrade().isGraded());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void duplicateKeyResultKeyInTheSameCycleIsRefusedEvenUnderAnotherObjective(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new KeyResultRepository(em).add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-1")));

            db.run(em -> refused("kr_key",
                    () -> new KeyResultRepository(em).add(numericKr(objective(em, "2026-Q4", "O-2"), "KR-1"))));

            db.run(em -> {
                assertEquals(1, new KeyResultRepository(em).count());
                assertEquals("O-1", find(em, "2026-Q4", "KR-1").getObjective().getKey());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theSameKeyResultKeyIsAllowedInAnotherCycle(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new KeyResultRepository(em).add(numericKr(objective(em, "2026-Q3", "O-1"), "KR-1")));

            db.run(em -> new KeyResultRepository(em).add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-1")));

            db.run(em -> {
                assertEquals(2, new KeyResultRepository(em).count());
                assertEquals("2026-Q3", find(em, "2026-Q3", "KR-1").getObjective().getCycle().getName());
                assertEquals("2026-Q4", find(em, "2026-Q4", "KR-1").getObjective().getCycle().getName());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aKeyResultLinkedToAKpiRoundTripsAndCanBeUnlinked(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                new KpiRepository(em).add(measuredKpi("nps", new OrgUnitRepository(em).ensurePath("Acme/Sales")));
                new KeyResultRepository(em).add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-1"));
                new KeyResultRepository(em).add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-2"));
            });

            db.run(em -> find(em, "2026-Q4", "KR-1").linkKpi(new KpiRepository(em).findByKey("nps").orElseThrow()));

            db.run(em -> {
                assertEquals("nps", find(em, "2026-Q4", "KR-1").getKpi().getKey());
                assertNull(find(em, "2026-Q4", "KR-2").getKpi());
                refused("kr_key", () -> find(em, "2026-Q4", "KR-1").checkIn(LocalDate.of(2026, 10, 5), n("1"), null, null,
                        "bob", T0));
                find(em, "2026-Q4", "KR-1").linkKpi(null);
            });

            db.run(em -> assertNull(find(em, "2026-Q4", "KR-1").getKpi()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void frozenAndOverriddenGradesRoundTripInANewEntityManager(Kind kind) {
        Instant overriddenAt = Instant.parse("2027-01-05T14:30:00Z");
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                KeyResultRepository krs = new KeyResultRepository(em);
                krs.add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-1"));
                krs.add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-2"));
            });

            db.run(em -> {
                Cycle q4 = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
                q4.activate();
                q4.close(Instant.parse("2027-01-02T09:00:00Z"));
                find(em, "2026-Q4", "KR-1").freezeGrade(Grade.round(0.44));
                KeyResult kr2 = find(em, "2026-Q4", "KR-2");
                kr2.freezeGrade(Grade.round(1.0));
                kr2.overrideGrade(n("0.8"), "the target was set too low", "lead", overriddenAt);
            });

            db.run(em -> {
                Grade g1 = find(em, "2026-Q4", "KR-1").getGrade();
                assertEquals(n("0.4"), g1.getComputed());
                assertNull(g1.getOverride());
                Grade g2 = find(em, "2026-Q4", "KR-2").getGrade();
                assertEquals(n("1.0"), g2.getComputed());
                assertEquals(n("0.8"), g2.getOverride());
                assertEquals("the target was set too low", g2.getOverrideReason());
                assertEquals("lead", g2.getOverrideBy());
                assertEquals(overriddenAt, g2.getOverrideAt());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ofObjectiveAndOfCycleListKeyResultsByKey(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                KeyResultRepository krs = new KeyResultRepository(em);
                krs.add(numericKr(objective(em, "2026-Q4", "O-2"), "KR-3"));
                krs.add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-2"));
                krs.add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-1"));
                krs.add(numericKr(objective(em, "2026-Q3", "O-1"), "KR-0"));
            });

            db.run(em -> {
                KeyResultRepository krs = new KeyResultRepository(em);
                Cycle q4 = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
                assertEquals(List.of("KR-1", "KR-2", "KR-3"), keys(krs.ofCycle(q4)));
                assertEquals(List.of("KR-1", "KR-2"), keys(krs.ofObjective(objective(em, "2026-Q4", "O-1"))));
                assertEquals(List.of("KR-3"), keys(krs.ofObjective(objective(em, "2026-Q4", "O-2"))));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ownedByListsOnlyThatPersonsKeyResultsOfTheCycle(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                PersonRepository people = new PersonRepository(em);
                Person alice = people.add(new Person("alice", "Alice"));
                Person bob = people.add(new Person("bob", "Bob"));
                KeyResultRepository krs = new KeyResultRepository(em);
                for (String[] kr : new String[][] {{"2026-Q4", "KR-2"}, {"2026-Q4", "KR-1"}, {"2026-Q3", "KR-9"}}) {
                    krs.add(numericKr(objective(em, kr[0], "O-1"), kr[1])).assignOwner(alice);
                }
                krs.add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-3")).assignOwner(bob);
                krs.add(numericKr(objective(em, "2026-Q4", "O-1"), "KR-4"));
            });

            db.run(em -> {
                KeyResultRepository krs = new KeyResultRepository(em);
                PersonRepository people = new PersonRepository(em);
                Cycle q4 = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
                assertEquals(List.of("KR-1", "KR-2"), keys(krs.ownedBy(q4, people.findByUsername("alice").orElseThrow())));
                assertEquals(List.of("KR-3"), keys(krs.ownedBy(q4, people.findByUsername("bob").orElseThrow())));
            });
        }
    }
}
