package com.keystone.okr.web.report;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.web.report.QuarterlyReview.Figures;
import com.keystone.okr.web.report.QuarterlyReview.Row;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A quarterly review beside the review of the cycle before it (the one that ended most recently
 * before it starts, {@link ReviewService#previousOf}): for every unit of the review and for the
 * company, the previous cycle's figures and the change of the average grade, the check-in
 * discipline, and the green and red counts of grades and KPI statuses. Both sides are whole
 * {@link QuarterlyReview}s, so every figure keeps the review's one definition; nothing is derived
 * here but differences.
 * <ul>
 * <li>Units are matched by path; a unit the previous cycle did not have (or a cycle without a
 * previous one) has no previous figures and no change.</li>
 * <li>A change needs a figure on both sides: no average grade without objectives, no discipline
 * without key results that take check-ins.</li>
 * <li>The discipline's change is in whole percentage points between the two shares as the page
 * shows them (each rounded to a whole percentage), so that "80% → 67%" reads "13 points down".</li>
 * </ul>
 */
public final class ReviewComparison implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Which way a figure moved. */
    public enum Trend {
        UP, DOWN, SAME
    }

    /** Whether the move is good news: more green is good, more red is bad. */
    public enum Tone {
        GOOD, BAD, NEUTRAL
    }

    /**
     * The change of one figure from the previous cycle to this one.
     *
     * @param difference    this cycle's figure minus the previous one's (grades: two decimals; discipline: percentage
     *                      points; counts: whole numbers)
     * @param higherIsBetter whether a rise is good news
     */
    public record Change(BigDecimal difference, boolean higherIsBetter) implements Serializable {

        public Change {
            Objects.requireNonNull(difference, "difference");
        }

        /** The change between two figures, or null when either is missing. */
        static Change of(BigDecimal current, BigDecimal previous, boolean higherIsBetter) {
            return current == null || previous == null ? null : new Change(current.subtract(previous), higherIsBetter);
        }

        static Change ofCounts(int current, int previous, boolean higherIsBetter) {
            return new Change(BigDecimal.valueOf((long) current - previous), higherIsBetter);
        }

        public Trend trend() {
            int s = difference.signum();
            return s > 0 ? Trend.UP : s < 0 ? Trend.DOWN : Trend.SAME;
        }

        public Tone tone() {
            Trend t = trend();
            return t == Trend.SAME ? Tone.NEUTRAL : (t == Trend.UP) == higherIsBetter ? Tone.GOOD : Tone.BAD;
        }

        /** The size of the change, without its sign (the arrow says which way). */
        public BigDecimal magnitude() {
            return difference.abs();
        }
    }

    /**
     * One unit (or the company total) in both cycles.
     *
     * @param row      this cycle's row (for the company total: a row named after the company with the totals)
     * @param previous the previous cycle's figures of the same unit, or null
     */
    public record Line(Row row, Figures previous, Change averageGrade, Change discipline, Change gradesGreen,
                       Change gradesRed, Change kpisGreen, Change kpisRed) implements Serializable {

        static Line of(Row row, Figures previous) {
            Figures now = row.figures();
            if (previous == null) {
                return new Line(row, null, null, null, null, null, null, null);
            }
            return new Line(row, previous,
                    Change.of(now.averageGrade(), previous.averageGrade(), true),
                    Change.of(points(now.discipline()), points(previous.discipline()), true),
                    Change.ofCounts(now.gradeGreen(), previous.gradeGreen(), true),
                    Change.ofCounts(now.gradeRed(), previous.gradeRed(), false),
                    Change.ofCounts(now.kpiGreen(), previous.kpiGreen(), true),
                    Change.ofCounts(now.kpiRed(), previous.kpiRed(), false));
        }

        public boolean isCompared() {
            return previous != null;
        }
    }

    private final QuarterlyReview current;
    private final String previousCycle;
    private final CycleState previousState;
    private final LocalDate previousAsOf;
    private final List<Line> lines;
    private final Line total;

    private ReviewComparison(QuarterlyReview current, QuarterlyReview previous) {
        this.current = current;
        this.previousCycle = previous == null ? null : previous.getCycleName();
        this.previousState = previous == null ? null : previous.getState();
        this.previousAsOf = previous == null ? null : previous.getAsOf();
        Map<String, Figures> before = new HashMap<>();
        if (previous != null) {
            for (Row r : previous.getRows()) {
                before.put(r.unitPath(), r.figures());
            }
        }
        List<Line> all = new ArrayList<>(current.getRows().size());
        for (Row r : current.getRows()) {
            all.add(Line.of(r, before.get(r.unitPath())));
        }
        this.lines = List.copyOf(all);
        Row totalRow = new Row("", "", null, QuarterlyReview.Level.COMPANY, 0, current.getTotals());
        this.total = Line.of(totalRow, previous == null ? null : previous.getTotals());
    }

    /** The review compared with {@code previous} (null: the cycle has no previous one). */
    public static ReviewComparison of(QuarterlyReview current, QuarterlyReview previous) {
        return new ReviewComparison(Objects.requireNonNull(current, "current"), previous);
    }

    /** A share 0..1 as the whole percentage the page shows, or null. */
    static BigDecimal points(Double share) {
        return share == null ? null : BigDecimal.valueOf(Math.round(share * 100));
    }

    /** This cycle's review. */
    public QuarterlyReview getReview() {
        return current;
    }

    /** Whether there is a previous cycle to compare with. */
    public boolean isCompared() {
        return previousCycle != null;
    }

    /** The previous cycle's name, or null. */
    public String getPreviousCycle() {
        return previousCycle;
    }

    public CycleState getPreviousState() {
        return previousState;
    }

    /** Whether the previous cycle's grades are projections (it is not closed). */
    public boolean isPreviousProjected() {
        return previousState != null && previousState != CycleState.CLOSED;
    }

    /** The date the previous cycle's figures are as of. */
    public LocalDate getPreviousAsOf() {
        return previousAsOf;
    }

    /** One line per row of the review, in its order. */
    public List<Line> getLines() {
        return lines;
    }

    /** The company total in both cycles. */
    public Line getTotal() {
        return total;
    }
}
