package com.keystone.okr.web.kpi;

import static com.keystone.okr.domain.DomainText.field;
import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.DomainText;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.Measurement;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** KPI measurements: one per KPI and date, a same-date value replaces the old one (kept in the audit history). */
@ApplicationScoped
@Transactional
public class MeasurementService {

    @Inject
    KpiRepository kpis;
    @Inject
    MeasurementRepository measurements;
    @Inject
    CurrentUser user;
    @Inject
    BusinessMetrics metrics;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    public MeasurementRepository.Recorded record(String kpiKey, LocalDate date, BigDecimal value) {
        Kpi kpi = find(kpiKey);
        user.requireMeasure(kpi);
        if (date == null) {
            throw new InvalidInputException("date", text("date.required", field("date")));
        }
        if (value == null) {
            throw new InvalidInputException("value", DomainText.text("checks.required", field("value")));
        }
        MeasurementRepository.Recorded r = measurements.record(kpi, date, value, clock.instant(), user.username());
        em.flush();
        metrics.measurementsRecorded(1);
        return r;
    }

    public List<Measurement> history(String kpiKey) {
        user.person();
        return measurements.history(find(kpiKey));
    }

    public Kpi find(String kpiKey) {
        return kpis.findByKey(kpiKey).orElseThrow(() -> new UnknownKeyException("KPI", kpiKey));
    }
}
