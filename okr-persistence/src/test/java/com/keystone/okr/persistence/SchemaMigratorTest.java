package com.keystone.okr.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.db.SchemaMigrator;
import com.keystone.okr.persistence.db.SchemaTooNewException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaMigratorTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void migratesAnEmptyDatabaseToTheLatestVersionAndIsIdempotent(Kind kind) throws SQLException {
        DataSource ds = TestDatabase.emptyDataSource(kind);
        SchemaMigrator migrator = new SchemaMigrator(ds);
        assertNull(migrator.currentVersion());

        String version = migrator.migrate();

        assertEquals(migrator.latestKnownVersion(), version);
        assertTrue(migrator.isUpToDate());
        assertEquals(version, new SchemaMigrator(ds).migrate(), "a second start migrates nothing");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from org_unit")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFreshTestDatabaseIsAnUpToDateAndEmptyCopyOfAMigratedOne(Kind kind) throws SQLException {
        // TestDatabase copies one migrated database instead of migrating each: the copy must be as good
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            SchemaMigrator migrator = new SchemaMigrator(db.dataSource());
            assertTrue(migrator.isUpToDate());
            assertEquals(migrator.latestKnownVersion(), migrator.currentVersion());
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select (select count(*) from org_unit) + (select count(*) from person) "
                         + "+ (select count(*) from cycle) + (select count(*) from kpi), nextval('objective_seq')")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
                assertEquals(1, rs.getLong(2), "sequences start afresh");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void refusesADatabaseMigratedByANewerKeystone(Kind kind) throws SQLException {
        DataSource ds = TestDatabase.emptyDataSource(kind);
        new SchemaMigrator(ds).migrate();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // what a future release would have left behind
            s.execute("insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                    + "installed_by, installed_on, execution_time, success) values (99, '999', 'from the future', 'SQL', "
                    + "'V999__from_the_future.sql', 0, 'test', current_timestamp, 1, true)");
        }

        SchemaTooNewException e = assertThrows(SchemaTooNewException.class, () -> new SchemaMigrator(ds).migrate());

        assertEquals("999", e.getDatabaseVersion());
        assertTrue(e.getMessage().contains("newer than this Keystone"), e.getMessage());
    }
}
