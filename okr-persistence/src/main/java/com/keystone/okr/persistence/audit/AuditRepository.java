package com.keystone.okr.persistence.audit;

import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** The audit history, appended to and read by subject. */
@ApplicationScoped
public class AuditRepository extends Repository<AuditEntry> {

    public AuditRepository() {
        super(AuditEntry.class);
    }

    public AuditRepository(EntityManager em) {
        super(AuditEntry.class, em);
    }

    /**
     * Entries of one subject type whose key is {@code key} exactly, or ends with {@code suffix}, or
     * starts with {@code prefix} (each optional), newest first, at most {@code max}.
     */
    public List<AuditEntry> matching(String subjectType, String key, String suffix, String prefix, int max) {
        return em.createQuery("select a from AuditEntry a where a.subjectType = :t and (a.subjectKey = :k "
                        + "or a.subjectKey like :suffix escape '\\' or a.subjectKey like :prefix escape '\\') "
                        + "order by a.occurredAt desc, a.id desc", AuditEntry.class)
                .setParameter("t", subjectType).setParameter("k", key == null ? "" : key)
                .setParameter("suffix", suffix == null ? "" : "%" + escape(suffix))
                .setParameter("prefix", prefix == null ? "" : likePrefix(prefix))
                .setMaxResults(max).getResultList();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
