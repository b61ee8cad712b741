package com.keystone.okr.web.report;

import com.keystone.okr.persistence.journal.ChangeJournal;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the change journal from growing without end: every ten minutes, each instance forgets the
 * changed rows of all but the last {@value #KEEP} versions (a few hours of check-ins at the pace of
 * a large company). A model further behind than that (a cycle nobody read meanwhile) reloads its
 * cycle on its next read instead of catching up; nothing is ever missed. Pruning twice is harmless,
 * so every instance of a cluster may do it.
 */
@ApplicationScoped
public class JournalPruning {

    private static final Logger LOG = Logger.getLogger(JournalPruning.class.getName());

    /** The versions whose changed rows are kept. */
    public static final long KEEP = 100_000;
    private static final long EVERY_MINUTES = 10;

    @Inject
    ChangeJournal journal;

    @Inject
    JournalPruning self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    /** Starts the pruning (called once the instance has started). */
    public synchronized void start() {
        if (schedule == null) {
            schedule = scheduler.scheduleWithFixedDelay(this::pruneQuietly, EVERY_MINUTES, EVERY_MINUTES, TimeUnit.MINUTES);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void pruneQuietly() {
        try {
            int deleted = self.prune();
            if (deleted > 0) {
                LOG.fine(() -> "change journal: " + deleted + " rows of old versions pruned");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the change journal could not be pruned; it is tried again in " + EVERY_MINUTES
                    + " minutes", e);
        }
    }

    /** Prunes now, in a transaction of its own; returns the rows deleted. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int prune() {
        return journal.prune(KEEP);
    }
}
