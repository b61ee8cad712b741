package com.keystone.okr.domain.audit;

import com.keystone.okr.domain.Checks;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the audit history (system time): who changed what, when, and the values before
 * and after. A replaced measurement and a grade override leave one each; what a screen showed
 * at a past moment is reconstructed from them.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(length = 64, updatable = false)
    private String actor;

    @Column(nullable = false, length = 40, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, length = 40, updatable = false)
    private String subjectType;

    @Column(name = "subject_key", nullable = false, length = 200, updatable = false)
    private String subjectKey;

    @Column(name = "old_value", length = 2000, updatable = false)
    private String oldValue;

    @Column(name = "new_value", length = 2000, updatable = false)
    private String newValue;

    @Column(length = 2000, updatable = false)
    private String reason;

    protected AuditEntry() {
        // for JPA
    }

    public AuditEntry(Instant occurredAt, String actor, AuditAction action, AuditSubject subjectType, String subjectKey,
                      String oldValue, String newValue, String reason) {
        this.occurredAt = Checks.required("occurred_at", occurredAt);
        this.actor = actor;
        this.action = Checks.required("action", action).name();
        this.subjectType = Checks.required("subject_type", subjectType).name();
        this.subjectKey = Checks.text("subject_key", subjectKey, 200);
        this.oldValue = clip(oldValue);
        this.newValue = clip(newValue);
        this.reason = clip(reason);
    }

    private static String clip(String s) {
        return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getSubjectType() {
        return subjectType;
    }

    public String getSubjectKey() {
        return subjectKey;
    }

    public String getOldValue() {
        return oldValue;
    }

    public String getNewValue() {
        return newValue;
    }

    public String getReason() {
        return reason;
    }
}
