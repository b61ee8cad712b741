package com.keystone.okr.web.report;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.security.CurrentUser;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;

/** Trends over a cycle: one snapshot load, then the engine as of each week (see {@link KpiTrends}). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TrendService {

    @Inject
    CycleRepository cycles;

    @Inject
    CycleSnapshotLoader snapshots;

    @Inject
    CurrentUser user;

    private final OkrEngine engine = new OkrEngine();

    /** Every KPI's weekly value in the cycle up to {@code asOf} (null: today). */
    public KpiTrends kpiTrends(String cycleName, LocalDate asOf) {
        if (!user.isSignedIn()) {
            throw new AccessDeniedException(text("denied.signInToRead"));
        }
        Cycle cycle = cycles.findByName(cycleName).orElseThrow(() -> new UnknownKeyException("cycle", cycleName));
        LocalDate day = asOf == null ? LocalDate.now() : asOf;
        return KpiTrends.compute(snapshots.load(cycle, day).index(), day, engine);
    }
}
