package com.keystone.okr.web.kpi;

import static com.keystone.okr.domain.DomainText.field;
import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.DomainText;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.GraphLocks;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.web.audit.AuditTrail;
import com.keystone.okr.web.person.Owners;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.Enums;
import com.keystone.okr.web.support.UnknownKeyException;
import com.keystone.okr.web.support.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Defining KPIs: leads in their units and below, admins anywhere; everyone signed in reads them. */
@ApplicationScoped
@Transactional
public class KpiService {

    @Inject
    KpiRepository kpis;
    @Inject
    GraphLocks graphLocks;
    @Inject
    AuditTrail trail;
    @Inject
    MeasurementRepository measurements;
    @Inject
    OrgUnitRepository units;
    @Inject
    Owners owners;
    @Inject
    CurrentUser user;
    @PersistenceContext(unitName = "okr")
    EntityManager em;

    /**
     * What a caller may set on a KPI; null leaves a field as it is. Children (with a unit
     * aggregation) or numerator and denominator make it computed; an empty children list and
     * empty numerator make it measured again.
     */
    public record KpiCommand(String key, String name, String unitPath, String direction, String kind, BigDecimal target,
                             BigDecimal warning, String timeAggregation, String unitOfMeasure, String owner,
                             String unitAggregation, List<String> children, String numeratorKey, String denominatorKey,
                             Long version) {
    }

    /**
     * A KPI's definition as the editor shows it, read inside the transaction (its owner and the
     * KPIs it is computed from are lazy references).
     */
    public record KpiDefinition(String key, String name, String unitPath, String direction, String kind,
                                BigDecimal target, BigDecimal warning, String timeAggregation, String unitOfMeasure,
                                String owner, String source, String unitAggregation, List<String> children,
                                String numeratorKey, String denominatorKey, long version) implements Serializable {

        private static final long serialVersionUID = 1L;

        public KpiDefinition {
            children = List.copyOf(children);
        }
    }

    public KpiDefinition definition(String key) {
        user.person();
        Kpi k = find(key);
        return new KpiDefinition(k.getKey(), k.getName(), k.getUnit().getPath(), k.getDirection().name(), k.getKind().name(),
                k.getTarget().stripTrailingZeros(), k.getWarning().stripTrailingZeros(), k.getTimeAggregation().name(),
                k.getUnitOfMeasure(), k.getOwner() == null ? null : k.getOwner().getUsername(),
                k.isRatio() ? "RATIO" : k.isRollUp() ? "ROLL_UP" : "MEASURED",
                k.getUnitAggregation() == null ? null : k.getUnitAggregation().name(),
                k.getChildren().stream().map(Kpi::getKey).sorted().toList(),
                k.getNumerator() == null ? null : k.getNumerator().getKey(),
                k.getDenominator() == null ? null : k.getDenominator().getKey(), k.getVersion());
    }

    public List<Kpi> list() {
        user.person();
        return kpis.all();
    }

    public Kpi get(String key) {
        user.person();
        return find(key);
    }

    public Kpi create(KpiCommand c) {
        OrgUnit unit = unit(c.unitPath());
        user.requireWriteIn(unit, text("action.defineKpisIn", unit.getPath()));
        Kpi k = new Kpi(c.key(), c.name(), unit, Enums.required(Direction.class, "direction", c.direction()),
                Enums.required(KpiKind.class, "kind", c.kind()), c.target(), c.warning(),
                Enums.required(TimeAggregation.class, "timeAggregation", c.timeAggregation()));
        kpis.add(k);
        applyDetails(k, c);
        applyComputation(k, c);
        em.flush();
        KpiState created = KpiState.of(k);
        trail.record(AuditSubject.KPI, k.getKey(), AuditAction.KPI_CREATED, null,
                created.definition() + "; " + created.unit() + "; " + created.computation());
        return k;
    }

    public Kpi update(String key, KpiCommand c) {
        Kpi k = find(key);
        user.requireWriteIn(k.getUnit(), text("action.changeKpi", key));
        Versions.check(text("subject.kpi", key), c.version(), k.getVersion());
        if (c.key() != null && !c.key().equals(key)) {
            throw new InvalidInputException("key", text("kpi.keyCannotChange"));
        }
        KpiState before = KpiState.of(k);
        if (c.unitPath() != null && !c.unitPath().equals(k.getUnit().getPath())) {
            OrgUnit target = unit(c.unitPath());
            user.requireWriteIn(target, text("action.moveKpisTo", target.getPath()));
            k.moveTo(target);
        }
        k.redefine(c.name() == null ? k.getName() : c.name(),
                c.direction() == null ? k.getDirection() : Enums.required(Direction.class, "direction", c.direction()),
                c.kind() == null ? k.getKind() : Enums.required(KpiKind.class, "kind", c.kind()),
                c.target() == null ? k.getTarget() : c.target(),
                c.warning() == null ? k.getWarning() : c.warning(),
                c.timeAggregation() == null ? k.getTimeAggregation()
                        : Enums.required(TimeAggregation.class, "timeAggregation", c.timeAggregation()));
        applyDetails(k, c);
        applyComputation(k, c);
        em.flush();
        KpiState after = KpiState.of(k);
        trail.change(AuditSubject.KPI, key, AuditAction.KPI_REDEFINED, before.definition(), after.definition());
        trail.change(AuditSubject.KPI, key, AuditAction.KPI_OWNER_CHANGED, before.owner(), after.owner());
        trail.change(AuditSubject.KPI, key, AuditAction.KPI_MOVED, before.unit(), after.unit());
        trail.change(AuditSubject.KPI, key, AuditAction.KPI_COMPUTATION_CHANGED, before.computation(), after.computation());
        return k;
    }

    /** What of a KPI its history follows. */
    private record KpiState(String definition, String owner, String unit, String computation) {

        static KpiState of(Kpi k) {
            String definition = k.getName() + ", " + k.getDirection() + ", " + k.getKind() + ", target "
                    + k.getTarget().stripTrailingZeros().toPlainString() + ", warning "
                    + k.getWarning().stripTrailingZeros().toPlainString() + ", " + k.getTimeAggregation()
                    + (k.getUnitOfMeasure() == null ? "" : ", " + k.getUnitOfMeasure());
            String computation = k.getNumerator() != null
                    ? "ratio " + k.getNumerator().getKey() + " / " + k.getDenominator().getKey()
                    : !k.getChildren().isEmpty()
                    ? "roll-up " + k.getUnitAggregation() + " of " + k.getChildren().stream().map(Kpi::getKey).sorted()
                            .collect(Collectors.joining(", "))
                    : "measured";
            return new KpiState(definition, k.getOwner() == null ? null : k.getOwner().getUsername(), k.getUnit().getPath(),
                    computation);
        }
    }

    private void applyDetails(Kpi k, KpiCommand c) {
        if (c.unitOfMeasure() != null) {
            k.describeUnitOfMeasure(c.unitOfMeasure());
        }
        if (c.owner() != null) {
            k.assignOwner(owners.resolve("owner", c.owner(), k.getOwner()));
        }
    }

    private void applyComputation(Kpi k, KpiCommand c) {
        boolean wantsChildren = c.children() != null && !c.children().isEmpty();
        boolean wantsRatio = c.numeratorKey() != null && !c.numeratorKey().isBlank()
                || c.denominatorKey() != null && !c.denominatorKey().isBlank();
        if (wantsChildren && wantsRatio) {
            throw new InvalidInputException("children", text("kpi.childrenOrRatio"));
        }
        if ((wantsChildren || wantsRatio) && !k.isComputed() && k.getId() != null && !measurements.history(k).isEmpty()) {
            throw new InvalidInputException(wantsChildren ? "children" : "numeratorKey", text("kpi.hasMeasurements", k.getKey()));
        }
        if (wantsChildren || wantsRatio) {
            graphLocks.lockKpiGraph(); // before the references are read: concurrent edits cannot close a loop
        }
        if (wantsChildren) {
            UnitAggregation agg = Enums.required(UnitAggregation.class, "unitAggregation", c.unitAggregation());
            List<Kpi> children = new ArrayList<>();
            for (String childKey : c.children()) {
                children.add(kpis.findByKey(childKey).orElseThrow(() -> new InvalidInputException("children",
                        text("noSuch.kpi", childKey))));
            }
            k.rollUpFrom(agg, children);
        } else if (wantsRatio) {
            k.ratioOf(ref("numeratorKey", c.numeratorKey()), ref("denominatorKey", c.denominatorKey()));
        } else if (c.children() != null && c.children().isEmpty() && c.numeratorKey() != null) {
            k.measureDirectly();
        } else if (c.unitAggregation() != null && !c.unitAggregation().isBlank()) {
            throw new InvalidInputException("unitAggregation", text("kpi.aggregationNeedsChildren"));
        }
    }

    private Kpi ref(String field, String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException(field, text("kpi.ratioNeedsBoth", field(field)));
        }
        return kpis.findByKey(key).orElseThrow(() -> new InvalidInputException(field, text("noSuch.kpi", key)));
    }

    private Kpi find(String key) {
        return kpis.findByKey(key).orElseThrow(() -> new UnknownKeyException("KPI", key));
    }

    private OrgUnit unit(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("unitPath", DomainText.text("checks.required", field("unitPath")));
        }
        return units.findByPath(path.strip()).orElseThrow(() -> new InvalidInputException("unitPath", text("noSuch.unit", path)));
    }
}
