package com.keystone.okr.domain.objective;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An append-only record of a key result's value on an effective date (R1). Never edited or
 * deleted: a correction is a newer check-in. Among check-ins of the same effective date the
 * later {@code recordedAt} wins, then the later id (the order of recording, e.g. row order
 * within one import).
 */
@Entity
@Table(name = "check_in")
public class CheckIn {

    public static final int MAX_COMMENT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "check_in_seq")
    @SequenceGenerator(name = "check_in_seq", sequenceName = "check_in_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "key_result_id", updatable = false)
    private KeyResult keyResult;

    @Column(name = "effective_date", nullable = false, updatable = false)
    private LocalDate effectiveDate;

    @Column(name = "checkin_value", nullable = false, updatable = false, precision = 30, scale = 10)
    private BigDecimal value;

    @Column(updatable = false)
    private Integer confidence;

    @Column(name = "comment_text", length = MAX_COMMENT, updatable = false)
    private String comment;

    @Column(length = 64, updatable = false)
    private String author;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected CheckIn() {
        // for JPA
    }

    CheckIn(KeyResult keyResult, LocalDate effectiveDate, BigDecimal value, Integer confidence, String comment,
            String author, Instant recordedAt) {
        this.keyResult = keyResult;
        this.effectiveDate = Checks.required("date", effectiveDate);
        this.value = Checks.figure("value", value);
        if (confidence != null && (confidence < 1 || confidence > 10)) {
            throw new InvalidInputException("confidence", text("checkIn.confidence", confidence));
        }
        this.confidence = confidence;
        this.comment = Checks.optionalText("comment", comment, MAX_COMMENT);
        this.author = author;
        this.recordedAt = Checks.required("recorded_at", recordedAt);
    }

    public Long getId() {
        return id;
    }

    public KeyResult getKeyResult() {
        return keyResult;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public BigDecimal getValue() {
        return value;
    }

    public Integer getConfidence() {
        return confidence;
    }

    public String getComment() {
        return comment;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
