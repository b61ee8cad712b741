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
     * The last review of each cycle with the report it was made from: reports are immutable and a
     * new one comes with every change, so the same report gives the same review, and every
     * reviewer between two changes shares one.
     */
    private record Reviewed(CycleReport report, QuarterlyReview review) {
    }
}
