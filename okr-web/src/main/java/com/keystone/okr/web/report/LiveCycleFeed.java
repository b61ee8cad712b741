package com.keystone.okr.web.report;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.persistence.journal.ChangeKind;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.reporting.LiveCycle;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Feeds a cycle's live model from the database: reads it whole, or brings it up to a version of
 * the change journal by reading just the rows the journal names. Plain Java over a journal and a
 * loader, so that every instance (and the tests that run two of them on one database) keeps its
 * models the same way.
 */
public final class LiveCycleFeed {

    /** Changed rows up to which a model is always brought up to date row by row (beyond it, by its size). */
    public static final long RELOAD_FLOOR = 50_000;

    private final ChangeJournal journal;
    private final CycleSnapshotLoader loader;

    public LiveCycleFeed(ChangeJournal journal, CycleSnapshotLoader loader) {
        this.journal = journal;
        this.loader = loader;
    }

    /**
     * The cycle's model read whole, its live date {@code liveDate}. The version is read before the
     * rows: a change committed meanwhile is in the rows and is applied again later, which is harmless.
     *
     * @throws IllegalStateException when rows changed while they were read (a key result whose new
     *                               objective was not read yet): read again
     */
    public LiveCycle load(Cycle cycle, LocalDate liveDate) {
        long version = journal.version();
        return LiveCycle.of(loader.load(cycle), liveDate, version);
    }

    /** What bringing a model up to date did. */
    public record CatchUp(boolean reloadNeeded, int rows) {
    }

    /**
     * Applies to {@code model} every change up to {@code version}. A batch larger than a quarter of
     * the model (an import) is better read whole, and a batch the model cannot take (the cycle's
     * dates changed, or rows arrived half-way through another write) must be: both answer
     * {@code reloadNeeded}, the latter with the model {@linkplain LiveCycle#isBroken() broken}; so
     * does a model older than the journal's pruning (a cycle nobody read for a long while).
     */
    public CatchUp catchUp(LiveCycle model, Cycle cycle, long version) {
        if (model.version() >= version) {
            return new CatchUp(false, 0);
        }
        Map<ChangeKind, Set<Long>> changed = journal.changes(model.version(), version);
        if (!journal.covers(model.version())) {
            return new CatchUp(true, 0); // the journal was pruned past the model: some changes are gone from it
        }
        long count = changed.values().stream().mapToLong(Set::size).sum();
        if (count > Math.max(RELOAD_FLOOR, model.rows() / 4)) {
            return new CatchUp(true, 0);
        }
        CycleChanges changes = loader.changes(cycle, changed);
        try {
            model.apply(changes, version);
        } catch (IllegalStateException e) {
            return new CatchUp(true, 0);
        }
        return new CatchUp(false, changes.size());
    }
}
