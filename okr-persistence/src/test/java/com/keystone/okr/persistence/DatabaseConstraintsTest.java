package com.keystone.okr.persistence;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static com.keystone.okr.persistence.TestData.sqlStateOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schema backs the repositories' checks: what a repository refuses politely, the database
 * refuses too when the check is bypassed (a second node racing, an import writing SQL, a bug).
 */
class DatabaseConstraintsTest {

    /** SQL state class 23: integrity constraint violation (the subclass differs between H2 and PostgreSQL). */
    private static final String INTEGRITY_VIOLATION = "23";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Acme/Sales, 2026-Q4 with objective O-1 (key result KR-1), person alice, KPI leads. */
    private static void company(TestDatabase db) {
        db.run(em -> {
            OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
            new PersonRepository(em).add(new Person("alice", "Alice"));
            Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
            Objective o = new ObjectiveRepository(em).add(new Objective(q4, "O-1", "grow", sales));
            new KeyResultRepository(em).add(numericKr(o, "KR-1"));
            new KpiRepository(em).add(measuredKpi("leads", sales));
        });
    }

    private static Cycle q4(EntityManager em) {
        return new CycleRepository(em).findByName("2026-Q4").orElseThrow();
    }

    private static OrgUnit sales(EntityManager em) {
        return new OrgUnitRepository(em).findByPath("Acme/Sales").orElseThrow();
    }

    /** Runs the work in its own transaction and returns the SQL state of the failure it must cause. */
    private static String failingSqlState(TestDatabase db, Consumer<EntityManager> work) {
        PersistenceException e = assertThrows(PersistenceException.class, () -> db.run(em -> {
            work.accept(em);
            em.flush();
        }));
        return sqlStateOf(e);
    }

    private static long count(TestDatabase db, String table) {
        return db.inTransaction(em -> ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult())
                .longValue());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDuplicateObjectiveKeyPersistedPastTheRepositoryViolatesTheUniqueKey(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            assertEquals(UNIQUE_VIOLATION,
                    failingSqlState(db, em -> em.persist(new Objective(q4(em), "O-1", "again", sales(em)))));

            assertEquals(1, count(db, "objective"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDuplicateObjectiveKeyInsertedBySqlViolatesTheUniqueKey(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            assertEquals(UNIQUE_VIOLATION, failingSqlState(db, em -> em.createNativeQuery(
                    "insert into objective (id, version, cycle_id, objective_key, title, unit_id, weight) "
                            + "select 999999, 0, o.cycle_id, o.objective_key, 'again', o.unit_id, 1 from objective o")
                    .executeUpdate()));

            assertEquals(1, count(db, "objective"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDuplicateKeyResultKeyInTheCycleViolatesTheUniqueKeyEvenUnderAnotherObjective(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            assertEquals(UNIQUE_VIOLATION, failingSqlState(db, em -> {
                Objective other = new ObjectiveRepository(em).add(new Objective(q4(em), "O-2", "other", sales(em)));
                em.persist(numericKr(other, "KR-1"));
            }));

            assertEquals(1, count(db, "key_result"));
            assertEquals(1, count(db, "objective"), "the whole transaction was rolled back");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSecondMeasurementForTheSameKpiAndDateViolatesTheUniqueKey(Kind kind) {
        LocalDate oct1 = LocalDate.of(2026, 10, 1);
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);
            db.run(em -> new MeasurementRepository(em).record(new KpiRepository(em).findByKey("leads").orElseThrow(), oct1,
                    n("1"), T0, "alice"));

            // what two nodes recording the first value of a date at the same moment would do
            assertEquals(UNIQUE_VIOLATION, failingSqlState(db, em -> {
                Kpi leads = new KpiRepository(em).findByKey("leads").orElseThrow();
                em.persist(leads.measure(oct1, n("2"), T0.plusSeconds(1), "bob"));
            }));

            assertEquals(1, count(db, "measurement"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void duplicateUnitPathsUsernamesCycleNamesAndKpiKeysViolateUniqueKeys(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            assertEquals(UNIQUE_VIOLATION, failingSqlState(db, em -> em.persist(
                    new OrgUnitRepository(em).findRoot().orElseThrow().addChild("Sales"))));
            assertEquals(UNIQUE_VIOLATION, failingSqlState(db, em -> em.persist(new Person("alice", "Another Alice"))));
            assertEquals(UNIQUE_VIOLATION, failingSqlState(db, em -> em.persist(Cycle.quarter("2026-Q4"))));
            assertEquals(UNIQUE_VIOLATION, failingSqlState(db, em -> em.persist(measuredKpi("leads", sales(em)))));

            assertEquals(2, count(db, "org_unit"));
            assertEquals(1, count(db, "person"));
            assertEquals(1, count(db, "cycle"));
            assertEquals(1, count(db, "kpi"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aConfidenceOutsideOneToTenViolatesTheCheckConstraint(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);
            String insert = "insert into check_in (id, key_result_id, effective_date, checkin_value, confidence, recorded_at) "
                    + "select %d, k.id, date '2026-10-05', 1, %d, current_timestamp from key_result k";
            db.run(em -> em.createNativeQuery(insert.formatted(999998, 10)).executeUpdate());

            String state = failingSqlState(db, em -> em.createNativeQuery(insert.formatted(999999, 11)).executeUpdate());

            assertTrue(state.startsWith(INTEGRITY_VIOLATION), state);
            assertEquals(1, count(db, "check_in"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCycleEndingBeforeItStartsViolatesTheCheckConstraint(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            String state = failingSqlState(db, em -> em.createNativeQuery(
                    "update cycle set end_date = date '2026-09-30' where name = '2026-Q4'").executeUpdate());

            assertTrue(state.startsWith(INTEGRITY_VIOLATION), state);
            db.run(em -> assertEquals(LocalDate.of(2026, 12, 31), q4(em).getEndDate()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aKeyResultOfAMissingObjectiveViolatesTheForeignKey(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            company(db);

            String state = failingSqlState(db, em -> em.createNativeQuery(
                    "insert into key_result (id, version, cycle_id, objective_id, kr_key, title, kr_type, start_value, "
                            + "target_value, weight) select 999999, 0, c.id, 424242, 'KR-X', 'orphan', 'NUMERIC', 0, 1, 1 "
                            + "from cycle c").executeUpdate());

            assertTrue(state.startsWith(INTEGRITY_VIOLATION), state);
            assertEquals(1, count(db, "key_result"));
        }
    }
}
