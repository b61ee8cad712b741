package com.keystone.okr.web.report;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.persistence.snapshot.DataStamp;
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
 * Reports read committed data only (outside any caller's transaction), and the last few are
 * kept by date and data stamp ({@link ReportCache}), so unchanged data is not recomputed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
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

    @Inject
    ReportCache cache;

    @Inject
    DataStamp stamps;

    private final OkrEngine engine = new OkrEngine();
    private final Clock clock = Clock.systemDefaultZone();

    public CycleReport report(String cycleName, LocalDate asOf) {
        if (!user.isSignedIn()) {
            throw new AccessDeniedException(text("denied.signInToRead"));
        }
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return thisRequest.computeIfAbsent(cycleName, day, () -> {
            // the stamp is read before the data: a report is never filed under a newer stamp than its data
            ReportCache.Key key = new ReportCache.Key(cycleName, day, stamps.current());
            return cache.get(key).orElseGet(() -> {
                Cycle cycle = cycles.findByName(cycleName).orElseThrow(() -> new UnknownKeyException("cycle", cycleName));
                long started = System.nanoTime();
                CycleReport report = engine.report(snapshots.load(cycle, day), day);
                metrics.rollupComputed(Duration.ofNanos(System.nanoTime() - started));
                cache.put(key, report);
                return report;
            });
        });
    }

    /** Forgets the reports computed so far in this request; call after a write that the same request shows. */
    public void forgetThisRequest() {
        thisRequest.clear();
    }
}
