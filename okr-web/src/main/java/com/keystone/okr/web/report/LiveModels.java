package com.keystone.okr.web.report;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.reporting.LiveCycle;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The live models of the cycles people look at, one per cycle, kept current from the change
 * journal: before every read, one read of the journal's version (a single row by its key) tells
 * whether anything changed since the model was brought up to date, on this instance or any other
 * sharing the database; if so, only the changed rows are read and applied. A model is loaded
 * whole once, when its cycle is first read, and again only if a batch of changes cannot be
 * applied (the cycle's dates changed, or rows arrived half-way through another write).
 * <p>
 * Reads committed data only (outside any caller's transaction). The few most recently read
 * cycles are kept; a model of a large company weighs a few hundred megabytes.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class LiveModels {

    private static final Logger LOG = Logger.getLogger(LiveModels.class.getName());

    /** Cycles kept in memory at once: the active one, the last closed one, one more. */
    static final int CYCLES = 3;
    /** Attempts at loading a cycle whose rows changed while they were read. */
    private static final int LOAD_ATTEMPTS = 3;

    @Inject
    CycleRepository cycles;

    @Inject
    CycleSnapshotLoader loader;

    @Inject
    ChangeJournal journal;

    @Inject
    BusinessMetrics metrics;

    private final Map<String, Holder> holders = new LinkedHashMap<>(8, 0.75f, true);
    private final Clock clock = Clock.systemDefaultZone();

    /** A cycle's model, with every change committed before this call applied, its live date {@code today}. */
    public LiveCycle model(String cycleName, LocalDate today) {
        long version = journal.version();
        Holder holder = holder(cycleName);
        LiveCycle model = holder.model;
        if (model == null || model.isBroken() || model.version() < version) {
            synchronized (holder) {
                model = holder.model;
                if (model == null || model.isBroken()) {
                    model = load(holder, cycleName, today);
                } else if (model.version() < version) {
                    model = catchUp(holder, model, cycleName, version, today);
                }
            }
        }
        model.moveTo(today);
        return model;
    }

    /** Loads the model of every active cycle (at start, so that the first reads find them in memory). */
    public void warmUp() {
        LocalDate today = LocalDate.now(clock);
        for (Cycle c : cycles.all()) {
            if (c.getState() == CycleState.ACTIVE) {
                model(c.getName(), today);
            }
        }
    }

    /**
     * The cycle's holder; a cycle not kept yet takes a place (the least recently read one leaves)
     * only once it is known to exist, so that asking for unknown cycles cannot push models out.
     */
    private Holder holder(String cycleName) {
        synchronized (holders) {
            Holder known = holders.get(cycleName);
            if (known != null) {
                return known;
            }
        }
        if (cycles.findByName(cycleName).isEmpty()) {
            throw new UnknownKeyException("cycle", cycleName);
        }
        synchronized (holders) {
            Holder h = holders.computeIfAbsent(cycleName, n -> new Holder());
            if (holders.size() > CYCLES) {
                holders.remove(holders.keySet().iterator().next());
            }
            return h;
        }
    }

    private LiveCycle load(Holder holder, String cycleName, LocalDate today) {
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            Cycle cycle = cycles.findByName(cycleName).orElseThrow(() -> new UnknownKeyException("cycle", cycleName));
            try {
                LiveCycle model = feed().load(cycle, today);
                holder.cycle = cycle;
                holder.model = model;
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                metrics.liveModelLoaded(took);
                LOG.info(() -> "live model of cycle " + cycleName + " loaded at version " + model.version() + " ("
                        + model.rows() + " rows) in " + took.toMillis() + " ms");
                return model;
            } catch (IllegalStateException e) {
                if (attempt == LOAD_ATTEMPTS) {
                    throw e;
                }
                LOG.log(Level.INFO, "cycle " + cycleName + " changed while it was read; reading it again", e);
            }
        }
    }

    private LiveCycle catchUp(Holder holder, LiveCycle model, String cycleName, long version, LocalDate today) {
        long started = System.nanoTime();
        LiveCycleFeed.CatchUp done = feed().catchUp(model, holder.cycle, version);
        if (done.reloadNeeded()) {
            LOG.info(() -> "the changes of cycle " + cycleName + " up to version " + version
                    + " are read whole (a large batch, or one the live model cannot take)");
            return load(holder, cycleName, today);
        }
        metrics.liveModelUpdated(done.rows(), Duration.ofNanos(System.nanoTime() - started));
        return model;
    }

    private LiveCycleFeed feed() {
        return new LiveCycleFeed(journal, loader);
    }

    /** A cycle's model and the cycle it was loaded for; guarded by its own lock. */
    private static final class Holder {
        volatile LiveCycle model;
        Cycle cycle;
    }
}
