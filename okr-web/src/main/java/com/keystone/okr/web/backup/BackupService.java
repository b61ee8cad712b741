package com.keystone.okr.web.backup;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.persistence.backup.BackupQueries;
import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.startup.StartupStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Backups of the whole company (admins only): the export, read in one transaction from one
 * consistent snapshot of the database and written to the answer as it is read; the restore, all or
 * nothing in one transaction, into a database that holds no company yet. The restore is one
 * wholesale version of the change journal, so every instance's live models read it whole.
 */
@ApplicationScoped
public class BackupService {

    private static final Logger LOG = Logger.getLogger(BackupService.class.getName());

    @PersistenceContext(unitName = "okr")
    EntityManager em;
    @Inject
    BackupQueries queries;
    @Inject
    ChangeJournal journal;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail trail;
    @Inject
    StartupStatus status;

    private final Clock clock = Clock.systemUTC();

    /** Refuses a non-admin before anything is read or written. */
    public void checkExportAllowed() {
        user.requireAdmin(text("action.exportBackup"));
    }

    /** Refuses a non-admin before the body is read. */
    public void checkRestoreAllowed() {
        user.requireAdmin(text("action.restoreBackup"));
    }

    /** Writes the whole company as a zip to {@code out}, as it is read. */
    @Transactional
    public void export(OutputStream out) throws IOException {
        queries.beginSnapshot(); // the transaction's first statement: every table as of one moment
        try {
            user.requireAdmin(text("action.exportBackup"));
            long dataVersion = journal.version();
            Map<BackupFile, Long> counts = new BackupWriter(queries).write(out, new BackupWriter.About(
                    status.getSchemaVersion(), clock.instant().truncatedTo(ChronoUnit.MICROS), dataVersion));
            LOG.info(() -> "backup exported by " + user.username() + " at data version " + dataVersion + ": " + counts);
        } finally {
            queries.endSnapshot();
        }
    }

    /**
     * Restores a backup (a zip file) into this database, which must hold no company yet.
     *
     * @return the rows restored of each file
     * @throws RestoreRefusedException  when the database already holds a company
     * @throws RestoreRejectedException when the backup is not one, or a file or row of it is bad
     */
    @Transactional
    public Map<String, Long> restore(Path backup) {
        user.requireAdmin(text("action.restoreBackup"));
        Map<String, Long> existing = queries.companyRows();
        if (existing.values().stream().anyMatch(n -> n > 0)) {
            throw new RestoreRefusedException(text("restore.notEmpty", existing.entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))));
        }
        journal.rewriteWholesale();
        Map<BackupFile, Long> counts;
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            counts = new Restore(em, zip, user.username()).run();
        } catch (ZipException e) {
            throw new RestoreRejectedException(List.of(new RestoreRejectedException.FileError(null, null, null,
                    "the body is not a zip file: " + e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> restored = new LinkedHashMap<>();
        counts.forEach((f, n) -> restored.put(f.fileName(), n));
        trail.record(AuditSubject.IMPORT, "restore", AuditAction.BACKUP_RESTORED, null, restored.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        LOG.info(() -> "backup restored by " + user.username() + ": " + restored);
        return restored;
    }
}
