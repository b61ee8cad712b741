package com.keystone.okr.reporting.snapshot;

import com.keystone.okr.domain.unit.PathOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * The maps by id over a cycle's rows, built once from a {@link CycleSnapshot} in linear time
 * (plus sorting), so the rules never search a list; the live model then keeps it current row by
 * row ({@code put...}), each change costing what it touches. Building it, and every batch of
 * changes ({@link #verify}), checks that the rows are closed under their references (every id a
 * row names is present) and that the snapshot has no duplicate ids: a broken loader fails loudly
 * here instead of showing wrong numbers.
 * <p>
 * Lists it hands out are in a stable order: units in path order, the rest by id (creation
 * order), check-ins oldest first by {@link CheckInRow#CHRONOLOGICAL}. Not thread-safe: whoever
 * changes it (the live model) guards reads and writes.
 */
public final class SnapshotIndex {

    private static final Comparator<ObjectiveRow> OBJECTIVE_ORDER = Comparator.comparingLong(ObjectiveRow::id);
    private static final Comparator<KeyResultRow> KEY_RESULT_ORDER = Comparator.comparingLong(KeyResultRow::id);
    private static final Comparator<KpiRow> KPI_ORDER = Comparator.comparingLong(KpiRow::id);

    private CycleInfo cycle;
    private final Map<Long, UnitRow> units;
    private final Map<Long, ObjectiveRow> objectives;
    private final Map<Long, KeyResultRow> keyResults;
    private final Map<Long, KpiRow> kpis;
    private List<UnitRow> unitsInPathOrder;
    private final Map<Long, List<ObjectiveRow>> objectivesByUnit = new HashMap<>();
    private final Map<Long, List<ObjectiveRow>> childObjectives = new HashMap<>();
    private final Map<Long, List<KeyResultRow>> keyResultsByObjective = new HashMap<>();
    private final Map<Long, List<KeyResultRow>> keyResultsByKpi = new HashMap<>();
    /** The objectives and KPIs on a loop of stored data (null: not computed since the last change of the graph). */
    private Set<Long> objectiveLoops;
    private Set<Long> kpiLoops;
    private final Map<Long, List<CheckInRow>> checkInsByKeyResult = new HashMap<>();
    private final Map<Long, List<KpiRow>> kpisByUnit = new HashMap<>();
    private final Map<Long, List<KpiRow>> kpiDependents = new HashMap<>();
    private final Map<Long, NavigableMap<LocalDate, BigDecimal>> measurementsByKpi = new HashMap<>();
    private int checkIns;
    private int measurements;

    SnapshotIndex(CycleSnapshot snapshot) {
        this.cycle = snapshot.cycle();
        this.units = byId(snapshot.units(), UnitRow::id, "unit");
        this.objectives = byId(snapshot.objectives(), ObjectiveRow::id, "objective");
        this.keyResults = byId(snapshot.keyResults(), KeyResultRow::id, "key result");
        this.kpis = byId(snapshot.kpis(), KpiRow::id, "KPI");
        sortUnits();

        for (ObjectiveRow o : sortedById(snapshot.objectives(), ObjectiveRow::id)) {
            objectivesByUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o);
            if (o.parentId() != null) {
                childObjectives.computeIfAbsent(o.parentId(), k -> new ArrayList<>()).add(o);
            }
        }
        for (KeyResultRow kr : sortedById(snapshot.keyResults(), KeyResultRow::id)) {
            keyResultsByObjective.computeIfAbsent(kr.objectiveId(), k -> new ArrayList<>()).add(kr);
            if (kr.kpiId() != null) {
                keyResultsByKpi.computeIfAbsent(kr.kpiId(), k -> new ArrayList<>()).add(kr);
            }
        }
        for (CheckInRow c : snapshot.checkIns()) {
            require(keyResults, c.keyResultId(), "check-in " + c.id() + " names key result");
            checkInsByKeyResult.computeIfAbsent(c.keyResultId(), k -> new ArrayList<>()).add(c);
        }
        checkInsByKeyResult.values().forEach(list -> list.sort(CheckInRow.CHRONOLOGICAL));
        checkIns = snapshot.checkIns().size();
        for (KpiRow k : sortedById(snapshot.kpis(), KpiRow::id)) {
            kpisByUnit.computeIfAbsent(k.unitId(), u -> new ArrayList<>()).add(k);
            for (Long ref : references(k)) {
                kpiDependents.computeIfAbsent(ref, r -> new ArrayList<>()).add(k);
            }
        }
        for (MeasurementRow m : snapshot.measurements()) {
            require(kpis, m.kpiId(), "a measurement of " + m.date() + " names KPI");
            // at most one value per KPI and date: a later row for the same date replaces an earlier one
            if (measurementsByKpi.computeIfAbsent(m.kpiId(), k -> new TreeMap<>()).put(m.date(), m.value()) == null) {
                measurements++;
            }
        }
        verify(units.values(), objectives.values(), keyResults.values(), kpis.values());
    }

    private static <T> Map<Long, T> byId(List<T> rows, ToLongFunction<T> id, String what) {
        Map<Long, T> map = new HashMap<>(Math.max(16, rows.size() * 2));
        for (T row : rows) {
            if (map.putIfAbsent(id.applyAsLong(row), row) != null) {
                throw new IllegalStateException("the snapshot holds two " + what + " rows with id " + id.applyAsLong(row));
            }
        }
        return map;
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

    private void sortUnits() {
        List<UnitRow> ordered = new ArrayList<>(units.values());
        ordered.sort(Comparator.comparing(UnitRow::path, PathOrder.INSTANCE));
        this.unitsInPathOrder = Collections.unmodifiableList(ordered);
    }

    /**
     * Checks that the given rows (all rows, or those a batch of changes touched) name only rows
     * that exist, and that no KPI is both a roll-up and a ratio.
     *
     * @throws IllegalStateException naming the first broken reference
     */
    public void verify(Collection<UnitRow> someUnits, Collection<ObjectiveRow> someObjectives,
                       Collection<KeyResultRow> someKeyResults, Collection<KpiRow> someKpis) {
        for (UnitRow u : someUnits) {
            if (u.parentId() != null) {
                require(units, u.parentId(), "unit " + u.path() + " names parent unit");
            }
        }
        for (ObjectiveRow o : someObjectives) {
            require(units, o.unitId(), "objective " + o.key() + " names unit");
            if (o.parentId() != null) {
                require(objectives, o.parentId(), "objective " + o.key() + " is aligned to objective");
            }
        }
        for (KeyResultRow kr : someKeyResults) {
            require(objectives, kr.objectiveId(), "key result " + kr.key() + " names objective");
            if (kr.kpiId() != null) {
                require(kpis, kr.kpiId(), "key result " + kr.key() + " is linked to KPI");
            }
        }
        for (KpiRow k : someKpis) {
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
        }
    }

    // ---- changes (the live model's), each returning the row it replaced or null ----

    /** The cycle's own row changed (state, dates). */
    public void putCycle(CycleInfo changed) {
        this.cycle = Objects.requireNonNull(changed, "cycle");
    }

    /** A new or changed unit; the path order is rebuilt (units change rarely). */
    public UnitRow putUnit(UnitRow u) {
        UnitRow old = units.put(u.id(), u);
        if (!u.equals(old)) {
            sortUnits();
        }
        return old;
    }

    /** A new or changed objective: moved between units or re-aligned, its lists follow. */
    public ObjectiveRow putObjective(ObjectiveRow o) {
        ObjectiveRow old = objectives.put(o.id(), o);
        if (old == null || !Objects.equals(old.parentId(), o.parentId())) {
            objectiveLoops = null;
        }
        if (old != null) {
            remove(objectivesByUnit, old.unitId(), old.id(), ObjectiveRow::id);
            if (old.parentId() != null) {
                remove(childObjectives, old.parentId(), old.id(), ObjectiveRow::id);
            }
        }
        insert(objectivesByUnit, o.unitId(), o, OBJECTIVE_ORDER);
        if (o.parentId() != null) {
            insert(childObjectives, o.parentId(), o, OBJECTIVE_ORDER);
        }
        return old;
    }

    /** A new or changed key result. */
    public KeyResultRow putKeyResult(KeyResultRow kr) {
        KeyResultRow old = keyResults.put(kr.id(), kr);
        if (old != null) {
            remove(keyResultsByObjective, old.objectiveId(), old.id(), KeyResultRow::id);
            if (old.kpiId() != null) {
                remove(keyResultsByKpi, old.kpiId(), old.id(), KeyResultRow::id);
            }
        }
        insert(keyResultsByObjective, kr.objectiveId(), kr, KEY_RESULT_ORDER);
        if (kr.kpiId() != null) {
            insert(keyResultsByKpi, kr.kpiId(), kr, KEY_RESULT_ORDER);
        }
        return old;
    }

    /** A check-in (append-only; the same id again replaces the row), placed in R1's order. */
    public CheckInRow putCheckIn(CheckInRow c) {
        require(keyResults, c.keyResultId(), "check-in " + c.id() + " names key result");
        List<CheckInRow> list = checkInsByKeyResult.computeIfAbsent(c.keyResultId(), k -> new ArrayList<>());
        CheckInRow old = null;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == c.id()) {
                old = list.remove(i);
                break;
            }
        }
        int at = Collections.binarySearch(list, c, CheckInRow.CHRONOLOGICAL);
        list.add(at < 0 ? -at - 1 : at, c);
        if (old == null) {
            checkIns++;
        }
        return old;
    }

    /** A new or changed KPI: its unit's list and the reverse references follow. */
    public KpiRow putKpi(KpiRow k) {
        KpiRow old = kpis.put(k.id(), k);
        if (old == null || !references(old).equals(references(k))) {
            kpiLoops = null;
        }
        if (old != null) {
            remove(kpisByUnit, old.unitId(), old.id(), KpiRow::id);
            for (Long ref : references(old)) {
                remove(kpiDependents, ref, old.id(), KpiRow::id);
            }
        }
        insert(kpisByUnit, k.unitId(), k, KPI_ORDER);
        for (Long ref : references(k)) {
            insert(kpiDependents, ref, k, KPI_ORDER);
        }
        return old;
    }

    /**
     * A KPI's value for a date (one per KPI and date, R6): returns whether it changed anything.
     */
    public boolean putMeasurement(MeasurementRow m) {
        require(kpis, m.kpiId(), "a measurement of " + m.date() + " names KPI");
        BigDecimal old = measurementsByKpi.computeIfAbsent(m.kpiId(), k -> new TreeMap<>()).put(m.date(), m.value());
        if (old == null) {
            measurements++;
        }
        return !m.value().equals(old);
    }

    private static <T> void insert(Map<Long, List<T>> map, long key, T row, Comparator<T> order) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        int at = Collections.binarySearch(list, row, order);
        if (at >= 0) {
            list.set(at, row);
        } else {
            list.add(-at - 1, row);
        }
    }

    private static <T> void remove(Map<Long, List<T>> map, long key, long id, ToLongFunction<T> idOf) {
        List<T> list = map.get(key);
        if (list != null) {
            list.removeIf(row -> idOf.applyAsLong(row) == id);
            if (list.isEmpty()) {
                map.remove(key);
            }
        }
    }

    private static List<Long> references(KpiRow k) {
        if (!k.isRatio()) {
            return k.childIds();
        }
        Set<Long> refs = new LinkedHashSet<>(k.childIds());
        refs.add(k.numeratorId());
        refs.add(k.denominatorId());
        refs.remove(null);
        return new ArrayList<>(refs);
    }

    // ---- reads ----

    public CycleInfo cycle() {
        return cycle;
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

    /** Every objective of the cycle, in no particular order. */
    public Collection<ObjectiveRow> objectives() {
        return Collections.unmodifiableCollection(objectives.values());
    }

    /** Every key result of the cycle, in no particular order. */
    public Collection<KeyResultRow> keyResults() {
        return Collections.unmodifiableCollection(keyResults.values());
    }

    /** Every KPI of the company, in no particular order. */
    public Collection<KpiRow> kpis() {
        return Collections.unmodifiableCollection(kpis.values());
    }

    /** How many rows the index holds: units, objectives, key results, check-ins, KPIs and measurements. */
    public long rows() {
        return (long) units.size() + objectives.size() + keyResults.size() + checkIns + kpis.size() + measurements;
    }

    /** All units of the company in path order (the tree in pre-order). */
    public List<UnitRow> unitsInPathOrder() {
        return unitsInPathOrder;
    }

    /** The unit's objectives in this cycle, by id. */
    public List<ObjectiveRow> objectivesOf(long unitId) {
        return listOf(objectivesByUnit, unitId);
    }

    /**
     * The objectives aligned to this one (its children in the cascade), by id, leaving out those
     * whose alignment is part of a loop in the stored data (see {@link #objectivesOnLoops}).
     */
    public List<ObjectiveRow> childrenOf(long objectiveId) {
        List<ObjectiveRow> children = listOf(childObjectives, objectiveId);
        Set<Long> loops = objectivesOnLoops();
        if (loops.isEmpty() || children.stream().noneMatch(c -> loops.contains(c.id()))) {
            return children;
        }
        return children.stream().filter(c -> !loops.contains(c.id())).toList();
    }

    /**
     * The objective this one counts in: its parent, or null when it has none or when its alignment
     * is part of a loop (a loop's alignments are not counted; the coach names each objective on it).
     */
    public Long parentOf(ObjectiveRow o) {
        return o.parentId() == null || objectivesOnLoops().contains(o.id()) ? null : o.parentId();
    }

    /**
     * The objectives whose alignments form a loop in the stored data (each one's parent chain
     * comes back to it). The domain and the graph locks refuse loops, so this is empty unless
     * rows were changed behind Keystone's back; reports then still compute, without the loop.
     */
    public Set<Long> objectivesOnLoops() {
        Set<Long> loops = objectiveLoops;
        if (loops == null) {
            loops = findObjectiveLoops();
            objectiveLoops = loops;
        }
        return loops;
    }

    private Set<Long> findObjectiveLoops() {
        Set<Long> onLoop = new HashSet<>();
        Map<Long, Integer> state = new HashMap<>(); // 1 on the current walk, 2 done
        for (Long start : objectives.keySet()) {
            List<Long> walk = new ArrayList<>();
            Long at = start;
            while (at != null && !state.containsKey(at)) {
                state.put(at, 1);
                walk.add(at);
                ObjectiveRow row = objectives.get(at);
                at = row == null ? null : row.parentId();
            }
            if (at != null && state.get(at) == 1) {
                for (int i = walk.indexOf(at); i < walk.size(); i++) {
                    onLoop.add(walk.get(i));
                }
            }
            walk.forEach(id -> state.put(id, 2));
        }
        return onLoop.isEmpty() ? Set.of() : Collections.unmodifiableSet(onLoop);
    }

    /**
     * The KPIs on a loop of references (children, numerator, denominator) in the stored data:
     * they have no value and the coach names them; KPIs computed from them see no value there.
     */
    public Set<Long> kpisOnLoops() {
        Set<Long> loops = kpiLoops;
        if (loops == null) {
            loops = findKpiLoops();
            kpiLoops = loops;
        }
        return loops;
    }

    /** The KPIs in a strongly connected part of more than one KPI, or referring to themselves (iterative Kosaraju). */
    private Set<Long> findKpiLoops() {
        List<Long> finished = new ArrayList<>(kpis.size());
        Set<Long> seen = new HashSet<>();
        for (Long start : kpis.keySet()) {
            if (!seen.add(start)) {
                continue;
            }
            Deque<Iterator<Long>> stack = new ArrayDeque<>();
            Deque<Long> nodes = new ArrayDeque<>();
            nodes.push(start);
            stack.push(references(kpis.get(start)).iterator());
            while (!stack.isEmpty()) {
                Iterator<Long> it = stack.peek();
                if (it.hasNext()) {
                    Long next = it.next();
                    if (kpis.containsKey(next) && seen.add(next)) {
                        nodes.push(next);
                        stack.push(references(kpis.get(next)).iterator());
                    }
                } else {
                    stack.pop();
                    finished.add(nodes.pop());
                }
            }
        }
        Map<Long, List<Long>> reverse = new HashMap<>();
        for (KpiRow k : kpis.values()) {
            for (Long ref : references(k)) {
                reverse.computeIfAbsent(ref, x -> new ArrayList<>()).add(k.id());
            }
        }
        Set<Long> onLoop = new HashSet<>();
        Set<Long> assigned = new HashSet<>();
        for (int i = finished.size() - 1; i >= 0; i--) {
            Long root = finished.get(i);
            if (!assigned.add(root)) {
                continue;
            }
            List<Long> component = new ArrayList<>();
            Deque<Long> todo = new ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                Long at = todo.pop();
                component.add(at);
                for (Long from : reverse.getOrDefault(at, List.of())) {
                    if (assigned.add(from)) {
                        todo.push(from);
                    }
                }
            }
            if (component.size() > 1 || references(kpis.get(root)).contains(root)) {
                onLoop.addAll(component);
            }
        }
        return onLoop.isEmpty() ? Set.of() : Collections.unmodifiableSet(onLoop);
    }

    /** The objective's key results, by id. */
    public List<KeyResultRow> keyResultsOf(long objectiveId) {
        return listOf(keyResultsByObjective, objectiveId);
    }

    /** The key results that take their value from this KPI (R1), by id. */
    public List<KeyResultRow> keyResultsLinkedTo(long kpiId) {
        return listOf(keyResultsByKpi, kpiId);
    }

    /** Every check-in of the key result, oldest first ({@link CheckInRow#CHRONOLOGICAL}). */
    public List<CheckInRow> checkInsOf(long keyResultId) {
        return listOf(checkInsByKeyResult, keyResultId);
    }

    /** The unit's KPIs, by id. */
    public List<KpiRow> kpisOf(long unitId) {
        return listOf(kpisByUnit, unitId);
    }

    /** The KPIs computed from this one (as a child, numerator or denominator), by id. */
    public List<KpiRow> dependentsOf(long kpiId) {
        return listOf(kpiDependents, kpiId);
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
