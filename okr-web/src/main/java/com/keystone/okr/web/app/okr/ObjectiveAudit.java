package com.keystone.okr.web.app.okr;

import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.persistence.audit.AuditRepository;
import com.keystone.okr.web.audit.AuditService;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The audit history about one objective and its key results (grade overrides and whatever else
 * the services record under the subject types {@code OBJECTIVE} and {@code KEY_RESULT} with the
 * key {@code cycle/key}), newest first. Read by everyone who may read the objective.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObjectiveAudit {

    @Inject
    AuditRepository audit;

    @Inject
    CurrentUser user;

    public List<AuditLine> about(String cycleName, String objectiveKey, Collection<String> keyResultKeys) {
        user.person();
        String prefix = cycleName + "/";
        List<AuditLine> lines = new ArrayList<>();
        for (AuditEntry e : audit.matching(AuditSubject.OBJECTIVE.name(), prefix + objectiveKey, null, null, AuditService.MAX)) {
            lines.add(line(e, objectiveKey));
        }
        for (String kr : keyResultKeys) {
            for (AuditEntry e : audit.matching(AuditSubject.KEY_RESULT.name(), prefix + kr, null, null, AuditService.MAX)) {
                lines.add(line(e, kr));
            }
        }
        lines.sort(Comparator.comparing(AuditLine::occurredAt).reversed());
        return lines;
    }

    private static AuditLine line(AuditEntry e, String subject) {
        return new AuditLine(e.getOccurredAt(), e.getActor(), e.getAction(), e.getSubjectType(), subject,
                e.getOldValue(), e.getNewValue(), e.getReason());
    }
}
