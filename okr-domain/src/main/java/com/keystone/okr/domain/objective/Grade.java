package com.keystone.okr.domain.objective;

import static com.keystone.okr.domain.DomainText.text;

import com.keystone.okr.domain.Checks;
import com.keystone.okr.domain.InvalidInputException;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The frozen end-of-cycle grade of an objective or key result (R4): the computed grade, and an
 * optional override by the owner's lead with its mandatory reason. Both stay visible.
 */
@Embeddable
public class Grade {

    @Column(name = "grade", precision = 2, scale = 1)
    private BigDecimal computed;

    @Column(name = "grade_override", precision = 2, scale = 1)
    private BigDecimal override;

    @Column(name = "grade_override_reason", length = 1000)
    private String overrideReason;

    @Column(name = "grade_override_by", length = 64)
    private String overrideBy;

    @Column(name = "grade_override_at")
    private Instant overrideAt;

    protected Grade() {
        // for JPA and for "not graded yet"
    }

    /** R4: progress rounded half-up to one decimal. */
    public static BigDecimal round(double progress) {
        return BigDecimal.valueOf(progress).setScale(1, RoundingMode.HALF_UP);
    }

    static Grade none() {
        return new Grade();
    }

    void freeze(BigDecimal grade) {
        this.computed = checkRange("grade", grade);
    }

    void override(BigDecimal grade, String reason, String by, Instant at) {
        if (computed == null) {
            throw new InvalidInputException("grade", text("grade.notGraded"));
        }
        this.override = checkRange("grade", grade);
        this.overrideReason = Checks.text("reason", reason, 1000);
        this.overrideBy = by;
        this.overrideAt = at;
    }

    private static BigDecimal checkRange(String field, BigDecimal g) {
        Checks.required(field, g);
        if (g.signum() < 0 || g.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException(field, text("grade.range", g.toPlainString()));
        }
        return g.setScale(1, RoundingMode.HALF_UP);
    }

    public boolean isGraded() {
        return computed != null;
    }

    /** The grade that counts: the override where there is one, else the computed one. */
    public BigDecimal effective() {
        return override != null ? override : computed;
    }

    public BigDecimal getComputed() {
        return computed;
    }

    public BigDecimal getOverride() {
        return override;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getOverrideBy() {
        return overrideBy;
    }

    public Instant getOverrideAt() {
        return overrideAt;
    }
}
