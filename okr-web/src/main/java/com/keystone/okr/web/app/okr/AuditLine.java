package com.keystone.okr.web.app.okr;

import java.io.Serializable;
import java.time.Instant;

/** One entry of the audit history about an objective or one of its key results, as the objective page lists it. */
public record AuditLine(Instant occurredAt, String actor, String action, String subjectType, String subject,
                        String oldValue, String newValue, String reason) implements Serializable {
}
