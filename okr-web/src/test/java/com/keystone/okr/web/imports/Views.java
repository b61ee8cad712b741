package com.keystone.okr.web.imports;

import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Plain copies of stored rows, read inside a transaction, for the tests' assertions. */
final class Views {

    private Views() {
    }

    record ObjectiveView(String cycle, String key, String title, String unitPath, String parentKey, BigDecimal weight,
                         String owner) {
    }

    record KeyResultView(String cycle, String key, String objectiveKey, String title, KeyResultType type, BigDecimal start,
                         BigDecimal target, BigDecimal weight, String owner, String kpiKey) {
    }

    record CheckInView(long id, String krKey, LocalDate date, BigDecimal value, Integer confidence, String comment,
                       String author, Instant recordedAt) {
    }

    record KpiView(String key, String name, String unitPath, String owner, String unitOfMeasure, BigDecimal target,
                   BigDecimal warning, String unitAggregation, Set<String> children, String numerator, String denominator) {
    }

    static ObjectiveView objective(EntityManager em, String cycle, String key) {
        Objective o = em.createQuery("select o from Objective o where o.cycle.name = :c and o.key = :k", Objective.class)
                .setParameter("c", cycle).setParameter("k", key).getSingleResult();
        return new ObjectiveView(o.getCycle().getName(), o.getKey(), o.getTitle(), o.getUnit().getPath(),
                o.getParent() == null ? null : o.getParent().getKey(), o.getWeight(),
                o.getOwner() == null ? null : o.getOwner().getUsername());
    }

    static KeyResultView keyResult(EntityManager em, String cycle, String key) {
        KeyResult k = em.createQuery("select k from KeyResult k where k.cycle.name = :c and k.key = :k", KeyResult.class)
                .setParameter("c", cycle).setParameter("k", key).getSingleResult();
        return new KeyResultView(k.getCycle().getName(), k.getKey(), k.getObjective().getKey(), k.getTitle(), k.getType(),
                k.getStartValue(), k.getTargetValue(), k.getWeight(), k.getOwner() == null ? null : k.getOwner().getUsername(),
                k.getKpi() == null ? null : k.getKpi().getKey());
    }

    /** Every check-in, in the order of recording (id). */
    static List<CheckInView> checkIns(EntityManager em) {
        return em.createQuery("select c from CheckIn c join fetch c.keyResult order by c.id", CheckIn.class)
                .getResultList().stream()
                .map(c -> new CheckInView(c.getId(), c.getKeyResult().getKey(), c.getEffectiveDate(), c.getValue(),
                        c.getConfidence(), c.getComment(), c.getAuthor(), c.getRecordedAt()))
                .toList();
    }

    static KpiView kpi(EntityManager em, String key) {
        Kpi k = em.createQuery("select k from Kpi k where k.key = :k", Kpi.class).setParameter("k", key).getSingleResult();
        return new KpiView(k.getKey(), k.getName(), k.getUnit().getPath(), k.getOwner() == null ? null : k.getOwner().getUsername(),
                k.getUnitOfMeasure(), k.getTarget(), k.getWarning(),
                k.getUnitAggregation() == null ? null : k.getUnitAggregation().name(),
                k.getChildren().stream().map(Kpi::getKey).collect(Collectors.toCollection(TreeSet::new)),
                k.getNumerator() == null ? null : k.getNumerator().getKey(),
                k.getDenominator() == null ? null : k.getDenominator().getKey());
    }

    static boolean same(String expected, BigDecimal actual) {
        return actual != null && new BigDecimal(expected).compareTo(actual) == 0;
    }
}
