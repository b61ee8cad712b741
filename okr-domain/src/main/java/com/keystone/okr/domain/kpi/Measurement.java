package com.keystone.okr.domain.kpi;

import com.keystone.okr.domain.Checks;
import jakarta.persistence.Column;
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
import java.time.LocalDate;
import java.util.Objects;

/**
 * A KPI's value for one date. At most one per KPI and date: a newer value for the same date
 * replaces this one, and the service records the old value in the audit history.
 */
@Entity
@Table(name = "measurement", uniqueConstraints = @UniqueConstraint(columnNames = {"kpi_id", "measured_on"}))
public class Measurement {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "measurement_seq")
    @SequenceGenerator(name = "measurement_seq", sequenceName = "measurement_seq", allocationSize = 50)
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "kpi_id")
    private Kpi kpi;

    @Column(name = "measured_on", nullable = false)
    private LocalDate date;

    @Column(name = "measured_value", nullable = false, precision = 30, scale = 10)
    private BigDecimal value;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", length = 64)
    private String recordedBy;

    protected Measurement() {
        // for JPA
    }

    Measurement(Kpi kpi, LocalDate date, BigDecimal value, Instant at, String by) {
        this.kpi = kpi;
        this.date = Checks.required("date", date);
        this.value = Checks.figure("value", value);
        this.recordedAt = Checks.required("recorded_at", at);
        this.recordedBy = by;
    }

    /** Replaces the value for the same date; returns the value it had. */
    public BigDecimal replace(BigDecimal newValue, Instant at, String by) {
        BigDecimal old = value;
        this.value = Checks.figure("value", newValue);
        this.recordedAt = Checks.required("recorded_at", at);
        this.recordedBy = by;
        return old;
    }

    public Long getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Kpi getKpi() {
        return kpi;
    }

    public LocalDate getDate() {
        return date;
    }

    public BigDecimal getValue() {
        return value;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Measurement m && Objects.equals(kpi, m.getKpi()) && Objects.equals(date, m.getDate()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(kpi, date);
    }
}
