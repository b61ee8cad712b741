package com.keystone.okr.persistence;

import com.keystone.okr.persistence.db.SchemaMigrator;
import com.keystone.okr.persistence.db.UrlDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A real database for tests outside the server: an in-memory H2 (PostgreSQL mode, as in
 * production's embedded default) or an embedded PostgreSQL, migrated by the product's own
 * Flyway scripts, with the product's persistence unit bootstrapped on a local data source.
 * Every {@link #fresh} call gives its own empty database, so tests never share data.
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRES }

    private static EmbeddedPostgres postgres;

    private final Kind kind;
    private final DataSource dataSource;
    private final EntityManagerFactory emf;

    private TestDatabase(Kind kind, DataSource dataSource) {
        this.kind = kind;
        this.dataSource = dataSource;
        new SchemaMigrator(dataSource).migrate();
        this.emf = createEntityManagerFactory(dataSource);
    }

    /** A new, migrated, empty database of the given kind. */
    public static TestDatabase fresh(Kind kind) {
        return new TestDatabase(kind, newDataSource(kind));
    }

    /** A new empty database, not migrated: for migration tests. */
    public static DataSource emptyDataSource(Kind kind) {
        return newDataSource(kind);
    }

    private static DataSource newDataSource(Kind kind) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        if (kind == Kind.H2) {
            return new UrlDataSource("jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        }
        EmbeddedPostgres pg = postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return pg.getDatabase("postgres", name);
    }

    /** One embedded PostgreSQL per test JVM (its cold start takes seconds); each test gets its own database in it. */
    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    /** The product's persistence unit "okr", but resource-local on the given data source. */
    public static EntityManagerFactory createEntityManagerFactory(DataSource ds) {
        Map<String, Object> props = new HashMap<>();
        props.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        props.put("jakarta.persistence.jtaDataSource", null);
        props.put("jakarta.persistence.nonJtaDataSource", ds);
        props.put("hibernate.transaction.jta.platform", "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform");
        props.put("hibernate.generate_statistics", "true");
        return Persistence.createEntityManagerFactory("okr", props);
    }

    public Kind kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory emf() {
        return emf;
    }

    /** Runs work in one transaction on a new entity manager, committing at the end (rolling back on failure). */
    public <R> R inTransaction(Function<EntityManager, R> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        tx.begin();
        try {
            R result = work.apply(em);
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

    public void run(Consumer<EntityManager> work) {
        inTransaction(em -> {
            work.accept(em);
            return null;
        });
    }

    @Override
    public void close() {
        emf.close();
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
