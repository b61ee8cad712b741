package com.keystone.okr.web.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.backup.BackupQueries;
import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.web.backup.RestoreRejectedException.FileError;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A backup written from one database and restored into another (H2 and PostgreSQL) gives back the
 * very same files when it is written again: every table, every historical value (recorded-at,
 * authors, frozen grades and overrides, cycle states, measurements, the audit history) and every
 * order a report depends on. And a bad backup stores nothing and names the file, row and column.
 */
class BackupRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-07-03T09:15:30.123456Z");
    private static final LocalDate JUL_10 = LocalDate.of(2026, 7, 10);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRestoredBackupWrittenAgainIsTheSameBackup(Kind target) throws IOException {
        byte[] backup;
        try (TestDatabase source = TestDatabase.fresh(Kind.H2)) {
            source.run(BackupRoundTripTest::company);
            backup = export(source);
        }
        try (TestDatabase db = TestDatabase.fresh(target)) {
            db.run(em -> {
                Person admin = new Person("admin", "The admin here");
                admin.grant(GlobalRole.ADMIN);
                admin.changePasswordHash("admin-hash");
                em.persist(admin);
                Person bob = new Person("bob", "Bob before");
                bob.changePasswordHash("bob-hash");
                em.persist(bob);
            });
            long before = db.inTransaction(em -> new ChangeJournal(em).version());

            Map<BackupFile, Long> counts = restore(db, backup, "admin");

            assertEquals(4L, counts.get(BackupFile.CHECKINS));
            Map<String, String> again = files(export(db));
            Map<String, String> first = files(backup);
            for (BackupFile f : BackupFile.values()) {
                assertEquals(first.get(f.fileName()), again.get(f.fileName()), f.fileName());
            }
            long after = db.inTransaction(em -> new ChangeJournal(em).version());
            assertEquals(before + 1, after, "one version of the journal");
            assertTrue(db.inTransaction(em -> new ChangeJournal(em).changes(before, before + 1)).isEmpty(),
                    "named wholesale, not row by row");
            db.run(em -> {
                Person bob = em.createQuery("select p from Person p where p.username = 'bob'", Person.class).getSingleResult();
                assertEquals("bob-hash", bob.getPasswordHash(), "an existing person keeps their password");
                assertEquals("Bob", bob.getDisplayName(), "and takes the backup's name");
                Person ann = em.createQuery("select p from Person p where p.username = 'ann'", Person.class).getSingleResult();
                assertNull(ann.getPasswordHash(), "a restored person has no password until an admin resets it");
                Person admin = em.createQuery("select p from Person p where p.username = 'admin'", Person.class)
                        .getSingleResult();
                assertEquals("admin-hash", admin.getPasswordHash());
            });
        }
    }

    @Test
    void aBadRowIsNamedByFileRowAndColumnAndNothingIsStored() throws IOException {
        byte[] backup = backupOfTheCompany();
        Map<String, String> files = files(backup);
        String checkIns = files.get("checkins.csv");
        files.put("checkins.csv", checkIns.replaceFirst(",3,7,", ",three,7,"));

        List<FileError> errors = rejected(zip(files));

        assertEquals(1, errors.size(), errors.toString());
        FileError e = errors.get(0);
        assertEquals("checkins.csv", e.file());
        assertEquals(2, e.row());
        assertEquals("value", e.column());
        assertTrue(e.message().contains("'three' is not a number"), e.message());
    }

    @Test
    void anUnknownColumnAWrongFormatVersionAMissingFileAndACutFileAreRefused() throws IOException {
        Map<String, String> files = files(backupOfTheCompany());

        Map<String, String> unknownColumn = new LinkedHashMap<>(files);
        unknownColumn.put("kpis.csv", unknownColumn.get("kpis.csv").replaceFirst("kpi_key", "kpi_kee"));
        FileError column = rejected(zip(unknownColumn)).get(0);
        assertEquals("kpis.csv", column.file());
        assertEquals(1, column.row());
        assertEquals("kpi_kee", column.column());

        Map<String, String> version = new LinkedHashMap<>(files);
        version.put("manifest.json", version.get("manifest.json").replace("\"formatVersion\":1", "\"formatVersion\":2"));
        FileError format = rejected(zip(version)).get(0);
        assertEquals("manifest.json", format.file());
        assertEquals("formatVersion", format.column());

        Map<String, String> missing = new LinkedHashMap<>(files);
        missing.remove("audit.csv");
        FileError gone = rejected(zip(missing)).get(0);
        assertEquals("audit.csv", gone.file());

        Map<String, String> cut = new LinkedHashMap<>(files);
        String m = cut.get("measurements.csv");
        cut.put("measurements.csv", m.substring(0, m.lastIndexOf("\r\n", m.length() - 3) + 2));
        FileError shorter = rejected(zip(cut)).get(0);
        assertEquals("measurements.csv", shorter.file());
        assertTrue(shorter.message().contains("the manifest counts 2 rows"), shorter.message());

        Map<String, String> loop = new LinkedHashMap<>(files);
        loop.put("okrs.csv", loop.get("okrs.csv").replaceFirst("2026-Q3,Acme,CO-1,Win,,", "2026-Q3,Acme,CO-1,Win,SA-1,"));
        FileError cycle = rejected(zip(loop)).get(0);
        assertEquals("okrs.csv", cycle.file());
        assertEquals("parent_objective_key", cycle.column());
    }

    @Test
    void aBackupIsNotRestoredTwice() throws IOException {
        byte[] backup = backupOfTheCompany();
        try (TestDatabase db = TestDatabase.fresh(Kind.H2)) {
            restore(db, backup, "admin");
            assertTrue(db.inTransaction(em -> new BackupQueries(em).companyRows()).values().stream().allMatch(n -> n > 0),
                    "the service refuses a database where any of these is not zero");
        }
    }

    /** A small company with every kind of row and every historical value a backup must keep. */
    static void company(EntityManager em) {
        OrgUnit acme = OrgUnit.root("Acme");
        em.persist(acme);
        OrgUnit sales = acme.addChild("Sales");
        em.persist(sales);
        OrgUnit inbound = sales.addChild("Inbound, \"the\" team");
        em.persist(inbound);
        OrgUnit old = acme.addChild("Old");
        em.persist(old);
        em.persist(old.addChild("Older"));
        old.archive();

        Person admin = new Person("admin", "Administrator");
        admin.grant(GlobalRole.ADMIN);
        em.persist(admin);
        Person bob = new Person("bob", "Bob");
        bob.grant(GlobalRole.HR);
        bob.assign(sales, UnitRole.LEAD);
        bob.changeEmail("bob@example.com");
        em.persist(bob);
        Person ann = new Person("ann", "Ann");
        ann.assign(inbound, UnitRole.MEMBER);
        ann.deactivate();
        em.persist(ann);

        Kpi leads = kpi("LEADS", inbound, TimeAggregation.SUM);
        leads.assignOwner(bob);
        leads.describeUnitOfMeasure("leads");
        em.persist(leads);
        Kpi visits = kpi("VISITS", inbound, TimeAggregation.SUM);
        em.persist(visits);
        Kpi total = kpi("TOTAL", sales, TimeAggregation.SUM);
        total.rollUpFrom(UnitAggregation.SUM, List.of(visits, leads));
        em.persist(total);
        Kpi rate = kpi("RATE", sales, TimeAggregation.LAST);
        rate.ratioOf(leads, visits);
        em.persist(rate);
        em.persist(leads.measure(JUL_10, new BigDecimal("12.5"), T0, "bob"));
        em.persist(visits.measure(JUL_10, new BigDecimal("0.0000000001"), T0.plusSeconds(1), null));

        Cycle q3 = Cycle.quarter("2026-Q3");
        em.persist(q3);
        Cycle q4 = Cycle.quarter("2026-Q4");
        em.persist(q4);
        Objective top = new Objective(q3, "CO-1", "Win", acme);
        em.persist(top);
        Objective sell = new Objective(q3, "SA-1", "Sell, \"more\"\nand faster", sales);
        sell.alignTo(top);
        sell.describe("the why\r\nwith lines");
        sell.assignOwner(ann);
        sell.reweigh(new BigDecimal("2.5"));
        em.persist(sell);
        KeyResult calls = new KeyResult(sell, "SA-1-KR1", "Calls", KeyResultType.NUMERIC, BigDecimal.ZERO, BigDecimal.TEN);
        calls.assignOwner(bob);
        em.persist(calls);
        KeyResult linked = new KeyResult(sell, "SA-1-KR2", "Leads", KeyResultType.AT_LEAST, null, new BigDecimal("20"));
        em.persist(linked);
        em.persist(calls.checkIn(JUL_10, new BigDecimal("3"), 7, "a, \"quoted\" comment", "bob", T0));
        em.persist(calls.checkIn(JUL_10, new BigDecimal("4"), null, null, "ann", T0)); // same moment: the later one counts
        em.persist(calls.checkIn(JUL_10.minusDays(3), new BigDecimal("2"), 5, null, null, T0.plusSeconds(5)));
        em.persist(linked.checkIn(JUL_10, new BigDecimal("9"), null, "before the link", "bob", T0));
        linked.linkKpi(leads); // after a check-in, as people may do
        sell.freezeGrade(new BigDecimal("0.3"));
        sell.overrideGrade(new BigDecimal("0.6"), "  the market fell ", "bob", T0.plusSeconds(60));
        calls.freezeGrade(new BigDecimal("0.4"));
        top.freezeGrade(new BigDecimal("0.3"));
        q3.activate();
        q3.close(T0.plusSeconds(120));
        em.persist(new Objective(q4, "CO-2", "Next", acme));
        q4.activate();

        em.persist(new AuditEntry(T0, "bob", AuditAction.CREATED, AuditSubject.OBJECTIVE, "2026-Q3/CO-1", null, "Win", null));
        em.persist(new AuditEntry(T0, null, AuditAction.SIGN_IN_FAILED, AuditSubject.ADDRESS, "10.0.0.1", " a,\"b\"\nc ",
                "", "why"));
    }

    private static Kpi kpi(String key, OrgUnit unit, TimeAggregation time) {
        return new Kpi(key, key + " name", unit, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, BigDecimal.TEN,
                new BigDecimal("5"), time);
    }

    private static byte[] backupOfTheCompany() {
        try (TestDatabase source = TestDatabase.fresh(Kind.H2)) {
            source.run(BackupRoundTripTest::company);
            return export(source);
        }
    }

    static byte[] export(TestDatabase db) {
        return db.inTransaction(em -> {
            BackupQueries queries = new BackupQueries(em);
            queries.beginSnapshot();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                new BackupWriter(queries).write(out, new BackupWriter.About("5", T0, new ChangeJournal(em).version()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                queries.endSnapshot();
            }
            return out.toByteArray();
        });
    }

    private Map<BackupFile, Long> restore(TestDatabase db, byte[] backup, String admin) throws IOException {
        Path file = Files.write(tmp.resolve("backup-" + System.nanoTime() + ".zip"), backup);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return db.inTransaction(em -> {
                new ChangeJournal(em).rewriteWholesale();
                return new Restore(em, zip, admin).run();
            });
        }
    }

    /** Restores into a fresh database, which must refuse it and keep nothing. */
    private List<FileError> rejected(byte[] backup) throws IOException {
        try (TestDatabase db = TestDatabase.fresh(Kind.H2)) {
            RestoreRejectedException e = assertThrows(RestoreRejectedException.class, () -> restore(db, backup, "admin"));
            assertTrue(db.inTransaction(em -> new BackupQueries(em).companyRows()).values().stream().allMatch(n -> n == 0),
                    "nothing stored");
            long people = db.inTransaction(em -> em.createQuery("select count(p) from Person p", Long.class).getSingleResult());
            assertEquals(0, people, "nor people");
            assertNotNull(e.errors());
            return e.errors();
        }
    }

    static Map<String, String> files(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
