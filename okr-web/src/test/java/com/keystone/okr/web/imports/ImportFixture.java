package com.keystone.okr.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.keystone.okr.domain.person.Person;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * A fresh database and the importer run exactly as the service will run it: in one transaction,
 * committed on success and rolled back on {@link ImportRejectedException}. A rejected import is
 * also checked to have written nothing while it ran (no insert, update or delete, no flush) and
 * to have left every table as it was.
 */
final class ImportFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T10:15:30.123456Z");
    static final String ACTOR = "admin";

    private static final List<String> ENTITIES = List.of("OrgUnit", "Person", "Membership", "Cycle", "Objective", "KeyResult",
            "CheckIn", "Kpi", "Measurement", "AuditEntry");

    private final TestDatabase db;
    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    private ImportFixture(Kind kind) {
        this.db = TestDatabase.fresh(kind);
    }

    static ImportFixture h2() {
        return new ImportFixture(Kind.H2);
    }

    static ImportFixture of(Kind kind) {
        return new ImportFixture(kind);
    }

    TestDatabase db() {
        return db;
    }

    /** Hibernate's statistics of this database's entity manager factory (enabled by {@link TestDatabase}). */
    Statistics statistics() {
        return db.emf().unwrap(SessionFactory.class).getStatistics();
    }

    void clockAt(Instant instant) {
        clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    ImportResult importing(ImportKind kind, String csv) {
        return importing(kind, csv.getBytes(StandardCharsets.UTF_8));
    }

    ImportResult importing(ImportKind kind, byte[] body) {
        EntityManager em = db.emf().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            ImportResult result = new CsvImporter(em, clock, ACTOR).importCsv(kind, body);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    /** Imports a file that must be refused; checks that nothing was written, and returns the problems. */
    List<RowError> rejected(ImportKind kind, String csv) {
        return rejected(kind, csv.getBytes(StandardCharsets.UTF_8));
    }

    List<RowError> rejected(ImportKind kind, byte[] body) {
        Map<String, Long> before = counts();
        Statistics stats = statistics();
        EntityManager em = db.emf().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        ImportRejectedException rejection;
        try {
            stats.clear();
            rejection = assertThrows(ImportRejectedException.class,
                    () -> new CsvImporter(em, clock, ACTOR).importCsv(kind, body));
            // checked before the rollback: the import itself wrote nothing, not even to be undone
            assertEquals(0, stats.getEntityInsertCount(), "inserts while checking");
            assertEquals(0, stats.getEntityUpdateCount(), "updates while checking");
            assertEquals(0, stats.getEntityDeleteCount(), "deletes while checking");
            assertEquals(0, stats.getCollectionRecreateCount() + stats.getCollectionUpdateCount()
                    + stats.getCollectionRemoveCount(), "collection writes while checking");
            assertEquals(0, stats.getFlushCount(), "flushes while checking");
        } finally {
            tx.rollback();
            em.close();
        }
        assertEquals(before, counts(), "a rejected import stores nothing");
        assertFalse(rejection.errors().isEmpty(), "a rejection lists its problems");
        return rejection.errors();
    }

    /** The number of rows of every table, by entity. */
    Map<String, Long> counts() {
        return db.inTransaction(em -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String entity : ENTITIES) {
                counts.put(entity, em.createQuery("select count(e) from " + entity + " e", Long.class).getSingleResult());
            }
            counts.put("kpi_child", ((Number) em.createNativeQuery("select count(*) from kpi_child").getSingleResult()).longValue());
            counts.put("person_role", ((Number) em.createNativeQuery("select count(*) from person_role").getSingleResult()).longValue());
            return counts;
        });
    }

    long count(String entity) {
        return counts().get(entity);
    }

    void users(String... usernames) {
        db.run(em -> {
            for (String u : usernames) {
                em.persist(new Person(u, u));
            }
        });
    }

    <R> R read(Function<EntityManager, R> work) {
        return db.inTransaction(work);
    }

    void run(Consumer<EntityManager> work) {
        db.run(work);
    }

    @Override
    public void close() {
        db.close();
    }

    /** Lines joined with LF, ending with one. */
    static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static RowError error(Integer row, String column) {
        return new RowError(row, column, null);
    }

    /** The problems' rows and columns, without their messages, to compare with {@link #error}s. */
    static List<RowError> places(List<RowError> errors) {
        return errors.stream().map(e -> new RowError(e.row(), e.column(), null)).toList();
    }
}
