package com.keystone.okr.domain.person;

import com.keystone.okr.domain.Checks;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.Objects;

/** A person's role in one org unit. */
@Entity
@Table(name = "membership", uniqueConstraints = @UniqueConstraint(columnNames = {"person_id", "unit_id"}))
public class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "membership_seq")
    @SequenceGenerator(name = "membership_seq", sequenceName = "membership_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "unit_id")
    private OrgUnit unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UnitRole role;

    protected Membership() {
        // for JPA
    }

    Membership(Person person, OrgUnit unit, UnitRole role) {
        this.person = person;
        this.unit = Checks.required("unit", unit);
        this.role = Checks.required("role", role);
    }

    void changeRole(UnitRole newRole) {
        this.role = Checks.required("role", newRole);
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public OrgUnit getUnit() {
        return unit;
    }

    public UnitRole getRole() {
        return role;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Membership m
                && Objects.equals(person, m.getPerson()) && Objects.equals(unit, m.getUnit()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(person, unit);
    }
}
