package com.keystone.okr.domain.kpi;

import static com.keystone.okr.domain.DomainText.label;
import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An always-on metric of one org unit (R6, R7). A KPI either takes measurements, or is computed:
 * rolled up from child KPIs of descendant units, or the ratio of two other KPIs (so that rates
 * roll up as a ratio of sums instead of an average of averages).
 */
@Entity
@Table(name = "kpi")
public class Kpi {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "kpi_seq")
    @SequenceGenerator(name = "kpi_seq", sequenceName = "kpi_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @Column(name = "kpi_key", nullable = false, unique = true, length = 64)
    private String key;

    @Column(nullable = false, length = 200)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Person owner;

    @Column(name = "unit_of_measure", length = 40)
    private String unitOfMeasure;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private KpiKind kind;

    @Column(nullable = false, precision = 30, scale = 10)
    private BigDecimal target;

    @Column(nullable = false, precision = 30, scale = 10)
    private BigDecimal warning;

    @Enumerated(EnumType.STRING)
    @Column(name = "time_aggregation", nullable = false, length = 10)
    private TimeAggregation timeAggregation;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_aggregation", length = 10)
    private UnitAggregation unitAggregation;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "kpi_child", joinColumns = @JoinColumn(name = "parent_id"),
            inverseJoinColumns = @JoinColumn(name = "child_id"))
    private Set<Kpi> children = new LinkedHashSet<>();

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "numerator_id")
    private Kpi numerator;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "denominator_id")
    private Kpi denominator;

    protected Kpi() {
        // for JPA
    }

    public Kpi(String key, String name, OrgUnit unit, Direction direction, KpiKind kind,
               BigDecimal target, BigDecimal warning, TimeAggregation timeAggregation) {
        this.key = Checks.key("kpi_key", key);
        this.unit = Checks.required("unit_path", unit);
        redefine(name, direction, kind, target, warning, timeAggregation);
    }

    /** Changes what the KPI measures and its thresholds; refuses a warning on the wrong side of the target (R7). */
    public final void redefine(String newName, Direction newDirection, KpiKind newKind,
                               BigDecimal newTarget, BigDecimal newWarning, TimeAggregation newTimeAggregation) {
        Direction d = Checks.required("direction", newDirection);
        BigDecimal t = Checks.figure("target", newTarget);
        BigDecimal w = Checks.figure("warning", newWarning);
        if (d == Direction.HIGHER_IS_BETTER && w.compareTo(t) > 0) {
            throw new InvalidInputException("warning", text("kpi.warningAboveTarget", key, w.toPlainString(), t.toPlainString()));
        }
        if (d == Direction.LOWER_IS_BETTER && w.compareTo(t) < 0) {
            throw new InvalidInputException("warning", text("kpi.warningBelowTarget", key, w.toPlainString(), t.toPlainString()));
        }
        this.name = Checks.text("name", newName, 200);
        this.direction = d;
        this.kind = Checks.required("kind", newKind);
        this.target = t;
        this.warning = w;
        this.timeAggregation = Checks.required("time_aggregation", newTimeAggregation);
    }

    public void describeUnitOfMeasure(String uom) {
        this.unitOfMeasure = Checks.optionalText("unit_of_measure", uom, 40);
    }

    public void assignOwner(Person newOwner) {
        this.owner = newOwner;
    }

    public void moveTo(OrgUnit newUnit) {
        this.unit = Checks.required("unit_path", newUnit);
    }

    /**
     * Makes this KPI the roll-up of child KPIs, each owned by a unit below this KPI's unit.
     * A KPI that already has measurements cannot become computed; the caller checks that.
     */
    public void rollUpFrom(UnitAggregation aggregation, Collection<Kpi> childKpis) {
        Checks.required("unit_aggregation", aggregation);
        if (childKpis == null || childKpis.isEmpty()) {
            throw new InvalidInputException("children", text("kpi.noChildren", key, label(aggregation)));
        }
        for (Kpi child : childKpis) {
            if (!child.getUnit().isDescendantOf(unit)) {
                throw new InvalidInputException("children", text("kpi.childNotBelow", child.getKey(), child.getUnit().getPath(), unit.getPath(), key));
            }
            refuseCycleThrough(child, "children");
        }
        this.numerator = null;
        this.denominator = null;
        this.unitAggregation = aggregation;
        this.children.clear();
        this.children.addAll(childKpis);
    }

    /** Makes this KPI the ratio {@code numerator / denominator} of two other KPIs. */
    public void ratioOf(Kpi num, Kpi den) {
        Checks.required("numerator_key", num);
        Checks.required("denominator_key", den);
        refuseCycleThrough(num, "numerator_key");
        refuseCycleThrough(den, "denominator_key");
        this.children.clear();
        this.unitAggregation = null;
        this.numerator = num;
        this.denominator = den;
    }

    /** Makes this KPI one that takes measurements again. */
    public void measureDirectly() {
        this.children.clear();
        this.unitAggregation = null;
        this.numerator = null;
        this.denominator = null;
    }

    private void refuseCycleThrough(Kpi start, String field) {
        if (start == this || start.dependsOn(this)) {
            throw new InvalidInputException(field, text("kpi.referenceCycle", key, start.getKey()));
        }
    }

    /** Whether this KPI's value is computed, directly or indirectly, from {@code other}. */
    public boolean dependsOn(Kpi other) {
        Deque<Kpi> todo = new ArrayDeque<>(references());
        Set<Kpi> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Kpi k = todo.pop();
            if (k == other || k.equals(other)) {
                return true;
            }
            if (seen.add(k)) {
                todo.addAll(k.references());
            }
        }
        return false;
    }

    /** The KPIs this one is computed from: its children, or its numerator and denominator. */
    public List<Kpi> references() {
        List<Kpi> refs = new ArrayList<>(children);
        if (numerator != null) {
            refs.add(numerator);
        }
        if (denominator != null) {
            refs.add(denominator);
        }
        return refs;
    }

    public boolean isRollUp() {
        return unitAggregation != null;
    }

    public boolean isRatio() {
        return numerator != null;
    }

    /** Computed KPIs take no measurements of their own (R6). */
    public boolean isComputed() {
        return isRollUp() || isRatio();
    }

    /** Records a value for a date; refused on a computed KPI. Replacing an existing one is {@link Measurement#replace}. */
    public Measurement measure(LocalDate date, BigDecimal value, Instant at, String by) {
        if (isComputed()) {
            throw new InvalidInputException("kpi_key", text(isRatio() ? "kpi.ratioTakesNoMeasurements" : "kpi.rollUpTakesNoMeasurements", key));
        }
        return new Measurement(this, date, value, at, by);
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public Person getOwner() {
        return owner;
    }

    public String getUnitOfMeasure() {
        return unitOfMeasure;
    }

    public Direction getDirection() {
        return direction;
    }

    public KpiKind getKind() {
        return kind;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public BigDecimal getWarning() {
        return warning;
    }

    public TimeAggregation getTimeAggregation() {
        return timeAggregation;
    }

    public UnitAggregation getUnitAggregation() {
        return unitAggregation;
    }

    public Set<Kpi> getChildren() {
        return Collections.unmodifiableSet(children);
    }

    public Kpi getNumerator() {
        return numerator;
    }

    public Kpi getDenominator() {
        return denominator;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Kpi k && Objects.equals(key, k.getKey()));
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(key);
    }

    @Override
    public String toString() {
        return "Kpi[" + key + "]";
    }
}
