package com.keystone.okr.persistence.cycle;

import static com.keystone.okr.persistence.TestData.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CycleRepositoryTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ensureQuarterCreatesAMissingQuarterInPlanningAndThenFindsIt(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            long id = db.inTransaction(em -> new CycleRepository(em).ensureQuarter("2026-Q4").getId());

            db.run(em -> {
                CycleRepository cycles = new CycleRepository(em);
                Cycle q4 = cycles.findByName("2026-Q4").orElseThrow();
                assertEquals(LocalDate.of(2026, 10, 1), q4.getStartDate());
                assertEquals(LocalDate.of(2026, 12, 31), q4.getEndDate());
                assertEquals(CycleState.PLANNING, q4.getState());
                assertEquals(id, cycles.ensureQuarter("2026-Q4").getId());
                assertEquals(id, cycles.ensureQuarter(" 2026-Q4 ").getId());
                assertEquals(1, cycles.count());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ensureQuarterRefusesAnUnknownNameThatIsNoQuarterButFindsAKnownOne(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new CycleRepository(em).add(Cycle.of("FY26 H2", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31))));

            db.run(em -> {
                CycleRepository cycles = new CycleRepository(em);
                refused("cycle", () -> cycles.ensureQuarter("FY27 H1"));
                assertEquals(LocalDate.of(2026, 7, 1), cycles.ensureQuarter("FY26 H2").getStartDate());
            });

            db.run(em -> assertEquals(1, new CycleRepository(em).count()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDuplicateCycleNameIsRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new CycleRepository(em).add(Cycle.quarter("2026-Q4")));

            db.run(em -> refused("cycle", () -> new CycleRepository(em).add(Cycle.quarter("2026-Q4"))));

            db.run(em -> assertEquals(1, new CycleRepository(em).count()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allListsTheNewestCycleFirst(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                CycleRepository cycles = new CycleRepository(em);
                cycles.add(Cycle.quarter("2026-Q2"));
                cycles.add(Cycle.quarter("2027-Q1"));
                cycles.add(Cycle.of("FY26 H2", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)));
                cycles.add(Cycle.quarter("2026-Q4"));
                cycles.add(Cycle.quarter("2026-Q3"));
            });

            db.run(em -> assertEquals(List.of("2027-Q1", "2026-Q4", "2026-Q3", "FY26 H2", "2026-Q2"),
                    new CycleRepository(em).all().stream().map(Cycle::getName).toList(),
                    "by start date, newest first; the same start date by name"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void currentIsTheActiveCycleContainingTheDayElseTheLatestActiveOne(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> assertTrue(new CycleRepository(em).current(LocalDate.of(2026, 11, 1)).isEmpty()));
            db.run(em -> {
                CycleRepository cycles = new CycleRepository(em);
                Cycle q2 = cycles.add(Cycle.quarter("2026-Q2"));
                q2.activate();
                q2.close(Instant.parse("2026-07-02T09:00:00Z"));
                cycles.add(Cycle.quarter("2026-Q3")).activate();
                cycles.add(Cycle.quarter("2026-Q4")).activate();
                cycles.add(Cycle.quarter("2027-Q1"));
            });

            db.run(em -> {
                CycleRepository cycles = new CycleRepository(em);
                assertEquals("2026-Q3", cycles.current(LocalDate.of(2026, 8, 15)).orElseThrow().getName());
                assertEquals("2026-Q4", cycles.current(LocalDate.of(2026, 10, 1)).orElseThrow().getName());
                assertEquals("2026-Q4", cycles.current(LocalDate.of(2027, 2, 1)).orElseThrow().getName(),
                        "2027-Q1 is still in planning, so the latest active cycle");
                assertEquals("2026-Q4", cycles.current(LocalDate.of(2026, 5, 1)).orElseThrow().getName(),
                        "2026-Q2 is closed, so the latest active cycle");
            });
        }
    }
}
