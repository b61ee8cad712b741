package com.keystone.okr.reporting.snapshot;

import com.keystone.okr.domain.unit.PathOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The maps by id over a {@link CycleSnapshot}, built once in linear time (plus sorting), so the
 * rules never search a list. Building it also checks that the snapshot is closed under its
 * references (every id a row names is in the snapshot) and has no duplicate ids: a broken
 * loader fails loudly here instead of showing wrong numbers.
 * <p>
 * Lists it hands out are in a stable order: units in path order, the rest by id (creation
 * order), check-ins oldest first by {@link CheckInRow#CHRONOLOGICAL}.
 */
public final class SnapshotIndex {

    private final CycleSnapshot snapshot;
    private final Map<Long, UnitRow> units;
    private final Map<Long, ObjectiveRow> objectives;
    private final Map<Long, KeyResultRow> keyResults;
    private final Map<Long, KpiRow> kpis;
    private final List<UnitRow> unitsInPathOrder;
    private final Map<Long, List<ObjectiveRow>> objectivesByUnit = new HashMap<>();
    private final Map<Long, List<ObjectiveRow>> childObjectives = new HashMap<>();
    private final Map<Long, List<KeyResultRow>> keyResultsByObjective = new HashMap<>();
    private final Map<Long, List<CheckInRow>> checkInsByKeyResult = new HashMap<>();
    private final Map<Long, List<KpiRow>> kpisByUnit = new HashMap<>();
    private final Map<Long, NavigableMap<LocalDate, BigDecimal>> measurementsByKpi = new HashMap<>();

    SnapshotIndex(CycleSnapshot snapshot) {
        this.snapshot = snapshot;
        this.units = byId(snapshot.units(), UnitRow::id, "unit");
        this.objectives = byId(snapshot.objectives(), ObjectiveRow::id, "objective");
        this.keyResults = byId(snapshot.keyResults(), KeyResultRow::id, "key result");
        this.kpis = byId(snapshot.kpis(), KpiRow::id, "KPI");

        List<UnitRow> ordered = new ArrayList<>(snapshot.units());
        ordered.sort(Comparator.comparing(UnitRow::path, PathOrder.INSTANCE));
        this.unitsInPathOrder = Collections.unmodifiableList(ordered);
        for (UnitRow u : snapshot.units()) {
            if (u.parentId() != null) {
                require(units, u.parentId(), "unit " + u.path() + " names parent unit");
            }
        }

        List<ObjectiveRow> objectivesById = sortedById(snapshot.objectives(), ObjectiveRow::id);
        for (ObjectiveRow o : objectivesById) {
            require(units, o.unitId(), "objective " + o.key() + " names unit");
            objectivesByUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o);
            if (o.parentId() != null) {
                require(objectives, o.parentId(), "objective " + o.key() + " is aligned to objective");
                childObjectives.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
            }
        }
        for (KeyResultRow kr : sortedById(snapshot.keyResults(), KeyResultRow::id)) {
            require(objectives, kr.objectiveId(), "key result " + kr.key() + " names objective");
            if (kr.kpiId() != null) {
                require(kpis, kr.kpiId(), "key result " + kr.key() + " is linked to KPI");
            }
            keyResultsByObjective.computeIfAbsent(kr.objectiveId(), k -> new ArrayList<>()).add(kr);
        }
        for (CheckInRow c : snapshot.checkIns()) {
            require(keyResults, c.keyResultId(), "check-in " + c.id() + " names key result");
            checkInsByKeyResult.computeIfAbsent(c.keyResultId(), k -> new ArrayList<>()).add(c);
        }
        checkInsByKeyResult.values().forEach(list -> list.sort(CheckInRow.CHRONOLOGICAL));

        for (KpiRow k : sortedById(snapshot.kpis(), KpiRow::id)) {
            require(units, k.unitId(), "KPI " + k.key() + " names unit");
            for (Long child : k.childIds()) {
                require(kpis, child, "KPI " + k.key() + " names child KPI");
            }
            if (k.isRatio()) {
                require(kpis, k.numeratorId(), "ratio KPI " + k.key() + " names numerator");
                require(kpis, k.denominatorId(), "ratio KPI " + k.key() + " names denominator");
            }
            if (k.isRollUp() && k.isRatio()) {
                throw new IllegalStateException("KPI " + k.key() + " is both a roll-up and a ratio");
            }
            if (!k.isRollUp() && !k.childIds().isEmpty()) {
                throw new IllegalStateException("KPI " + k.key() + " names child KPIs but no unit aggregation");
            }
            kpisByUnit.computeIfAbsent(k.unitId(), u -> new ArrayList<>()).add(k);
        }
        for (MeasurementRow m : snapshot.measurements()) {
            require(kpis, m.kpiId(), "a measurement of " + m.date() + " names KPI");
            // at most one value per KPI and date: a later row for the same date replaces an earlier one
            measurementsByKpi.computeIfAbsent(m.kpiId(), k -> new TreeMap<>()).put(m.date(), m.value());
        }
    }

    private static <T> Map<Long, T> byId(List<T> rows, ToLongFunction<T> id, String what) {
        Map<Long, T> map = new HashMap<>(Math.max(16, rows.size() * 2));
        for (T row : rows) {
            if (map.putIfAbsent(id.applyAsLong(row), row) != null) {
                throw new IllegalStateException("the snapshot holds two " + what + " rows with id " + id.applyAsLong(row));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static <T> List<T> sortedById(List<T> rows, ToLongFunction<T> id) {
        List<T> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(id));
        return sorted;
    }

    private static <T> T require(Map<Long, T> map, Long id, String who) {
        T row = id == null ? null : map.get(id);
        if (row == null) {
            throw new IllegalStateException(who + " " + id + ", which is not in the snapshot");
        }
        return row;
    }

    public CycleSnapshot snapshot() {
        return snapshot;
    }

    public CycleInfo cycle() {
        return snapshot.cycle();
    }

    public UnitRow unit(long id) {
        return require(units, id, "no unit with id");
    }

    public ObjectiveRow objective(long id) {
        return require(objectives, id, "no objective with id");
    }

    public KeyResultRow keyResult(long id) {
        return require(keyResults, id, "no key result with id");
    }

    public KpiRow kpi(long id) {
        return require(kpis, id, "no KPI with id");
    }

    /** All units of the company in path order (the tree in pre-order). */
    public List<UnitRow> unitsInPathOrder() {
        return unitsInPathOrder;
    }

    /** The unit's objectives in this cycle, by id. */
    public List<ObjectiveRow> objectivesOf(long unitId) {
        return listOf(objectivesByUnit, unitId);
    }

    /** The objectives aligned to this one (its children in the cascade), by id. */
    public List<ObjectiveRow> childrenOf(long objectiveId) {
        return listOf(childObjectives, objectiveId);
    }

    /** The objective's key results, by id. */
    public List<KeyResultRow> keyResultsOf(long objectiveId) {
        return listOf(keyResultsByObjective, objectiveId);
    }

    /** Every check-in of the key result, oldest first ({@link CheckInRow#CHRONOLOGICAL}). */
    public List<CheckInRow> checkInsOf(long keyResultId) {
        return listOf(checkInsByKeyResult, keyResultId);
    }

    /** The unit's KPIs, by id. */
    public List<KpiRow> kpisOf(long unitId) {
        return listOf(kpisByUnit, unitId);
    }

    /** The KPI's measurements by date, one value per date. */
    public NavigableMap<LocalDate, BigDecimal> measurementsOf(long kpiId) {
        NavigableMap<LocalDate, BigDecimal> m = measurementsByKpi.get(kpiId);
        return m == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(m);
    }

    /**
     * R1: the latest check-in with an effective date on or before {@code asOf}, or null.
     * Check-ins are sorted oldest first, so this is a binary search for the last one in range.
     */
    public CheckInRow latestCheckIn(long keyResultId, LocalDate asOf) {
        List<CheckInRow> list = checkInsOf(keyResultId);
        int lo = 0;
        int hi = list.size(); // first index with a date after asOf
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (list.get(mid).effectiveDate().isAfter(asOf)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo == 0 ? null : list.get(lo - 1);
    }

    /** The path of the unit an objective belongs to. */
    public String unitPathOf(ObjectiveRow objective) {
        return unit(objective.unitId()).path();
    }

    private static <T> List<T> listOf(Map<Long, List<T>> map, long id) {
        List<T> list = map.get(id);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }
}
