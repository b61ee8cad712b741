package com.keystone.okr.web.report;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/** Trends over a cycle, from the rows of its live model (see {@link KpiTrends}): a chart computes only its KPIs. */
@ApplicationScoped
public class TrendService {

    @Inject
    LiveModels models;

    @Inject
    CurrentUser user;

    private final Clock clock = Clock.systemDefaultZone();

    /** The weekly values of the KPIs with these keys (and no other) in the cycle up to {@code asOf} (null: today). */
    public KpiTrends kpiTrends(String cycleName, LocalDate asOf, Set<String> kpiKeys) {
        Set<String> keys = Set.copyOf(kpiKeys);
        if (!user.isSignedIn()) {
            throw new AccessDeniedException(text("denied.signInToRead"));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        return models.model(cycleName, today).read(index -> KpiTrends.compute(index, day, keys));
    }
}
