package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.web.importing.ImportOutcome;
import com.keystone.okr.web.importing.ImportRun;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The upload page's preview and apply, run as {@code ImportService} runs them: the real import in
 * a transaction that a preview rolls back, and that an apply commits only when it finds what its
 * preview found.
 */
class ImportPreviewTest {

    private static final String OKRS = csv("cycle,unit_path,objective_key,objective,kr_key,key_result,kr_type,start,target",
            "2026-Q4,Acme,CO-1,Grow,KR-1,Revenue,NUMERIC,0,10",
            "2026-Q4,Acme/Sales,SA-1,Sell,KR-2,Deals,NUMERIC,0,5");

    /** One run in its own transaction, committed only when the run says the file was applied. */
    private static ImportOutcome run(ImportFixture fx, ImportKind kind, String csv, String expected) {
        EntityManager em = fx.db().emf().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            ImportOutcome o = ImportRun.run(em, new CsvImporter(em, Clock.systemUTC(), ImportFixture.ACTOR), kind,
                    csv.getBytes(StandardCharsets.UTF_8), expected);
            if (o.applied()) {
                tx.commit();
            } else {
                tx.rollback();
            }
            return o;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    private static ImportFixture withAdmin(Kind kind) {
        ImportFixture fx = ImportFixture.of(kind);
        fx.run(em -> {
            Person admin = new Person(ImportFixture.ACTOR, "The Admin");
            admin.grant(GlobalRole.ADMIN);
            em.persist(admin);
        });
        return fx;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aPreviewStoresNothingAndItsApplyStoresExactlyWhatItShowed(Kind kind) {
        try (ImportFixture fx = withAdmin(kind)) {
            Map<String, Long> empty = fx.counts();
            ImportOutcome preview = run(fx, ImportKind.OKRS, OKRS, null);
            assertFalse(preview.applied());
            assertFalse(preview.refused());
            assertEquals(new ImportResult(4, 0, 0), preview.result());
            assertEquals(Set.of(new ImportLine(null, "objective", "2026-Q4/CO-1", ImportLine.Change.CREATED),
                    new ImportLine(null, "key_result", "2026-Q4/KR-1", ImportLine.Change.CREATED),
                    new ImportLine(null, "objective", "2026-Q4/SA-1", ImportLine.Change.CREATED),
                    new ImportLine(null, "key_result", "2026-Q4/KR-2", ImportLine.Change.CREATED)), Set.copyOf(preview.lines()));
            assertEquals(empty, fx.counts(), "a preview stores nothing: no unit, cycle, objective or key result");

            assertEquals(preview.fingerprint(), run(fx, ImportKind.OKRS, OKRS, null).fingerprint(),
                    "previewing the same file on the same data finds the same");
            ImportOutcome applied = run(fx, ImportKind.OKRS, OKRS, preview.fingerprint());
            assertTrue(applied.applied());
            assertFalse(applied.changedSincePreview());
            assertEquals(preview.result(), applied.result());
            assertEquals(2, fx.count("Objective"));
            assertEquals(2, fx.count("KeyResult"));

            // the same file again: every key is named again and nothing changes
            ImportOutcome again = run(fx, ImportKind.OKRS, OKRS, null);
            assertEquals(new ImportResult(0, 4, 0), again.result(), "the API's counts: updated counts every key named again");
            assertTrue(again.lines().stream().allMatch(l -> l.change() == ImportLine.Change.UNCHANGED), again.lines().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anApplyAfterTheDataChangedStoresNothingAndAnswersTheNewPreview(Kind kind) {
        try (ImportFixture fx = withAdmin(kind)) {
            String people = csv(PeopleImportTest.HEADER, "jane.doe,Jane Doe,jane@acme.example,,,true");
            ImportOutcome preview = run(fx, ImportKind.PEOPLE, people, null);
            assertEquals(List.of(new ImportLine(2, "person", "jane.doe", ImportLine.Change.CREATED)), preview.lines());

            // meanwhile someone creates jane.doe with another e-mail
            fx.run(em -> {
                Person jane = new Person("jane.doe", "Jane Doe");
                jane.changeEmail("jane@elsewhere.example");
                em.persist(jane);
            });
            Map<String, Long> before = fx.counts();
            ImportOutcome apply = run(fx, ImportKind.PEOPLE, people, preview.fingerprint());
            assertFalse(apply.applied());
            assertTrue(apply.changedSincePreview());
            assertNotEquals(preview.fingerprint(), apply.fingerprint());
            assertEquals(List.of(new ImportLine(2, "person", "jane.doe", ImportLine.Change.UPDATED)), apply.lines(),
                    "the new preview");
            assertEquals(before, fx.counts());
            assertEquals("jane@elsewhere.example", fx.read(em -> em.createQuery(
                    "select p.email from Person p where p.username = 'jane.doe'", String.class).getSingleResult()));

            assertTrue(run(fx, ImportKind.PEOPLE, people, apply.fingerprint()).applied(), "applying the new preview works");
            assertEquals("jane@acme.example", fx.read(em -> em.createQuery(
                    "select p.email from Person p where p.username = 'jane.doe'", String.class).getSingleResult()));
        }
    }

    @Test
    void aRefusedFileIsPreviewedWithEveryProblemAndCannotBeApplied() {
        try (ImportFixture fx = withAdmin(Kind.H2)) {
            String bad = csv("cycle,kr_key,date,value", "2026-Q4,KR-9,2026-11-31,lots");
            ImportOutcome preview = run(fx, ImportKind.CHECKINS, bad, null);
            assertTrue(preview.refused());
            assertEquals(List.of("2:date", "2:value", "2:cycle"), preview.errors().stream()
                    .map(e -> e.row() + ":" + e.column()).toList());
            assertFalse(run(fx, ImportKind.CHECKINS, bad, "any").applied());
        }
    }

    @Test
    void checkInsAndMeasurementsArePreviewedRowByRow() {
        try (ImportFixture fx = withAdmin(Kind.H2)) {
            run(fx, ImportKind.OKRS, OKRS, run(fx, ImportKind.OKRS, OKRS, null).fingerprint());
            String checkins = csv("cycle,kr_key,date,value", "2026-Q4,KR-1,2026-11-02,3", "2026-Q4,KR-2,2026-11-02,1");
            ImportOutcome first = run(fx, ImportKind.CHECKINS, checkins, null);
            assertTrue(run(fx, ImportKind.CHECKINS, checkins, first.fingerprint()).applied());
            ImportOutcome again = run(fx, ImportKind.CHECKINS, csv("cycle,kr_key,date,value", "2026-Q4,KR-1,2026-11-02,3",
                    "2026-Q4,KR-2,2026-11-02,2"), null);
            assertEquals(List.of(new ImportLine(2, "checkin", "KR-1 2026-11-02", ImportLine.Change.UNCHANGED),
                    new ImportLine(3, "checkin", "KR-2 2026-11-02", ImportLine.Change.CREATED)), again.lines());
            assertEquals(new ImportResult(1, 0, 1), again.result());
        }
    }
}
