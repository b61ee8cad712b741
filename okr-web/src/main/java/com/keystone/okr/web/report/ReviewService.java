package com.keystone.okr.web.report;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The HR quarterly review and its exports: for HR, administrators and leads. */
@ApplicationScoped
public class ReviewService {

    @Inject
    CycleService cycles;

    @Inject
    ReportService reports;

    @Inject
    CurrentUser user;

    private final Map<String, Reviewed> lastReviews = new ConcurrentHashMap<>();
    private final Map<String, Compared> lastComparisons = new ConcurrentHashMap<>();

    /** HR, an administrator, or a lead of any unit. */
    public boolean isReviewer() {
        return user.isSignedIn() && (user.isAdmin() || user.isHr()
                || user.memberships().stream().anyMatch(m -> m.getRole() == UnitRole.LEAD));
    }

    public void requireReviewer() {
        if (!isReviewer()) {
            throw new AccessDeniedException(text("denied.review"));
        }
    }

    /** The review of the cycle as of {@code asOf} (null: today), at most as of a closed cycle's end. */
    public QuarterlyReview review(String cycleName, LocalDate asOf) {
        requireReviewer();
        Cycle cycle = cycles.get(cycleName);
        LocalDate date = QuarterlyReview.reviewDate(cycle.getState(), cycle.getEndDate(),
                asOf == null ? LocalDate.now() : asOf);
        CycleReport report = reports.report(cycleName, date);
        Reviewed known = lastReviews.get(cycleName);
        if (known != null && known.report == report) {
            return known.review;
        }
        QuarterlyReview review = known == null ? QuarterlyReview.of(report, date)
                : QuarterlyReview.of(report, date, known.report, known.review);
        lastReviews.put(cycleName, new Reviewed(report, review));
        return review;
    }

    /**
     * The review of the cycle as of {@code asOf} beside the review of the cycle before it
     * ({@link #previousOf}) as of the same date, which for a closed previous cycle is its end: the
     * previous cycle's review is a review of its own, kept like every other, so a closed cycle's is
     * computed once and shared; the comparison is kept while both reviews are the same objects.
     */
    public ReviewComparison comparison(String cycleName, LocalDate asOf) {
        requireReviewer();
        Cycle cycle = cycles.get(cycleName);
        QuarterlyReview current = review(cycleName, asOf);
        Cycle before = previousOf(cycles.list(), cycle);
        QuarterlyReview previous = before == null ? null : review(before.getName(), asOf);
        Compared known = lastComparisons.get(cycleName);
        if (known != null && known.current == current && known.previous == previous) {
            return known.comparison;
        }
        ReviewComparison comparison = ReviewComparison.of(current, previous);
        lastComparisons.put(cycleName, new Compared(current, previous, comparison));
        return comparison;
    }

    /**
     * The cycle before {@code cycle}: of those that end before it starts, the one that ended most
     * recently (on a tie, the one that started last, then the greater name); null when none did.
     */
    public static Cycle previousOf(List<Cycle> all, Cycle cycle) {
        Cycle best = null;
        for (Cycle c : all) {
            if (!c.getEndDate().isBefore(cycle.getStartDate()) || c.getName().equals(cycle.getName())) {
                continue;
            }
            if (best == null || ORDER.compare(c, best) > 0) {
                best = c;
            }
        }
        return best;
    }

    private static final Comparator<Cycle> ORDER = Comparator.comparing(Cycle::getEndDate)
            .thenComparing(Cycle::getStartDate).thenComparing(Cycle::getName);

    /** The last comparison of each cycle with the two reviews it was made from. */
    private record Compared(QuarterlyReview current, QuarterlyReview previous, ReviewComparison comparison) {
    }

    /**
     * The last review of each cycle with the report it was made from: reports are immutable and a
     * new one comes with every change, so the same report gives the same review, and every
     * reviewer between two changes shares one.
     */
    private record Reviewed(CycleReport report, QuarterlyReview review) {
    }
}
