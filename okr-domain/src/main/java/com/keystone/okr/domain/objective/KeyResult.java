package com.keystone.okr.domain.objective;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.person.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A measurable outcome of an objective (R1). Its current value comes from its latest check-in,
 * or, when it is linked to a KPI, from that KPI's value for the cycle; a linked key result takes
 * no manual check-ins.
 */
@Entity
@Table(name = "key_result", uniqueConstraints = @UniqueConstraint(columnNames = {"cycle_id", "kr_key"}))
public class KeyResult {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "key_result_seq")
    @SequenceGenerator(name = "key_result_seq", sequenceName = "key_result_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    /** Denormalised from the objective so that the key is unique within the cycle in the database. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private Cycle cycle;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "objective_id")
    private Objective objective;

    @Column(name = "kr_key", nullable = false, length = 64)
    private String key;

    @Column(nullable = false, length = 300)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(name = "kr_type", nullable = false, length = 16)
    private KeyResultType type;

    @Column(name = "start_value", nullable = false, precision = 30, scale = 10)
    private BigDecimal startValue;

    @Column(name = "target_value", nullable = false, precision = 30, scale = 10)
    private BigDecimal targetValue;

    @Column(nullable = false, precision = 19, scale = 6)
    private BigDecimal weight = BigDecimal.ONE;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Person owner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "kpi_id")
    private Kpi kpi;

    @Embedded
    private Grade grade = Grade.none();

    protected KeyResult() {
        // for JPA
    }

    public KeyResult(Objective objective, String key, String title, KeyResultType type,
                     BigDecimal startValue, BigDecimal targetValue) {
        this.objective = Checks.required("objective_key", objective);
        this.cycle = objective.getCycle();
        this.key = Checks.key("kr_key", key);
        refuseIfClosed();
        retitle(title);
        remeasure(type, startValue, targetValue);
    }

    public final void retitle(String newTitle) {
        refuseIfClosed();
        this.title = Checks.text("key_result", newTitle, 300);
    }

    /**
     * Sets type, start and target (R1). A linear KR needs a target different from its start;
     * a milestone always runs from 0 to 1; a floor or ceiling uses only its target.
     */
    public final void remeasure(KeyResultType newType, BigDecimal newStart, BigDecimal newTarget) {
        refuseIfClosed();
        KeyResultType t = Checks.required("kr_type", newType);
        BigDecimal s;
        BigDecimal tv;
        switch (t) {
            case MILESTONE -> {
                s = BigDecimal.ZERO;
                tv = BigDecimal.ONE;
            }
            case AT_LEAST, AT_MOST -> {
                tv = Checks.figure("target", newTarget);
                s = newStart == null ? BigDecimal.ZERO : Checks.figure("start", newStart);
            }
            default -> {
                s = Checks.figure("start", newStart);
                tv = Checks.figure("target", newTarget);
                if (s.compareTo(tv) == 0) {
                    throw new InvalidInputException("target", text("keyResult.targetIsStart", key,
                            tv.toPlainString(), s.toPlainString()));
                }
            }
        }
        this.type = t;
        this.startValue = s;
        this.targetValue = tv;
    }

    public void reweigh(BigDecimal newWeight) {
        refuseIfClosed();
        this.weight = Checks.weight("kr_weight", newWeight);
    }

    public void assignOwner(Person newOwner) {
        refuseIfClosed();
        this.owner = newOwner;
    }

    /** Moves the KR to another objective of the same cycle (a re-import may do that). */
    public void moveTo(Objective newObjective) {
        refuseIfClosed();
        Checks.required("objective_key", newObjective);
        if (!newObjective.getCycle().equals(cycle)) {
            throw new InvalidInputException("objective_key", text("keyResult.otherCycle", key));
        }
        this.objective = newObjective;
    }

    /** Links the KR to a KPI, whose value for the cycle becomes its current value; {@code null} unlinks. */
    public void linkKpi(Kpi newKpi) {
        refuseIfClosed();
        this.kpi = newKpi;
    }

    /**
     * Records a check-in. Refused on a KPI-linked KR (its value comes from the KPI) and with a
     * confidence outside 1..10.
     */
    public CheckIn checkIn(LocalDate effectiveDate, BigDecimal value, Integer confidence, String comment,
                           String author, Instant recordedAt) {
        if (kpi != null) {
            throw new InvalidInputException("kr_key", text("keyResult.kpiLinked", key, kpi.getKey()));
        }
        return new CheckIn(this, effectiveDate, value, confidence, comment, author, recordedAt);
    }

    public void freezeGrade(BigDecimal computedGrade) {
        getGrade().freeze(computedGrade);
    }

    public void overrideGrade(BigDecimal newGrade, String reason, String by, Instant at) {
        getGrade().override(newGrade, reason, by, at);
    }

    private void refuseIfClosed() {
        if (cycle.isClosed()) {
            throw new InvalidInputException("cycle", text("keyResult.cycleClosed", cycle.getName()));
        }
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Cycle getCycle() {
        return cycle;
    }

    public Objective getObjective() {
        return objective;
    }

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public KeyResultType getType() {
        return type;
    }

    public BigDecimal getStartValue() {
        return startValue;
    }

    public BigDecimal getTargetValue() {
        return targetValue;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public Person getOwner() {
        return owner;
    }

    public Kpi getKpi() {
        return kpi;
    }

    public Grade getGrade() {
        if (grade == null) {
            grade = Grade.none(); // Hibernate leaves an all-null embeddable as null
        }
        return grade;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof KeyResult other && Objects.equals(key, other.getKey())
                && Objects.equals(cycle, other.getCycle()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, cycle == null ? null : cycle.getName());
    }

    @Override
    public String toString() {
        return "KeyResult[" + (cycle == null ? "?" : cycle.getName()) + "/" + key + "]";
    }
}
