package com.keystone.okr.web.startup;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.persistence.db.SchemaMigrator;
import com.keystone.okr.persistence.db.SchemaTooNewException;
import com.keystone.okr.web.config.DataSourceConfig;
import com.keystone.okr.web.config.Settings;
import com.keystone.okr.web.demo.DemoCompany;
import com.keystone.okr.web.report.JournalPruning;
import com.keystone.okr.web.report.LiveModels;
import com.keystone.okr.web.security.PasswordHasher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Runs once when the application starts: migrates the schema (refusing a newer one), then on an
 * empty database creates the first administrator or loads the demo company. A start that
 * cannot succeed says why and, in the uber-jar, ends the JVM rather than serving nothing.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());
    /** The key of the PostgreSQL advisory lock held while seeding ("KEYSTONE" in ASCII, shortened). */
    private static final long SEED_LOCK = 0x4B455953544F4EL;

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Config config;

    @Inject
    FirstRun firstRun;

    @Inject
    DemoCompany demo;

    @Inject
    StartupStatus status;

    @Inject
    LiveModels models;

    @Inject
    JournalPruning pruning;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        try {
            String version = new SchemaMigrator(dataSource).migrate();
            seedAlone();
            status.warming(version);
            executor.submit(() -> warmUp(version));
        } catch (StartupFailure | SchemaTooNewException | InvalidInputException e) {
            fail(e.getMessage(), null);
            throw e;
        } catch (RuntimeException e) {
            fail("Keystone could not start: " + e, e);
            throw e;
        }
    }

    /**
     * Loads the live model of every active cycle before the instance reports ready, so that no
     * user (and no load balancer's first request) waits for a large company to be read. A model
     * that cannot be loaded now is loaded on its first read instead; the instance is ready anyway.
     */
    private void warmUp(String version) {
        long started = System.nanoTime();
        try {
            models.warmUp();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the live models could not be loaded at start; they load on first use", e);
        }
        status.ready(version);
        pruning.start();
        LOG.info("Keystone is ready (schema version " + version + ", live models loaded in "
                + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    /**
     * Seeds while holding a database-wide lock, so that instances of a cluster starting together
     * on one empty PostgreSQL database load the demo company (or create the first administrator)
     * once: the others wait, then find the data there. (Flyway locks the migrations itself; an
     * H2 file database serves one process only.)
     */
    private void seedAlone() {
        try (Connection c = dataSource.getConnection()) {
            boolean postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            if (!postgres) {
                seed();
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_lock(" + SEED_LOCK + ")");
                try {
                    seed();
                } finally {
                    s.execute("select pg_advisory_unlock(" + SEED_LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new StartupFailure("Keystone could not lock the database to seed it: " + e.getMessage());
        }
    }

    private void seed() {
        boolean demoMode = config.getOptionalValue(Settings.DEMO, Boolean.class).orElse(false);
        if (demoMode) {
            if (firstRun.isEmpty()) {
                demo.load(Clock.systemDefaultZone());
            } else {
                LOG.info("okr.demo=true but the database already has data: the demo company is not loaded again");
            }
            return;
        }
        if (!firstRun.hasNoUser()) {
            return;
        }
        String username = config.getOptionalValue(Settings.ADMIN_USERNAME, String.class).orElse("admin");
        Optional<String> password = config.getOptionalValue(Settings.ADMIN_PASSWORD, String.class)
                .filter(p -> !p.isBlank());
        if (password.isEmpty()) {
            throw new StartupFailure("The database has no user yet and " + Settings.ADMIN_PASSWORD + " is not set. Set "
                    + Settings.ADMIN_PASSWORD + " (environment variable " + Settings.envName(Settings.ADMIN_PASSWORD)
                    + ") to create the first administrator '" + username + "', or start with "
                    + Settings.DEMO + "=true to load the demo company.");
        }
        if (password.get().length() < PasswordHasher.MIN_LENGTH) {
            throw new StartupFailure(Settings.ADMIN_PASSWORD + " must have at least " + PasswordHasher.MIN_LENGTH
                    + " characters (every password must): set a longer one to create the first administrator '" + username
                    + "'.");
        }
        firstRun.createAdministrator(username, password.get());
    }

    private void fail(String reason, Throwable cause) {
        status.failed(reason);
        LOG.log(Level.SEVERE, "\n\n*** Keystone did not start: " + reason + "\n", cause);
        boolean exit = config.getOptionalValue(Settings.EXIT_ON_FAILURE, Boolean.class).orElse(false);
        if (exit) {
            Thread exiter = new Thread(() -> {
                System.err.println("Keystone did not start: " + reason);
                System.exit(2);
            }, "keystone-exit-on-startup-failure");
            exiter.setDaemon(false);
            exiter.start();
        }
    }
}
