package com.keystone.okr.domain.objective;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
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
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A qualitative goal of one org unit for one cycle. It may be aligned to one parent objective of
 * the same cycle owned by the same unit or an ancestor unit: that alignment is the cascade, and
 * the parent's progress includes this objective's (R2).
 */
@Entity
@Table(name = "objective", uniqueConstraints = @UniqueConstraint(columnNames = {"cycle_id", "objective_key"}))
public class Objective {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "objective_seq")
    @SequenceGenerator(name = "objective_seq", sequenceName = "objective_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cycle_id")
    private Cycle cycle;

    @Column(name = "objective_key", nullable = false, length = 64)
    private String key;

    @Column(nullable = false, length = 300)
    private String title;

    @Column(length = 4000)
    private String description;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private Person owner;

    @Column(nullable = false, precision = 19, scale = 6)
    private BigDecimal weight = BigDecimal.ONE;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private Objective parent;

    @Embedded
    private Grade grade = Grade.none();

    protected Objective() {
        // for JPA
    }

    public Objective(Cycle cycle, String key, String title, OrgUnit unit) {
        this.cycle = Checks.required("cycle", cycle);
        this.key = Checks.key("objective_key", key);
        this.unit = Checks.required("unit_path", unit);
        this.title = Checks.text("objective", title, 300);
        refuseIfClosed();
    }

    public void retitle(String newTitle) {
        refuseIfClosed();
        this.title = Checks.text("objective", newTitle, 300);
    }

    public void describe(String newDescription) {
        refuseIfClosed();
        this.description = Checks.optionalText("description", newDescription, 4000);
    }

    public void assignOwner(Person newOwner) {
        refuseIfClosed();
        this.owner = newOwner;
    }

    public void reweigh(BigDecimal newWeight) {
        refuseIfClosed();
        this.weight = Checks.weight("objective_weight", newWeight);
    }

    /**
     * Aligns this objective to a parent (R2): same cycle, a unit that is this objective's unit or
     * an ancestor of it, and no loop in the cascade. {@code null} removes the alignment.
     */
    public void alignTo(Objective newParent) {
        refuseIfClosed();
        if (newParent == null) {
            this.parent = null;
            return;
        }
        // through getters: newParent and the objectives above it may be lazy proxies, whose fields stay empty
        if (newParent == this || newParent.getKey().equals(key) && newParent.getCycle().equals(cycle)) {
            throw new InvalidInputException("parent_objective_key", text("objective.alignedToItself", key));
        }
        if (!newParent.getCycle().equals(cycle)) {
            throw new InvalidInputException("parent_objective_key", text("objective.otherCycle", key, cycle.getName(),
                    newParent.getKey(), newParent.getCycle().getName()));
        }
        if (!unit.isSelfOrDescendantOf(newParent.getUnit())) {
            throw new InvalidInputException("parent_objective_key", text("objective.notAncestor", key, unit.getPath(),
                    newParent.getKey(), newParent.getUnit().getPath()));
        }
        Set<Objective> seen = new HashSet<>();
        for (Objective o = newParent; o != null; o = o.getParent()) {
            if (o == this || equals(o) || !seen.add(o)) {
                throw new InvalidInputException("parent_objective_key", text("objective.loop", key, newParent.getKey()));
            }
        }
        this.parent = newParent;
    }

    /** Freezes the computed grade when the cycle closes (R4). */
    public void freezeGrade(BigDecimal computedGrade) {
        getGrade().freeze(computedGrade);
    }

    /** The owner's lead overrides the grade with a mandatory reason; the computed grade stays (R4). */
    public void overrideGrade(BigDecimal newGrade, String reason, String by, Instant at) {
        getGrade().override(newGrade, reason, by, at);
    }

    private void refuseIfClosed() {
        if (cycle.isClosed()) {
            throw new InvalidInputException("cycle", text("objective.cycleClosed", cycle.getName()));
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

    public String getKey() {
        return key;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public Person getOwner() {
        return owner;
    }

    public BigDecimal getWeight() {
        return weight;
    }

    public Objective getParent() {
        return parent;
    }

    public Grade getGrade() {
        if (grade == null) {
            grade = Grade.none(); // Hibernate leaves an all-null embeddable as null
        }
        return grade;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Objective other && Objects.equals(key, other.getKey())
                && Objects.equals(cycle, other.getCycle()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, cycle == null ? null : cycle.getName());
    }

    @Override
    public String toString() {
        return "Objective[" + (cycle == null ? "?" : cycle.getName()) + "/" + key + "]";
    }
}
