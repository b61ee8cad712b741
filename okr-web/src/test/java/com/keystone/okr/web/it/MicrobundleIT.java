package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as an operator runs it: {@code java -jar okr-microbundle.jar} on the default
 * embedded database in the working directory. Figures are read from that database file after
 * the server stopped, so the test depends on no API.
 */
class MicrobundleIT {

    private static final String DEFAULT_DB = "okr-data/keystone";

    @Test
    void theDemoCompanyLoadsOnFirstStartAndASecondStartReusesTheData(@TempDir Path dir) throws Exception {
        try (RunningJar jar = RunningJar.start(dir, "okr.demo=true").awaitReady()) {
            HttpResponse<String> ready = jar.get("/health/ready");
            assertTrue(ready.body().contains("\"schemaVersion\":\"6\""), ready.body());
            assertEquals(200, jar.get("/health/live").statusCode());
            HttpResponse<String> login = jar.get("/login.xhtml");
            assertEquals(200, login.statusCode(), "the sign-in page");
            assertTrue(login.body().contains("every demo user's password is"), "demo mode shows the demo logins");
            assertTrue(jar.get("/").headers().firstValue("Location").orElse("").endsWith("/login.xhtml"),
                    "the root sends a visitor to the sign-in page");
            assertTrue(jar.get("/metrics?scope=application").body().contains("keystone_demo_loads_total"));
            // --nohazelcast (RunningJar's default): sessions stay in memory, and the log does not say so at every request
            assertEquals(200, jar.get("/login.xhtml").statusCode());
            assertFalse(jar.output().contains("Hazelcast is not enabled"), jar.tail());
            assertTrue(jar.output().contains("Keystone is ready"), "the log is there: " + jar.tail());
        }
        Map<String, Long> first = demoFigures(dir);
        assertEquals(1, first.get("companies"));
        assertTrue(first.get("departments") >= 4, first.toString());
        assertTrue(first.get("teams") >= 10, first.toString());
        assertEquals(1, first.get("closed cycles"));
        assertEquals(1, first.get("active cycles"));
        assertEquals(first.get("objectives of the closed cycle"), first.get("graded objectives"), first.toString());
        assertTrue(first.get("check-ins") > 300, first.toString());
        assertTrue(first.get("measurements") > 200, first.toString());
        for (String user : new String[] {"admin", "hr", "ceo", "marketing.lead", "alice"}) {
            assertEquals(1, count(dir, "select count(*) from person where username = '" + user
                    + "' and password_hash like 'PBKDF2WithHmacSHA256:600000:%'"), user);
        }

        try (RunningJar again = RunningJar.start(dir, "okr.demo=true").awaitReady()) {
            assertTrue(again.output().contains("already has data"), "the second start saw the existing data");
        }
        assertEquals(first, demoFigures(dir), "the second start changed nothing");
    }

    @Test
    void withoutDemoOrAdminPasswordItRefusesToStartAndNamesTheSetting(@TempDir Path dir) throws Exception {
        try (RunningJar jar = RunningJar.start(dir)) {
            int exit = jar.awaitExit(Duration.ofSeconds(180));
            assertNotEquals(0, exit);
            assertTrue(jar.output().contains("okr.admin.password is not set"), jar.tail());
            assertTrue(jar.output().contains("OKR_ADMIN_PASSWORD"), jar.tail());
        }
        try (RunningJar jar = RunningJar.start(dir, "okr.admin.password=eleven-char")) {
            int exit = jar.awaitExit(Duration.ofSeconds(180));
            assertNotEquals(0, exit);
            assertTrue(jar.output().contains("okr.admin.password must have at least 12 characters"), jar.tail());
        }
        assertEquals(0, count(dir, "select count(*) from person"), "no administrator with a short password");
    }

    @Test
    void anAdminPasswordCreatesTheFirstAdministratorAndANewerSchemaIsRefused(@TempDir Path dir) throws Exception {
        try (RunningJar jar = RunningJar.start(dir, "okr.admin.username=root.admin", "okr.admin.password=correct-horse-battery")
                .awaitReady()) {
            assertEquals(200, jar.get("/health/ready").statusCode());
            HttpResponse<String> login = jar.get("/login.xhtml");
            assertEquals(200, login.statusCode());
            assertFalse(login.body().contains("demo"), "no demo logins on a real company's sign-in page");
        }
        assertEquals(1, count(dir, "select count(*) from person"));
        assertEquals(1, count(dir, "select count(*) from person p join person_role r on r.person_id = p.id "
                + "where p.username = 'root.admin' and r.role = 'ADMIN' and p.password_hash like 'PBKDF2WithHmacSHA256:600000:%'"));
        assertEquals(0, count(dir, "select count(*) from org_unit"), "no demo data without okr.demo");

        execute(dir, "insert into flyway_schema_history (installed_rank, version, description, type, script, checksum, "
                + "installed_by, installed_on, execution_time, success) values (99, '999', 'from the future', 'SQL', "
                + "'V999__from_the_future.sql', 0, 'test', current_timestamp, 1, true)");
        try (RunningJar jar = RunningJar.start(dir)) {
            int exit = jar.awaitExit(Duration.ofSeconds(180));
            assertNotEquals(0, exit);
            assertTrue(jar.output().contains("newer than this Keystone"), jar.tail());
        }
    }

    private static Map<String, Long> demoFigures(Path dir) throws SQLException {
        Map<String, Long> f = new LinkedHashMap<>();
        f.put("companies", count(dir, "select count(*) from org_unit where parent_id is null"));
        f.put("departments", count(dir, "select count(*) from org_unit where depth = 1"));
        f.put("teams", count(dir, "select count(*) from org_unit where depth >= 2"));
        f.put("people", count(dir, "select count(*) from person"));
        f.put("closed cycles", count(dir, "select count(*) from cycle where state = 'CLOSED'"));
        f.put("active cycles", count(dir, "select count(*) from cycle where state = 'ACTIVE'"));
        f.put("objectives of the closed cycle", count(dir,
                "select count(*) from objective o join cycle c on c.id = o.cycle_id where c.state = 'CLOSED'"));
        f.put("graded objectives", count(dir, "select count(*) from objective where grade is not null"));
        f.put("check-ins", count(dir, "select count(*) from check_in"));
        f.put("measurements", count(dir, "select count(*) from measurement"));
        f.put("kpis", count(dir, "select count(*) from kpi"));
        return f;
    }

    private static Connection open(Path dir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(DEFAULT_DB)
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE", "keystone", "keystone");
    }

    private static long count(Path dir, String sql) throws SQLException {
        try (Connection c = open(dir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Path dir, String sql) throws SQLException {
        try (Connection c = open(dir); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
