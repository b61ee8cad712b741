package com.keystone.okr.web.imports;

import com.keystone.okr.domain.audit.AuditSubject;

/**
 * A row's key that an import created or updated, for the audit trail: objectives and key results
 * keyed {@code cycle/key} like the services' entries, KPIs by their key.
 */
public record ImportChange(AuditSubject subject, String key, boolean created) {
}
