package com.keystone.okr.web.importing;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.imports.CsvImporter;
import com.keystone.okr.web.imports.ImportChange;
import com.keystone.okr.web.imports.ImportKind;
import com.keystone.okr.web.imports.ImportResult;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Locale;

/**
 * CSV imports, all or nothing: the importer validates every row and throws when any is bad,
 * and this transaction then rolls back, so a refused file stores nothing. Admins only.
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

    private final Clock clock = Clock.systemUTC();

    public void checkAllowed() {
        user.requireAdmin(text("action.importCsv"));
    }

    @Transactional
    public ImportResult importCsv(ImportKind kind, byte[] body) {
        user.requireAdmin(text("action.importCsv"));
        CsvImporter importer = new CsvImporter(em, clock, user.username());
        ImportResult result = importer.importCsv(kind, body);
        em.flush();
        // the audit trail: each key the file created or changed (the flush above moved its version), and the file
        for (ImportChange c : importer.changes()) {
            if (c.created() || c.updated()) {
                trail.record(c.subject(), c.key(), c.created() ? AuditAction.IMPORTED_CREATED : AuditAction.IMPORTED_UPDATED,
                        null, null);
            }
        }
        trail.record(AuditSubject.IMPORT, kind.name().toLowerCase(Locale.ROOT), AuditAction.IMPORT_APPLIED, null,
                "created " + result.created() + ", updated " + result.updated() + ", unchanged " + result.unchanged());
        metrics.importDone(kind.name().toLowerCase(Locale.ROOT));
        return result;
    }
}
