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

    /** Entries about one subject, newest first. */
    public List<AuditEntry> about(String subjectType, String subjectKeyPrefix) {
        return em.createQuery("select a from AuditEntry a where a.subjectType = :t and a.subjectKey like :k escape '\\' "
                        + "order by a.occurredAt desc, a.id desc", AuditEntry.class)
                .setParameter("t", subjectType).setParameter("k", likePrefix(subjectKeyPrefix))
                .getResultList();
    }
}
