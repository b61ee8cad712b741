package com.keystone.okr.web.report;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Every figure the UI, the API and the exports show comes from here: the cycle's live model
 * ({@link LiveModels}), brought up to date with every committed write before it answers, as of a
 * date (today by default). Today's report is kept current change by change; other dates are
 * computed from the same rows in memory and kept until a change touches them. Every call
 * catches up with the journal first (one indexed read), so a page shows a write made earlier in
 * the same request; pages read through their own read service, which asks once per page.
 */
@ApplicationScoped
public class ReportService {

    @Inject
    CurrentUser user;

    @Inject
    LiveModels models;

    private final Clock clock = Clock.systemDefaultZone();

    public CycleReport report(String cycleName, LocalDate asOf) {
        if (!user.isSignedIn()) {
            throw new AccessDeniedException(text("denied.signInToRead"));
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate day = asOf == null ? today : asOf;
        return models.model(cycleName, today).report(day);
    }
}
