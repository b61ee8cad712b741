package com.keystone.okr.web.report;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

/**
 * Every figure the UI, the API and the exports show comes from here: the cycle's snapshot,
 * read in a handful of queries, computed by the one engine as of a date (today by default).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReportService {

    @Inject
    CycleRepository cycles;

    @Inject
    CycleSnapshotLoader snapshots;

    @Inject
    CurrentUser user;

    @Inject
    BusinessMetrics metrics;

    @Inject
    RequestReports thisRequest;

    private final OkrEngine engine = new OkrEngine();
    private final Clock clock = Clock.systemDefaultZone();

    public CycleReport report(String cycleName, LocalDate asOf) {
        if (!user.isSignedIn()) {
            throw new AccessDeniedException(text("denied.signInToRead"));
        }
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return thisRequest.computeIfAbsent(cycleName, day, () -> {
            Cycle cycle = cycles.findByName(cycleName).orElseThrow(() -> new UnknownKeyException("cycle", cycleName));
            long started = System.nanoTime();
            CycleReport report = engine.report(snapshots.load(cycle, day), day);
            metrics.rollupComputed(Duration.ofNanos(System.nanoTime() - started));
            return report;
        });
    }

    /** Forgets the reports computed so far in this request; call after a write that the same request shows. */
    public void forgetThisRequest() {
        thisRequest.clear();
    }
}
