package com.keystone.okr.persistence.kpi;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.Measurement;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** KPI measurements: one per KPI and date; a replacement leaves the old value in the audit history. */
@ApplicationScoped
public class MeasurementRepository extends Repository<Measurement> {

    public MeasurementRepository() {
        super(Measurement.class);
    }

    public MeasurementRepository(EntityManager em) {
        super(Measurement.class, em);
    }

    public Optional<Measurement> find(Kpi kpi, LocalDate date) {
        return first(em.createQuery("select m from Measurement m where m.kpi = :k and m.date = :d", Measurement.class)
                .setParameter("k", kpi).setParameter("d", date).getResultList());
    }

    /** A KPI's measurements, oldest first. */
    public List<Measurement> history(Kpi kpi) {
        return em.createQuery("select m from Measurement m where m.kpi = :k order by m.date", Measurement.class)
                .setParameter("k", kpi).getResultList();
    }

    /**
     * Records a value for a date. A value already there for that date is replaced, and the
     * replacement is written to the audit history with the old and new values.
     */
    public Recorded record(Kpi kpi, LocalDate date, BigDecimal value, Instant at, String by) {
        Optional<Measurement> existing = find(kpi, date);
        if (existing.isPresent()) {
            Measurement m = existing.get();
            BigDecimal old = m.replace(value, at, by);
            em.persist(new AuditEntry(at, by, AuditAction.MEASUREMENT_REPLACED, AuditSubject.KPI, kpi.getKey() + "@" + date,
                    old.stripTrailingZeros().toPlainString(), value.stripTrailingZeros().toPlainString(), null));
            return new Recorded(m, true);
        }
        Measurement m = kpi.measure(date, value, at, by);
        em.persist(m);
        return new Recorded(m, false);
    }

    /** The stored measurement and whether it replaced an earlier one for the same date. */
    public record Recorded(Measurement measurement, boolean replaced) {
    }
}
