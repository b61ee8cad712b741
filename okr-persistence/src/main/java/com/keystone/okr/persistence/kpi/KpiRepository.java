package com.keystone.okr.persistence.kpi;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.Repository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** KPIs by key and unit. */
@ApplicationScoped
public class KpiRepository extends Repository<Kpi> {

    public KpiRepository() {
        super(Kpi.class);
    }

    public KpiRepository(EntityManager em) {
        super(Kpi.class, em);
    }

    @Override
    public Kpi add(Kpi kpi) {
        if (findByKey(kpi.getKey()).isPresent()) {
            throw new InvalidInputException("kpi_key", text("kpi.exists", kpi.getKey()));
        }
        return super.add(kpi);
    }

    public Optional<Kpi> findByKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return first(em.createQuery("select k from Kpi k where k.key = :k", Kpi.class)
                .setParameter("k", key.strip()).getResultList());
    }

    /** Every KPI with its unit, in unit path then key order. */
    public List<Kpi> all() {
        return em.createQuery("select k from Kpi k join fetch k.unit u order by u.path, k.key", Kpi.class).getResultList();
    }

    public List<Kpi> ofUnit(OrgUnit unit) {
        return em.createQuery("select k from Kpi k where k.unit = :u order by k.key", Kpi.class)
                .setParameter("u", unit).getResultList();
    }
}
