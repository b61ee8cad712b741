package com.keystone.okr.web.audit;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.persistence.audit.AuditRepository;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Objects;

/**
 * The one audit trail: every service that changes something (for the web UI, the API and the
 * imports alike) records here, in the transaction of the change, who did what to which subject
 * with the values before and after. Objectives and key results are keyed {@code cycle/key}, the
 * other subjects by their own key (KPI key, username, unit path, cycle name).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    @Inject
    AuditRepository entries;

    @Inject
    CurrentUser user;

    private final Clock clock = Clock.systemUTC();

    /** A change by the signed-in person. */
    public void record(AuditSubject subject, String key, AuditAction action, String before, String after) {
        record(subject, key, action, before, after, null);
    }

    /** A change by the signed-in person, with the reason they gave. */
    public void record(AuditSubject subject, String key, AuditAction action, String before, String after, String reason) {
        entries.add(new AuditEntry(clock.instant(), user.isSignedIn() ? user.username() : null, action, subject, key,
                before, after, reason));
    }

    /** A change, recorded only when the value changed. */
    public void change(AuditSubject subject, String key, AuditAction action, String before, String after) {
        if (!Objects.equals(before, after)) {
            record(subject, key, action, before, after);
        }
    }

    /** Something no signed-in person did (a failed sign-in): the actor is named or absent. */
    public void recordAs(String actor, AuditSubject subject, String key, AuditAction action, String before, String after) {
        entries.add(new AuditEntry(clock.instant(), actor, action, subject, key, before, after, null));
    }
}
