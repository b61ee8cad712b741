package com.keystone.okr.reporting.crosscheck;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.snapshot.CheckInRow;
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
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates a random company that the domain would accept: a unit tree, a cycle, a cascade that
 * only aligns to the same unit or an ancestor, roll-ups over KPIs of units below, ratios, and
 * check-ins and measurements on both sides of the cycle. Values are small decimals so that ties
 * (same dates, values equal to targets and thresholds, zero denominators) happen often. Rows come
 * shuffled, as a loader may hand them over in any order.
 */
final class RandomCompany {

    private static final String[] OWNERS = {"alice", "bob", "carol", null};
    private static final String[] WEIGHTS = {"0", "0.5", "1", "1", "1", "2", "3"};

    private final Random random;
    private long nextId = 1;

    private RandomCompany(long seed) {
        this.random = new Random(seed);
    }

    static CycleSnapshot generate(long seed) {
        return new RandomCompany(seed).build();
    }

    /** As-of dates worth checking for a cycle: around both ends and a few within. */
    static List<LocalDate> asOfDates(CycleInfo cycle, long seed) {
        Random r = new Random(seed ^ 0x5DEECE66DL);
        List<LocalDate> dates = new ArrayList<>(List.of(cycle.startDate().minusDays(1), cycle.startDate(),
                cycle.endDate(), cycle.endDate().plusDays(5)));
        for (int i = 0; i < 3; i++) {
            dates.add(cycle.startDate().plusDays(r.nextInt((int) cycle.totalDays() + 40) - 20));
        }
        return dates;
    }

    private long id() {
        return nextId += 1 + random.nextInt(3);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private BigDecimal decimal(int from, int to) {
        // tenths between from and to: many exact ties
        return BigDecimal.valueOf(from * 10L + random.nextInt((to - from) * 10 + 1), 1);
    }

    private BigDecimal weight() {
        return chance(0.1) ? null : new BigDecimal(pick(WEIGHTS));
    }

    private CycleSnapshot build() {
        LocalDate start = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(900));
        LocalDate end = start.plusDays(random.nextInt(120));
        CycleInfo cycle = new CycleInfo("C" + random.nextInt(1000), start, end, pick(CycleState.values()));

        List<UnitRow> units = new ArrayList<>();
        units.add(new UnitRow(id(), "Acme", null, 0));
        int unitCount = random.nextInt(10);
        for (int i = 0; i < unitCount; i++) {
            UnitRow parent = pick(units);
            String name = pick(new String[] {"Sales", "Ops", "Eng", "Sales-Ops", "Team A"}) + i;
            units.add(new UnitRow(id(), parent.path() + "/" + name, parent.id(), parent.depth() + 1));
        }

        List<KpiRow> kpis = new ArrayList<>();
        int kpiCount = random.nextInt(15);
        for (int i = 0; i < kpiCount; i++) {
            kpis.add(kpi("KPI" + i, pick(units), units, kpis));
        }

        List<MeasurementRow> measurements = new ArrayList<>();
        for (KpiRow k : kpis) {
            if (k.isComputed() && !chance(0.1)) {
                continue; // a computed KPI takes none, but stray ones must be ignored
            }
            Set<LocalDate> dates = new HashSet<>();
            int count = random.nextInt(9);
            for (int i = 0; i < count; i++) {
                LocalDate date = start.plusDays(random.nextInt((int) cycle.totalDays() + 20) - 10);
                if (dates.add(date)) {
                    measurements.add(new MeasurementRow(k.id(), date, chance(0.15) ? BigDecimal.ZERO : decimal(-2, 20)));
                }
            }
        }

        List<ObjectiveRow> objectives = new ArrayList<>();
        int objectiveCount = random.nextInt(26);
        for (int i = 0; i < objectiveCount; i++) {
            UnitRow unit = pick(units);
            List<ObjectiveRow> parents = new ArrayList<>();
            for (ObjectiveRow o : objectives) {
                UnitRow ou = byId(units, o.unitId());
                if (unit.path().equals(ou.path()) || unit.path().startsWith(ou.path() + "/")) {
                    parents.add(o);
                }
            }
            Long parentId = !parents.isEmpty() && chance(0.6) ? pick(parents).id() : null;
            BigDecimal frozen = null;
            BigDecimal override = null;
            if (cycle.isClosed() && chance(0.8)) {
                frozen = decimal(0, 1);
                override = chance(0.3) ? decimal(0, 1) : null;
            }
            objectives.add(new ObjectiveRow(id(), "O" + i, "Objective " + i, unit.id(), parentId, pick(OWNERS), weight(),
                    frozen, override));
        }

        List<KeyResultRow> keyResults = new ArrayList<>();
        List<CheckInRow> checkIns = new ArrayList<>();
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        int krNumber = 0;
        for (ObjectiveRow o : objectives) {
            int count = random.nextInt(8);
            for (int i = 0; i < count; i++) {
                KeyResultType type = pick(KeyResultType.values());
                BigDecimal s;
                BigDecimal t;
                switch (type) {
                    case MILESTONE -> {
                        s = chance(0.5) ? null : BigDecimal.ZERO;
                        t = chance(0.5) ? null : BigDecimal.ONE;
                    }
                    case AT_LEAST, AT_MOST -> {
                        s = chance(0.5) ? null : decimal(0, 10);
                        t = decimal(0, 10);
                    }
                    default -> {
                        s = decimal(0, 10);
                        do {
                            t = decimal(0, 10);
                        } while (t.compareTo(s) == 0);
                    }
                }
                Long kpiId = !kpis.isEmpty() && chance(0.2) ? pick(kpis).id() : null;
                KeyResultRow kr = new KeyResultRow(id(), "KR" + krNumber++, "Key result", o.id(), type, s, t, weight(),
                        pick(OWNERS), kpiId, cycle.isClosed() && chance(0.8) ? decimal(0, 1) : null,
                        cycle.isClosed() && chance(0.2) ? decimal(0, 1) : null);
                keyResults.add(kr);
                int checkInCount = random.nextInt(7);
                LocalDate favourite = start.plusDays(random.nextInt((int) cycle.totalDays()));
                for (int c = 0; c < checkInCount; c++) {
                    LocalDate date = chance(0.3) ? favourite
                            : start.plusDays(random.nextInt((int) cycle.totalDays() + 40) - 20);
                    Instant recorded = base.plusSeconds(random.nextInt(3)); // frequent ties
                    checkIns.add(new CheckInRow(id(), kr.id(), date, checkInValue(type, s, t),
                            chance(0.3) ? null : 1 + random.nextInt(10), recorded));
                }
            }
        }

        Collections.shuffle(units, random);
        Collections.shuffle(objectives, random);
        Collections.shuffle(keyResults, random);
        Collections.shuffle(checkIns, random);
        Collections.shuffle(kpis, random);
        Collections.shuffle(measurements, random);
        return new CycleSnapshot(cycle, units, objectives, keyResults, checkIns, kpis, measurements);
    }

    private BigDecimal checkInValue(KeyResultType type, BigDecimal s, BigDecimal t) {
        switch (type) {
            case MILESTONE:
                return pick(new BigDecimal[] {BigDecimal.ZERO, new BigDecimal("0.5"), BigDecimal.ONE, new BigDecimal("2")});
            case AT_LEAST:
            case AT_MOST:
                return t.add(decimal(-2, 2));
            default:
                // from a bit behind the start to a bit beyond the target
                double u = -0.3 + 1.6 * random.nextDouble();
                return s.add(t.subtract(s).multiply(BigDecimal.valueOf(Math.round(u * 100), 2)));
        }
    }

    private KpiRow kpi(String key, UnitRow unit, List<UnitRow> units, List<KpiRow> earlier) {
        Direction direction = pick(Direction.values());
        BigDecimal target = decimal(0, 15);
        BigDecimal gap = chance(0.2) ? BigDecimal.ZERO : decimal(0, 5);
        BigDecimal warning = direction == Direction.HIGHER_IS_BETTER ? target.subtract(gap) : target.add(gap);
        KpiKind kind = pick(KpiKind.values());
        TimeAggregation time = pick(TimeAggregation.values());
        String owner = chance(0.1) ? null : "kim";

        List<KpiRow> below = new ArrayList<>();
        for (KpiRow k : earlier) {
            if (byId(units, k.unitId()).path().startsWith(unit.path() + "/")) {
                below.add(k);
            }
        }
        double roll = random.nextDouble();
        if (roll < 0.25 && !below.isEmpty()) {
            List<Long> children = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                long child = pick(below).id();
                if (!children.contains(child)) {
                    children.add(child);
                }
            }
            return new KpiRow(id(), key, key, unit.id(), owner, direction, kind, target, warning, time,
                    pick(UnitAggregation.values()), children, null, null);
        }
        if (roll < 0.45 && earlier.size() >= 2) {
            KpiRow num = pick(earlier);
            KpiRow den = pick(earlier);
            return new KpiRow(id(), key, key, unit.id(), owner, direction, kind, target, warning, time, null, List.of(),
                    num.id(), den.id());
        }
        return new KpiRow(id(), key, key, unit.id(), owner, direction, kind, target, warning, time, null, List.of(),
                null, null);
    }

    private static UnitRow byId(List<UnitRow> units, long id) {
        for (UnitRow u : units) {
            if (u.id() == id) {
                return u;
            }
        }
        throw new IllegalArgumentException("unit " + id);
    }
}
