package com.keystone.okr.web.importing;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.imports.CsvImporter;
import com.keystone.okr.web.imports.ImportChange;
import com.keystone.okr.web.imports.ImportKind;
import com.keystone.okr.web.imports.ImportResult;
import com.keystone.okr.web.imports.PersonChange;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.person.PersonState;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;

/**
 * CSV imports, all or nothing: the importer validates every row and throws when any is bad,
 * and this transaction then rolls back, so a refused file stores nothing. Admins only.
 *
 * <p>The upload page runs the very same import twice: {@link #preview} runs it and rolls it back
 * (so what it shows is what the import does, not a guess), {@link #apply} runs it again and
 * commits only when it finds what the preview found (the same keys, each created, updated or
 * unchanged, from the same stored versions); if the data changed in between, it rolls back and
 * answers the new preview instead. The API's {@link #importCsv} is the apply without a preview.
 */
@ApplicationScoped
public class ImportService {

    @PersistenceContext(unitName = "okr")
    EntityManager em;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail trail;
    @Inject
    BusinessMetrics metrics;
    @Resource
    TransactionSynchronizationRegistry transactions;

    private final Clock clock = Clock.systemUTC();

    public void checkAllowed() {
        user.requireAdmin(text("action.importCsv"));
    }

    /** Imports a file (the API): its counts, or an {@link ImportRejectedException} with every problem, nothing stored. */
    @Transactional
    public ImportResult importCsv(ImportKind kind, byte[] body) {
        checkAllowed();
        CsvImporter importer = new CsvImporter(em, clock, user.username());
        ImportResult result = importer.importCsv(kind, body);
        em.flush();
        record(kind, importer, result);
        return result;
    }

    /** Runs the import and rolls it back: what applying the file would do, or its problems. Stores nothing. */
    @Transactional
    public ImportOutcome preview(ImportKind kind, byte[] body) {
        checkAllowed();
        return run(kind, body, null); // marks the transaction rollback-only once it knows the outcome
    }

    /**
     * Imports a file previewed before: stored only when the import finds exactly what the preview
     * (of this {@code fingerprint}) found; otherwise rolled back, and the answer is the new preview
     * with {@code changedSincePreview}.
     */
    @Transactional
    public ImportOutcome apply(ImportKind kind, byte[] body, String fingerprint) {
        checkAllowed();
        return run(kind, body, fingerprint);
    }

    private ImportOutcome run(ImportKind kind, byte[] body, String expected) {
        CsvImporter importer = new CsvImporter(em, clock, user.username());
        ImportOutcome outcome = ImportRun.run(em, importer, kind, body, expected);
        if (outcome.applied()) {
            record(kind, importer, outcome.result());
        } else {
            transactions.setRollbackOnly();
        }
        return outcome;
    }

    /** The audit trail of a stored file: each key it created or changed, each person as the people service records them, and the file. */
    private void record(ImportKind kind, CsvImporter importer, ImportResult result) {
        for (ImportChange c : importer.changes()) {
            if (c.created() || c.updated()) {
                trail.record(c.subject(), c.key(), c.created() ? AuditAction.IMPORTED_CREATED : AuditAction.IMPORTED_UPDATED,
                        null, null);
            }
        }
        for (PersonChange p : importer.people()) {
            if (p.before() == null) {
                PersonState.recordCreated(trail, p.after());
            } else {
                PersonState.recordChanges(trail, p.before(), p.after());
            }
        }
        trail.record(AuditSubject.IMPORT, kind.name().toLowerCase(Locale.ROOT), AuditAction.IMPORT_APPLIED, null,
                "created " + result.created() + ", updated " + result.updated() + ", unchanged " + result.unchanged());
        metrics.importDone(kind.name().toLowerCase(Locale.ROOT));
    }
}
