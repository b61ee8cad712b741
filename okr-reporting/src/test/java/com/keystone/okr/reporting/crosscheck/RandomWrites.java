package com.keystone.okr.reporting.crosscheck;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.objective.ContributorKind;
import com.keystone.okr.reporting.objective.GradedSubject;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Random writes of the kinds people and integrations make, applied to a company's rows (the
 * truth) and handed out as the batch of changed rows a live model receives: check-ins (back-dated
 * ones too), measurements that replace others, changed weights, targets, owners and KPI links,
 * re-alignments, new objectives and key results, KPI thresholds, kinds and children, a new unit,
 * and a cycle close with its frozen grades. Every write keeps the rules the domain enforces
 * (alignment to the same or an ancestor unit, no loops, roll-up children from units below).
 */
final class RandomWrites {

    private final Random random;
    private CycleInfo cycle;
    private final Map<Long, UnitRow> units = new LinkedHashMap<>();
    private final Map<Long, ObjectiveRow> objectives = new LinkedHashMap<>();
    private final Map<Long, KeyResultRow> keyResults = new LinkedHashMap<>();
    private final Map<Long, CheckInRow> checkIns = new LinkedHashMap<>();
    private final Map<Long, KpiRow> kpis = new LinkedHashMap<>();
    private final Map<String, MeasurementRow> measurements = new LinkedHashMap<>();
    private long nextId = 1_000_000;
    private Instant clock = Instant.parse("2026-06-01T00:00:00Z");
    /** What the writes exercised, so that a generator gone dull fails the test instead of passing it. */
    final Map<String, Integer> seen = new java.util.TreeMap<>();

    RandomWrites(CycleSnapshot start, long seed) {
        this.random = new Random(seed);
        this.cycle = start.cycle();
        start.units().forEach(u -> units.put(u.id(), u));
        start.objectives().forEach(o -> objectives.put(o.id(), o));
        start.keyResults().forEach(k -> keyResults.put(k.id(), k));
        start.checkIns().forEach(c -> checkIns.put(c.id(), c));
        start.kpis().forEach(k -> kpis.put(k.id(), k));
        start.measurements().forEach(m -> measurements.put(m.kpiId() + "@" + m.date(), m));
    }

    /** Every row as it stands now. */
    CycleSnapshot snapshot() {
        return new CycleSnapshot(cycle, new ArrayList<>(units.values()), new ArrayList<>(objectives.values()),
                new ArrayList<>(keyResults.values()), new ArrayList<>(checkIns.values()), new ArrayList<>(kpis.values()),
                new ArrayList<>(measurements.values()));
    }

    CycleInfo cycle() {
        return cycle;
    }

    /** A batch of {@code writes} random writes, as the changed rows (the last version of each). */
    CycleChanges batch(int writes) {
        Batch b = new Batch();
        for (int i = 0; i < writes; i++) {
            write(b);
        }
        return new CycleChanges(b.cycle, new ArrayList<>(b.units.values()), new ArrayList<>(b.objectives.values()),
                new ArrayList<>(b.keyResults.values()), new ArrayList<>(b.checkIns.values()),
                new ArrayList<>(b.kpis.values()), new ArrayList<>(b.measurements.values()));
    }

    /** Closes the cycle as the product does: state CLOSED and every grade frozen as of the end date (R4). */
    CycleChanges close() {
        Map<GradedSubject, BigDecimal> grades = new OkrEngine().gradesToFreeze(snapshot());
        cycle = new CycleInfo(cycle.name(), cycle.startDate(), cycle.endDate(), CycleState.CLOSED);
        Batch b = new Batch();
        b.cycle = cycle;
        grades.forEach((subject, grade) -> {
            if (subject.kind() == ContributorKind.OBJECTIVE) {
                ObjectiveRow o = objectives.get(subject.id());
                put(b, new ObjectiveRow(o.id(), o.key(), o.title(), o.unitId(), o.parentId(), o.owner(), o.weight(), grade,
                        o.gradeOverride()));
            } else {
                KeyResultRow k = keyResults.get(subject.id());
                put(b, new KeyResultRow(k.id(), k.key(), k.title(), k.objectiveId(), k.type(), k.start(), k.target(),
                        k.weight(), k.owner(), k.kpiId(), grade, k.gradeOverride()));
            }
        });
        seen.merge("cycle close", 1, Integer::sum);
        return new CycleChanges(b.cycle, List.of(), new ArrayList<>(b.objectives.values()),
                new ArrayList<>(b.keyResults.values()), List.of(), List.of(), List.of());
    }

    private void write(Batch b) {
        int roll = random.nextInt(100);
        if (roll < 35 && !keyResults.isEmpty()) {
            checkIn(b);
        } else if (roll < 55 && !kpis.isEmpty()) {
            measurement(b);
        } else if (roll < 65 && !keyResults.isEmpty()) {
            changeKeyResult(b);
        } else if (roll < 75 && !objectives.isEmpty()) {
            changeObjective(b);
        } else if (roll < 82) {
            newObjective(b);
        } else if (roll < 94 && !kpis.isEmpty()) {
            changeKpi(b);
        } else if (roll < 97) {
            newKpi(b);
        } else {
            newUnit(b);
        }
    }

    private void checkIn(Batch b) {
        KeyResultRow kr = pick(new ArrayList<>(keyResults.values()));
        boolean backDated = chance(0.3);
        LocalDate date = backDated ? cycle.startDate().plusDays(random.nextInt((int) cycle.totalDays()))
                : cycle.startDate().plusDays(random.nextInt((int) cycle.totalDays() + 20) - 5);
        clock = clock.plusSeconds(random.nextInt(2)); // ties on recorded-at happen
        CheckInRow c = new CheckInRow(nextId++, kr.id(), date, decimal(-2, 12), chance(0.3) ? null : 1 + random.nextInt(10),
                clock);
        checkIns.put(c.id(), c);
        b.checkIns.put(c.id(), c);
        seen.merge(backDated ? "back-dated check-in" : "check-in", 1, Integer::sum);
    }

    private void measurement(Batch b) {
        KpiRow k = pick(new ArrayList<>(kpis.values()));
        LocalDate date;
        List<MeasurementRow> ofKpi = measurements.values().stream().filter(m -> m.kpiId() == k.id()).toList();
        boolean replace = !ofKpi.isEmpty() && chance(0.4);
        date = replace ? pick(ofKpi).date() : cycle.startDate().plusDays(random.nextInt((int) cycle.totalDays() + 10) - 5);
        MeasurementRow m = new MeasurementRow(k.id(), date, chance(0.1) ? BigDecimal.ZERO : decimal(-2, 20));
        measurements.put(k.id() + "@" + date, m);
        b.measurements.put(k.id() + "@" + date, m);
        seen.merge(replace ? "measurement replacing another" : "measurement", 1, Integer::sum);
    }

    private void changeKeyResult(Batch b) {
        KeyResultRow k = pick(new ArrayList<>(keyResults.values()));
        BigDecimal weight = k.weight();
        BigDecimal target = k.target();
        String owner = k.owner();
        Long kpi = k.kpiId();
        int what = random.nextInt(4);
        if (what == 0) {
            weight = weight();
            seen.merge("key result weight", 1, Integer::sum);
        } else if (what == 1 && k.type() != KeyResultType.MILESTONE) {
            do {
                target = decimal(0, 10);
            } while (k.start() != null && target.compareTo(k.start()) == 0);
            seen.merge("key result target", 1, Integer::sum);
        } else if (what == 2) {
            owner = pick(new String[] {"alice", "bob", null});
            seen.merge("key result owner", 1, Integer::sum);
        } else {
            kpi = kpis.isEmpty() || chance(0.4) ? null : pick(new ArrayList<>(kpis.values())).id();
            seen.merge("key result KPI link", 1, Integer::sum);
        }
        put(b, new KeyResultRow(k.id(), k.key(), k.title(), k.objectiveId(), k.type(), k.start(), target, weight, owner, kpi,
                k.frozenGrade(), k.gradeOverride()));
    }

    private void changeObjective(Batch b) {
        ObjectiveRow o = pick(new ArrayList<>(objectives.values()));
        BigDecimal weight = o.weight();
        Long parent = o.parentId();
        String owner = o.owner();
        int what = random.nextInt(3);
        if (what == 0) {
            weight = weight();
            seen.merge("objective weight", 1, Integer::sum);
        } else if (what == 1) {
            List<ObjectiveRow> parents = validParents(o.unitId(), descendantsOf(o.id()));
            parent = parents.isEmpty() || chance(0.25) ? null : pick(parents).id();
            seen.merge("alignment", 1, Integer::sum);
        } else {
            owner = pick(new String[] {"alice", "bob", null});
            seen.merge("objective owner", 1, Integer::sum);
        }
        put(b, new ObjectiveRow(o.id(), o.key(), "Objective " + o.key() + (what == 2 ? " (renamed)" : ""), o.unitId(),
                parent, owner, weight, o.frozenGrade(), o.gradeOverride()));
    }

    private void newObjective(Batch b) {
        UnitRow unit = pick(new ArrayList<>(units.values()));
        List<ObjectiveRow> parents = validParents(unit.id(), Set.of());
        long id = nextId++;
        ObjectiveRow o = new ObjectiveRow(id, "NO" + id, "New objective", unit.id(),
                parents.isEmpty() || chance(0.3) ? null : pick(parents).id(), pick(new String[] {"alice", null}), weight(),
                null, null);
        put(b, o);
        int krs = random.nextInt(4);
        for (int i = 0; i < krs; i++) {
            long krId = nextId++;
            BigDecimal s = decimal(0, 5);
            put(b, new KeyResultRow(krId, "NK" + krId, "New key result", id, KeyResultType.NUMERIC, s, s.add(BigDecimal.TEN),
                    weight(), "bob", null, null, null));
        }
        seen.merge("new objective", 1, Integer::sum);
    }

    private void changeKpi(Batch b) {
        KpiRow k = pick(new ArrayList<>(kpis.values()));
        BigDecimal target = k.target();
        BigDecimal warning = k.warning();
        KpiKind kind = k.kind();
        TimeAggregation time = k.timeAggregation();
        List<Long> children = k.childIds();
        String owner = k.owner();
        int what = random.nextInt(5);
        if (what == 0) {
            BigDecimal shift = decimal(-3, 3);
            target = target.add(shift);
            warning = warning.add(shift);
            seen.merge("KPI thresholds", 1, Integer::sum);
        } else if (what == 1) {
            kind = kind == KpiKind.LEADING ? KpiKind.LAGGING : KpiKind.LEADING;
            seen.merge("KPI kind", 1, Integer::sum);
        } else if (what == 2) {
            time = pick(TimeAggregation.values());
            seen.merge("KPI time aggregation", 1, Integer::sum);
        } else if (what == 3 && k.isRollUp()) {
            List<Long> next = new ArrayList<>(children);
            List<KpiRow> candidates = childCandidates(k);
            if (next.size() > 1 && chance(0.5)) {
                next.remove(random.nextInt(next.size()));
            } else if (!candidates.isEmpty()) {
                long child = pick(candidates).id();
                if (!next.contains(child)) {
                    next.add(child);
                }
            }
            children = next;
            seen.merge("KPI children", 1, Integer::sum);
        } else {
            owner = owner == null ? "kim" : null;
            seen.merge("KPI owner", 1, Integer::sum);
        }
        put(b, new KpiRow(k.id(), k.key(), k.name(), k.unitId(), owner, k.direction(), kind, target, warning, time,
                k.unitAggregation(), children, k.numeratorId(), k.denominatorId()));
    }

    private void newKpi(Batch b) {
        UnitRow unit = pick(new ArrayList<>(units.values()));
        long id = nextId++;
        KpiRow k = new KpiRow(id, "NKPI" + id, "New KPI", unit.id(), "kim", com.keystone.okr.domain.kpi.Direction.HIGHER_IS_BETTER,
                pick(KpiKind.values()), BigDecimal.TEN, BigDecimal.ONE, pick(TimeAggregation.values()), null, List.of(), null,
                null);
        List<KpiRow> below = new ArrayList<>();
        for (KpiRow other : kpis.values()) {
            if (isBelow(other.unitId(), unit.id())) {
                below.add(other);
            }
        }
        if (!below.isEmpty() && chance(0.5)) {
            k = new KpiRow(id, k.key(), k.name(), unit.id(), k.owner(), k.direction(), k.kind(), k.target(), k.warning(),
                    k.timeAggregation(), pick(UnitAggregation.values()), List.of(pick(below).id()), null, null);
            seen.merge("new roll-up KPI", 1, Integer::sum);
        } else {
            seen.merge("new KPI", 1, Integer::sum);
        }
        put(b, k);
    }

    private void newUnit(Batch b) {
        UnitRow parent = pick(new ArrayList<>(units.values()));
        long id = nextId++;
        UnitRow u = new UnitRow(id, parent.path() + "/New" + id, parent.id(), parent.depth() + 1);
        units.put(id, u);
        b.units.put(id, u);
        seen.merge("new unit", 1, Integer::sum);
    }

    /** Objectives of the unit or an ancestor, leaving out {@code excluded} (an objective's own subtree). */
    private List<ObjectiveRow> validParents(long unitId, Set<Long> excluded) {
        List<ObjectiveRow> parents = new ArrayList<>();
        for (ObjectiveRow p : objectives.values()) {
            if (!excluded.contains(p.id()) && (p.unitId() == unitId || isBelow(unitId, p.unitId()))) {
                parents.add(p);
            }
        }
        return parents;
    }

    private Set<Long> descendantsOf(long objectiveId) {
        Set<Long> all = new HashSet<>(Set.of(objectiveId));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ObjectiveRow o : objectives.values()) {
                if (o.parentId() != null && all.contains(o.parentId()) && all.add(o.id())) {
                    grew = true;
                }
            }
        }
        return all;
    }

    /** KPIs of units strictly below {@code k}'s unit that do not depend on {@code k} (no loop). */
    private List<KpiRow> childCandidates(KpiRow k) {
        List<KpiRow> out = new ArrayList<>();
        for (KpiRow other : kpis.values()) {
            if (isBelow(other.unitId(), k.unitId()) && !dependsOn(other, k.id())) {
                out.add(other);
            }
        }
        return out;
    }

    private boolean dependsOn(KpiRow k, long target) {
        if (k.id() == target) {
            return true;
        }
        List<Long> refs = new ArrayList<>(k.childIds());
        if (k.isRatio()) {
            refs.add(k.numeratorId());
            refs.add(k.denominatorId());
        }
        for (Long r : refs) {
            if (dependsOn(kpis.get(r), target)) {
                return true;
            }
        }
        return false;
    }

    /** Whether unit {@code a} lies strictly below unit {@code b}. */
    private boolean isBelow(long a, long b) {
        return units.get(a).path().startsWith(units.get(b).path() + "/");
    }

    private void put(Batch b, ObjectiveRow o) {
        objectives.put(o.id(), o);
        b.objectives.put(o.id(), o);
    }

    private void put(Batch b, KeyResultRow k) {
        keyResults.put(k.id(), k);
        b.keyResults.put(k.id(), k);
    }

    private void put(Batch b, KpiRow k) {
        kpis.put(k.id(), k);
        b.kpis.put(k.id(), k);
    }

    private BigDecimal weight() {
        return chance(0.1) ? null : new BigDecimal(pick(new String[] {"0", "0.5", "1", "2", "3"}));
    }

    private BigDecimal decimal(int from, int to) {
        return BigDecimal.valueOf(from * 10L + random.nextInt((to - from) * 10 + 1), 1);
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }

    private static final class Batch {
        CycleInfo cycle;
        final Map<Long, UnitRow> units = new LinkedHashMap<>();
        final Map<Long, ObjectiveRow> objectives = new LinkedHashMap<>();
        final Map<Long, KeyResultRow> keyResults = new LinkedHashMap<>();
        final Map<Long, CheckInRow> checkIns = new LinkedHashMap<>();
        final Map<Long, KpiRow> kpis = new LinkedHashMap<>();
        final Map<String, MeasurementRow> measurements = new LinkedHashMap<>();
    }
}
