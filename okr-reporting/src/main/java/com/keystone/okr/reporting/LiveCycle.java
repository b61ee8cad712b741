package com.keystone.okr.reporting;

import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * One cycle kept in memory and current: its rows (every check-in and the measurements of the
 * cycle's dates, the whole history) and the report of its live date, which each change updates
 * in place of recomputing it: a check-in recomputes its key result, its objective, the objectives
 * above it in the cascade and their units, and the findings of its unit; a measurement its KPI,
 * the KPIs computed from it and the key results linked to them. The new report shares everything
 * unchanged with the previous one.
 * <p>
 * Reports of other dates are computed whole from the same rows when first asked for, then kept
 * (the few most recent) and updated by every change just like the live one: what a change
 * touches does not depend on the date, only the figures do.
 * <p>
 * Thread-safe: changes are applied one batch at a time under a write lock; the live report is
 * published through a volatile field and read without a lock; other dates are computed under the
 * read lock, each date once however many readers ask for it.
 */
public final class LiveCycle {

    /** Dates other than the live one kept at once: each costs a computation's results (tens of MB for a large company). */
    static final int PAST_REPORTS = 4;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SnapshotIndex index;
    private Computation live;
    private ReportLayout layout;
    private volatile CycleReport current;
    private volatile long version;
    private volatile boolean broken;
    private final Map<LocalDate, FutureTask<Day>> past = new LinkedHashMap<>(16, 0.75f, true);

    private LiveCycle(CycleSnapshot snapshot, LocalDate liveDate, long version) {
        this.index = snapshot.index();
        this.layout = ReportLayout.of(index);
        this.live = Computation.computeAll(index, liveDate);
        this.current = live.report(layout);
        this.version = version;
    }

    /**
     * A live model of the snapshot's cycle, its report computed as of {@code liveDate}.
     *
     * @param version the version of the data the snapshot was read at (see {@link #version()})
     */
    public static LiveCycle of(CycleSnapshot snapshot, LocalDate liveDate, long version) {
        return new LiveCycle(snapshot, Objects.requireNonNull(liveDate, "liveDate"), version);
    }

    /** The version of the data this model reflects: whoever feeds it changes says what it means. */
    public long version() {
        return version;
    }

    public String cycleName() {
        return current.cycleName();
    }

    public CycleInfo cycle() {
        lock.readLock().lock();
        try {
            return index.cycle();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many rows the model holds (see {@link SnapshotIndex#rows()}). */
    public long rows() {
        return read(SnapshotIndex::rows);
    }

    /** The date the live report is kept current for. */
    public LocalDate liveDate() {
        return current.asOf();
    }

    /** Whether a batch of changes failed half-way: the model no longer reflects any data and must be rebuilt. */
    public boolean isBroken() {
        return broken;
    }

    /**
     * The report as of {@code day}: the live report when it is the live date, otherwise one computed
     * from the same rows when first asked for and kept current from then on.
     */
    public CycleReport report(LocalDate day) {
        CycleReport now = current;
        if (now.asOf().equals(day)) {
            return now;
        }
        FutureTask<Day> task;
        boolean mine = false;
        lock.readLock().lock();
        try {
            synchronized (past) {
                task = past.get(day);
                if (task == null) {
                    task = new FutureTask<>(() -> new Day(Computation.computeAll(index, day), layout));
                    past.put(day, task);
                    mine = true;
                    if (past.size() > PAST_REPORTS) {
                        past.remove(past.keySet().iterator().next());
                    }
                }
            }
            if (mine) {
                task.run(); // under the read lock: no change is applied while the rows are read
            }
        } finally {
            lock.readLock().unlock();
        }
        try {
            return task.get().report;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while computing the report of " + day, e);
        } catch (ExecutionException e) {
            synchronized (past) {
                past.remove(day, task);
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Reads the model's rows under its read lock (no change is applied meanwhile): for figures
     * the report does not hold, such as a KPI's values week by week.
     */
    public <T> T read(Function<SnapshotIndex, T> reading) {
        lock.readLock().lock();
        try {
            return reading.apply(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Moves the live report to {@code day} (a new day has begun): one whole computation from the rows in memory. */
    public void moveTo(LocalDate day) {
        if (current.asOf().equals(day)) {
            return;
        }
        lock.writeLock().lock();
        try {
            if (!current.asOf().equals(day)) {
                live = Computation.computeAll(index, day);
                current = live.report(layout);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Applies a batch of changed rows and moves to {@code newVersion}. Only what the batch touches
     * is computed again. The rows must be closed under their references together with the rows
     * already here; a batch that breaks that is refused with an {@link IllegalStateException} and
     * leaves the model {@linkplain #isBroken() broken}. A changed cycle row must keep the cycle's
     * dates (the measurements held are those of the dates): reload the cycle when they change.
     */
    public void apply(CycleChanges changes, long newVersion) {
        lock.writeLock().lock();
        try {
            if (broken) {
                throw new IllegalStateException("the live model of " + cycleName() + " is broken; rebuild it");
            }
            if (!changes.isEmpty()) {
                Set<Long> objectiveLoops = index.objectivesOnLoops();
                Set<Long> kpiLoops = index.kpisOnLoops();
                applyLocked(changes);
                if (!objectiveLoops.equals(index.objectivesOnLoops()) || !kpiLoops.equals(index.kpisOnLoops())) {
                    // a loop in stored data appeared or went: what counts where moved beyond the changed rows
                    throw new IllegalStateException("a loop of alignments or KPI references in the rows of " + cycleName()
                            + " appeared or went: reload it");
                }
            }
            version = Math.max(version, newVersion);
        } catch (RuntimeException e) {
            broken = true;
            throw e;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void applyLocked(CycleChanges changes) {
        boolean everything = false;
        if (changes.cycle() != null && !changes.cycle().equals(index.cycle())) {
            CycleInfo old = index.cycle();
            if (!old.startDate().equals(changes.cycle().startDate()) || !old.endDate().equals(changes.cycle().endDate())) {
                throw new IllegalStateException("the dates of cycle " + old.name() + " changed: reload it");
            }
            index.putCycle(changes.cycle());
            everything = true;
        }
        for (UnitRow u : changes.units()) {
            everything |= !u.equals(index.putUnit(u));
        }
        List<Change<KpiRow>> kpis = new ArrayList<>();
        for (KpiRow k : changes.kpis()) {
            KpiRow old = index.putKpi(k);
            if (!k.equals(old)) {
                kpis.add(new Change<>(old, k));
            }
        }
        List<Change<ObjectiveRow>> objectives = new ArrayList<>();
        for (ObjectiveRow o : changes.objectives()) {
            ObjectiveRow old = index.putObjective(o);
            if (!o.equals(old)) {
                objectives.add(new Change<>(old, o));
            }
        }
        List<Change<KeyResultRow>> keyResults = new ArrayList<>();
        for (KeyResultRow kr : changes.keyResults()) {
            KeyResultRow old = index.putKeyResult(kr);
            if (!kr.equals(old)) {
                keyResults.add(new Change<>(old, kr));
            }
        }
        index.verify(changes.units(), changes.objectives(), changes.keyResults(), changes.kpis());

        Computation.Dirty d = new Computation.Dirty();
        for (CheckInRow c : changes.checkIns()) {
            if (!c.equals(index.putCheckIn(c))) {
                d.keyResults.add(c.keyResultId());
                d.findingUnits.add(unitOfKeyResult(c.keyResultId())); // R8 staleness
            }
        }
        CycleInfo cycle = index.cycle();
        for (MeasurementRow m : changes.measurements()) {
            if (cycle.contains(m.date()) && index.putMeasurement(m)) {
                d.kpis.add(m.kpiId());
            }
        }
        boolean structure = false;
        for (Change<KpiRow> c : kpis) {
            KpiRow k = c.now();
            d.kpis.add(k.id());
            d.findingUnits.add(k.unitId());
            if (c.old() == null || c.old().unitId() != k.unitId() || !c.old().key().equals(k.key())) {
                structure = true;
            }
            if (c.old() != null) {
                d.findingUnits.add(c.old().unitId());
            }
            if (c.old() == null || !sameReferences(c.old(), k)) {
                d.servingChanged = true;
            }
            if (c.old() != null && !c.old().key().equals(k.key())) {
                index.dependentsOf(k.id()).forEach(dep -> d.kpis.add(dep.id())); // they show their parts' keys
            }
        }
        for (Change<ObjectiveRow> c : objectives) {
            ObjectiveRow o = c.now();
            ObjectiveRow old = c.old();
            d.objectives.add(o.id());
            d.findingUnits.add(o.unitId());
            touchParent(d, o.parentId()); // its breakdown and R8 UNMEASURABLE
            if (old == null || old.unitId() != o.unitId() || !Objects.equals(old.parentId(), o.parentId())) {
                structure = true;
            }
            if (old != null) {
                d.units.add(old.unitId());
                d.findingUnits.add(old.unitId());
                touchParent(d, old.parentId());
                if (old.unitId() != o.unitId() || !old.key().equals(o.key())) {
                    index.keyResultsOf(o.id()).forEach(kr -> d.keyResults.add(kr.id())); // they show its key and unit
                    structure = true;
                }
                if (!old.key().equals(o.key())) {
                    index.childrenOf(o.id()).forEach(child -> d.objectives.add(child.id())); // they show it as parent
                }
            }
        }
        for (Change<KeyResultRow> c : keyResults) {
            KeyResultRow kr = c.now();
            KeyResultRow old = c.old();
            d.keyResults.add(kr.id());
            d.findingUnits.add(unitOfKeyResult(kr.id()));
            if (old == null || old.objectiveId() != kr.objectiveId() || !old.key().equals(kr.key())) {
                structure = true;
            }
            if (old != null && old.objectiveId() != kr.objectiveId()) {
                d.objectives.add(old.objectiveId());
                d.findingUnits.add(index.objective(old.objectiveId()).unitId());
            }
            if (old == null || !Objects.equals(old.kpiId(), kr.kpiId())) {
                d.servingChanged = true;
            }
        }
        if (everything) {
            live = Computation.computeAll(index, live.asOf());
            layout = ReportLayout.of(index);
            current = live.report(layout);
            synchronized (past) {
                past.clear();
            }
            return;
        }
        if (structure) {
            layout = ReportLayout.of(index);
        }
        List<Day> days = new ArrayList<>();
        synchronized (past) {
            // every task is done: each ran under the read lock, which this write lock excludes
            past.values().removeIf(task -> !succeeded(task));
            past.values().forEach(task -> days.add(result(task)));
        }
        for (Day day : days) {
            day.report = day.update(d.copy(), structure, layout);
        }
        live.update(d);
        current = structure ? live.report(layout) : live.patch(current, d);
    }

    private static boolean succeeded(FutureTask<Day> task) {
        return task.isDone() && result(task) != null;
    }

    private static Day result(FutureTask<Day> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private void touchParent(Computation.Dirty d, Long parentId) {
        if (parentId != null) {
            d.objectives.add(parentId);
            d.findingUnits.add(index.objective(parentId).unitId());
        }
    }

    private long unitOfKeyResult(long keyResultId) {
        return index.objective(index.keyResult(keyResultId).objectiveId()).unitId();
    }

    private static boolean sameReferences(KpiRow a, KpiRow b) {
        return a.childIds().equals(b.childIds()) && Objects.equals(a.numeratorId(), b.numeratorId())
                && Objects.equals(a.denominatorId(), b.denominatorId());
    }

    /** A date other than the live one: its computation, kept current, and its latest report. */
    private static final class Day {
        private final Computation computation;
        volatile CycleReport report;

        Day(Computation computation, ReportLayout layout) {
            this.computation = computation;
            this.report = computation.report(layout);
        }

        CycleReport update(Computation.Dirty dirty, boolean structure, ReportLayout layout) {
            computation.update(dirty);
            return structure ? computation.report(layout) : computation.patch(report, dirty);
        }
    }

    private record Change<T>(T old, T now) {
    }
}
