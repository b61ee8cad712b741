package com.keystone.okr.persistence.db;

import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build knows, with the versioned Flyway
 * migrations under {@code db/migration}. A database already migrated by a newer Keystone is
 * refused before anything is touched: running old code on a newer schema could corrupt it.
 */
public final class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private final Flyway flyway;

    public SchemaMigrator(DataSource dataSource) {
        this.flyway = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(false)
                .cleanDisabled(true)
                .load();
    }

    /** Migrates to the latest version; returns the schema version now in force. */
    public String migrate() {
        refuseNewerSchema();
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied now)");
        return currentVersion();
    }

    /** The version the database is at, or {@code null} on an empty database. */
    public String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /** The newest version this build can migrate to. */
    public String latestKnownVersion() {
        return Arrays.stream(flyway.info().all())
                .filter(m -> m.getVersion() != null && !isFuture(m.getState()))
                .map(m -> m.getVersion().getVersion())
                .reduce((a, b) -> b)
                .orElse(null);
    }

    /** True when every migration this build knows has been applied and none failed. */
    public boolean isUpToDate() {
        MigrationInfoService info = flyway.info();
        return info.pending().length == 0 && Arrays.stream(info.all()).noneMatch(m -> m.getState().isFailed());
    }

    private void refuseNewerSchema() {
        MigrationInfo[] future = Arrays.stream(flyway.info().all())
                .filter(m -> isFuture(m.getState()))
                .toArray(MigrationInfo[]::new);
        if (future.length > 0) {
            throw new SchemaTooNewException(future[future.length - 1].getVersion().getVersion(), latestKnownVersion());
        }
    }

    private static boolean isFuture(MigrationState state) {
        return state == MigrationState.FUTURE_SUCCESS || state == MigrationState.FUTURE_FAILED;
    }
}
