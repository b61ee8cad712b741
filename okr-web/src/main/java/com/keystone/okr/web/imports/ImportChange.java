package com.keystone.okr.web.imports;

import com.keystone.okr.domain.audit.AuditSubject;
import java.util.function.LongSupplier;

/**
 * A row's key that an import created or matched, for the audit trail: objectives and key results
 * keyed {@code cycle/key} like the services' entries, KPIs by their key. A matched row counts as
 * changed only when its entity's version moved at the flush (an import that repeats what is stored
 * changes nothing and says so).
 *
 * @param versionBefore the entity's version when the row was matched
 * @param versionNow    reads the entity's version (after the flush: moved when a field changed)
 */
public record ImportChange(AuditSubject subject, String key, boolean created, long versionBefore,
                           LongSupplier versionNow) {

    static ImportChange created(AuditSubject subject, String key) {
        return new ImportChange(subject, key, true, 0, () -> 0);
    }

    static ImportChange matched(AuditSubject subject, String key, long versionBefore, LongSupplier versionNow) {
        return new ImportChange(subject, key, false, versionBefore, versionNow);
    }

    /** Whether an existing row was changed (ask after the flush). */
    public boolean updated() {
        return !created && versionNow.getAsLong() != versionBefore;
    }
}
