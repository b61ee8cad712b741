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
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * A real database for tests outside the server: an in-memory H2 (PostgreSQL mode, as in
 * production's embedded default) or an embedded PostgreSQL, migrated by the product's own
 * Flyway scripts, with the product's persistence unit bootstrapped on a local data source.
 * Every {@link #fresh} call gives its own empty database, so tests never share data; {@link #close}
 * drops it. (A fresh database is a copy of one migrated once per JVM, which is several times
 * faster than migrating each.)
 */
public final class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRES }

    private static EmbeddedPostgres postgres;
    /** A PostgreSQL database migrated once per JVM; fresh ones are copies of it (much faster than migrating each). */
    private static String postgresTemplate;
    private static String h2Template;

    private final Kind kind;
    private final String name;
    private final DataSource dataSource;
    private final EntityManagerFactory emf;

    private TestDatabase(Kind kind, String name, DataSource dataSource) {
        this.kind = kind;
        this.name = name;
        this.dataSource = dataSource;
        this.emf = createEntityManagerFactory(dataSource);
    }

    /** A new, migrated, empty database of the given kind. */
    public static TestDatabase fresh(Kind kind) {
        String name = newName();
        if (kind == Kind.H2) {
            DataSource ds = h2(name);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("runscript from '" + h2Template() + "'");
            } catch (SQLException e) {
                throw new IllegalStateException("could not copy the migrated H2 database", e);
            }
            return new TestDatabase(kind, name, ds);
        }
        EmbeddedPostgres pg = postgres();
        execute(pg, "create database " + name + " template " + postgresTemplate(pg));
        return new TestDatabase(kind, name, pg.getDatabase("postgres", name));
    }

    /** A new empty database, not migrated: for migration tests. */
    public static DataSource emptyDataSource(Kind kind) {
        String name = newName();
        if (kind == Kind.H2) {
            return h2(name);
        }
        EmbeddedPostgres pg = postgres();
        execute(pg, "create database " + name);
        return pg.getDatabase("postgres", name);
    }

    /**
     * The JDBC URL of a new, empty (not migrated) database in the embedded PostgreSQL, for a
     * server started in another process (user {@code postgres}, no password). Its data stays
     * until the embedded PostgreSQL stops with the JVM.
     */
    public static String emptyPostgresUrl() {
        String name = newName();
        EmbeddedPostgres pg = postgres();
        execute(pg, "create database " + name);
        return pg.getJdbcUrl("postgres", name);
    }

    private static String newName() {
        return "t" + UUID.randomUUID().toString().replace("-", "");
    }

    private static DataSource h2(String name) {
        return new UrlDataSource("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A script of an H2 database migrated once per JVM; fresh ones run it (much faster than migrating each). */
    private static synchronized String h2Template() {
        if (h2Template == null) {
            DataSource ds = h2(newName());
            new SchemaMigrator(ds).migrate();
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                Path script = Files.createTempFile("keystone-migrated-h2", ".sql");
                script.toFile().deleteOnExit();
                s.execute("script nopasswords nosettings to '" + script.toAbsolutePath() + "'");
                s.execute("shutdown");
                h2Template = script.toAbsolutePath().toString();
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("could not script the migrated H2 database", e);
            }
        }
        return h2Template;
    }

    private static synchronized String postgresTemplate(EmbeddedPostgres pg) {
        if (postgresTemplate == null) {
            String template = "keystone_migrated";
            execute(pg, "create database " + template);
            new SchemaMigrator(pg.getDatabase("postgres", template)).migrate();
            postgresTemplate = template;
        }
        return postgresTemplate;
    }

    private static void execute(EmbeddedPostgres pg, String sql) {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
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
        // The Jakarta EE API jar puts JSON-B's API on the test class path but no provider (Payara brings Yasson),
        // and Hibernate would try to load one at start-up. The model has no JSON attribute: a mapper that refuses
        // to be used is enough outside the server.
        props.put("hibernate.type.json_format_mapper", NoJsonFormatMapper.class.getName());
        return Persistence.createEntityManagerFactory("okr", props);
    }

    /** Stands in for Hibernate's JSON format mapper in tests; nothing in the model is mapped to JSON. */
    public static final class NoJsonFormatMapper implements FormatMapper {

        @Override
        public <T> T fromString(CharSequence value, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no JSON mapping in the Keystone model");
        }

        @Override
        public <T> String toString(T value, JavaType<T> type, WrapperOptions options) {
            throw new UnsupportedOperationException("no JSON mapping in the Keystone model");
        }
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

    /** Closes the entity manager factory and drops the database, so that a test leaves nothing behind. */
    @Override
    public void close() {
        emf.close();
        if (kind == Kind.H2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("shutdown");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the H2 database " + name, e);
            }
        } else {
            execute(postgres(), "drop database " + name + " with (force)");
        }
    }

    @Override
    public String toString() {
        return kind.name();
    }
}
