package com.keystone.okr.web.audit;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.persistence.audit.AuditRepository;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads the audit trail of one subject ({@code TYPE:KEY}): admins and HR read every subject; a
 * lead reads the objectives, key results, KPIs and units of the units they lead (and below);
 * everyone reads their own person's history.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    /** The most entries one read answers (newest first). */
    public static final int MAX = 1_000;

    /** One entry as the API and the pages show it. */
    public record Line(Instant at, String actor, String action, String subject, String key, String before, String after,
                       String reason) {
    }

    @Inject
    AuditRepository entries;

    @Inject
    CurrentUser user;

    @PersistenceContext(unitName = "okr")
    EntityManager em;

    /**
     * The history of {@code subject} ({@code objective:CO-1}, {@code key-result:KR-1}, {@code kpi:CONV},
     * {@code person:alice}, {@code unit:Acme/Sales}, {@code cycle:2026-Q4}), newest first; objectives
     * and key results of {@code cycle} only when it is given, else of every cycle.
     */
    public List<Line> history(String subject, String cycle) {
        user.person();
        int colon = subject == null ? -1 : subject.indexOf(':');
        if (colon < 1 || colon == subject.length() - 1) {
            throw new InvalidInputException("subject", "subject must be TYPE:KEY, e.g. objective:CO-1, kpi:CONV, person:alice "
                    + "or unit:Acme/Sales; was '" + (subject == null ? "" : subject) + "'");
        }
        String typeName = subject.substring(0, colon);
        String key = subject.substring(colon + 1).strip();
        AuditSubject type = AuditSubject.ofApiName(typeName).orElseThrow(() -> new InvalidInputException("subject",
                "subject type '" + typeName + "' is not one of " + Arrays.stream(AuditSubject.values())
                        .map(AuditSubject::apiName).collect(Collectors.joining(", "))));
        String inCycle = cycle == null || cycle.isBlank() ? null : cycle.strip();
        requireReader(type, key, inCycle);
        List<AuditEntry> found = switch (type) {
            case OBJECTIVE, KEY_RESULT -> inCycle != null
                    ? entries.matching(type.name(), inCycle + "/" + key, null, null, MAX)
                    : entries.matching(type.name(), null, "/" + key, null, MAX);
            case KPI -> entries.matching(type.name(), key, null, key + "@", MAX); // with its replaced measurements
            default -> entries.matching(type.name(), key, null, null, MAX);
        };
        return found.stream().map(e -> new Line(e.getOccurredAt(), e.getActor(), e.getAction(),
                type.apiName() + ":" + key, e.getSubjectKey(), e.getOldValue(), e.getNewValue(), e.getReason())).toList();
    }

    /** Admins and HR read every history; a lead those of the units they lead and the units below. */
    public boolean mayReadIn(String unitPath) {
        return user.isAdmin() || user.isHr() || user.canWriteInPath(unitPath);
    }

    private void requireReader(AuditSubject type, String key, String cycle) {
        if (user.isAdmin() || user.isHr()) {
            return;
        }
        boolean allowed = switch (type) {
            case PERSON -> key.equalsIgnoreCase(user.username());
            case UNIT -> mayReadIn(key);
            case KPI -> unitsOf("select k.unit.path from Kpi k where k.key = :k", key, null).stream()
                    .allMatch(this::mayReadIn);
            case OBJECTIVE -> allLed(unitsOf("select o.unit.path from Objective o where o.key = :k"
                    + (cycle == null ? "" : " and o.cycle.name = :c"), key, cycle));
            case KEY_RESULT -> allLed(unitsOf("select k.objective.unit.path from KeyResult k where k.key = :k"
                    + (cycle == null ? "" : " and k.objective.cycle.name = :c"), key, cycle));
            default -> false;
        };
        if (!allowed) {
            throw new AccessDeniedException(text("denied.audit"));
        }
    }

    private boolean allLed(List<String> paths) {
        if (paths.isEmpty()) {
            throw new UnknownKeyException("subject", "of that key");
        }
        return paths.stream().allMatch(this::mayReadIn);
    }

    private List<String> unitsOf(String jpql, String key, String cycle) {
        var q = em.createQuery(jpql, String.class).setParameter("k", key);
        if (cycle != null) {
            q.setParameter("c", cycle);
        }
        return q.getResultList();
    }
}
