package com.keystone.okr.bench;

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
import java.util.List;
import java.util.Random;

/**
 * An enterprise-sized company as the engine sees it: a unit tree (10 departments, teams of
 * teams), three objectives per unit aligned up the cascade, four key results per objective
 * with weekly check-ins, and KPIs per unit rolled up to their parents, with a ratio per
 * department. Seeded, so every run measures the same company.
 */
final class Companies {

    private Companies() {
    }

    static CycleSnapshot generate(int units, long seed) {
        return generate(units, seed, 3, 4, 8, false);
    }

    /**
     * The enterprise shape: 10 objectives of 3 key results per unit, 17 check-ins per key
     * result, an orders KPI measured daily on every unit beside the leads roll-up, an NPS KPI on
     * every other unit (per 2,000 units about 1,000,000 check-ins and 5,000 KPIs).
     */
    static CycleSnapshot enterprise(int units, long seed) {
        return generate(units, seed, 10, 3, 17, true);
    }

    private static CycleSnapshot generate(int units, long seed, int objectivesPerUnit, int krsPerObjective, int checkInsPerKr,
                                          boolean daily) {
        Random r = new Random(seed);
        LocalDate start = LocalDate.of(2026, 10, 1);
        LocalDate end = LocalDate.of(2026, 12, 31);
        List<UnitRow> unitRows = new ArrayList<>();
        List<ObjectiveRow> objectives = new ArrayList<>();
        List<KeyResultRow> krs = new ArrayList<>();
        List<CheckInRow> checkIns = new ArrayList<>();
        List<KpiRow> kpis = new ArrayList<>();
        List<MeasurementRow> measurements = new ArrayList<>();
        long id = 1;
        unitRows.add(new UnitRow(id++, "Co", null, 0));
        for (int i = 1; i < units; i++) {
            UnitRow parent = i <= 10 ? unitRows.get(0) : unitRows.get(1 + r.nextInt(Math.min(i - 1, 10 + (i - 1) / 3)));
            unitRows.add(new UnitRow(id++, parent.path() + "/U" + i, parent.id(), parent.depth() + 1));
        }
        List<List<ObjectiveRow>> byUnit = new ArrayList<>();
        List<Long> kpiOfUnit = new ArrayList<>();
        for (UnitRow u : unitRows) {
            List<ObjectiveRow> mine = new ArrayList<>();
            for (int o = 0; o < objectivesPerUnit; o++) {
                Long parent = null;
                if (u.parentId() != null) {
                    List<ObjectiveRow> above = byUnit.get(index(unitRows, u.parentId()));
                    parent = above.get(r.nextInt(above.size())).id();
                }
                ObjectiveRow row = new ObjectiveRow(id++, "O" + id, "objective", u.id(), parent, "owner",
                        BigDecimal.ONE, null, null);
                mine.add(row);
                objectives.add(row);
                for (int k = 0; k < krsPerObjective; k++) {
                    long krId = id++;
                    krs.add(new KeyResultRow(krId, "K" + krId, "kr", row.id(), KeyResultType.NUMERIC, BigDecimal.ZERO,
                            BigDecimal.valueOf(100), BigDecimal.ONE, "owner", null, null, null));
                    int every = daily ? Math.max(1, 65 / checkInsPerKr) : 7; // weekly in the original shape
                    for (int w = 0; w < checkInsPerKr; w++) {
                        LocalDate d = start.plusDays((long) every * w + r.nextInt(every));
                        checkIns.add(new CheckInRow(id++, krId, d, BigDecimal.valueOf(r.nextInt(120)), 5,
                                Instant.parse("2026-10-01T10:00:00Z").plusSeconds(w * 604800L)));
                    }
                }
            }
            byUnit.add(mine);
            long kpiId = id++;
            kpiOfUnit.add(kpiId);
        }
        for (int i = 0; i < unitRows.size(); i++) {
            UnitRow u = unitRows.get(i);
            List<Long> children = new ArrayList<>();
            for (int j = 0; j < unitRows.size(); j++) {
                if (u.id() == (unitRows.get(j).parentId() == null ? -1 : unitRows.get(j).parentId())) {
                    children.add(kpiOfUnit.get(j));
                }
            }
            boolean rollUp = !children.isEmpty();
            kpis.add(new KpiRow(kpiOfUnit.get(i), "LEADS-" + i, "leads", u.id(), null, Direction.HIGHER_IS_BETTER,
                    i % 2 == 0 ? KpiKind.LEADING : KpiKind.LAGGING, BigDecimal.valueOf(100), BigDecimal.valueOf(50),
                    TimeAggregation.SUM, rollUp ? UnitAggregation.SUM : null, children, null, null));
            if (!rollUp) {
                for (int w = 0; w < 12; w++) {
                    measurements.add(new MeasurementRow(kpiOfUnit.get(i), start.plusWeeks(w), BigDecimal.valueOf(r.nextInt(20))));
                }
            }
            if (daily) {
                long orders = id++;
                kpis.add(new KpiRow(orders, "ORDERS-" + i, "orders", u.id(), "owner", Direction.HIGHER_IS_BETTER,
                        KpiKind.LAGGING, BigDecimal.valueOf(20), BigDecimal.valueOf(12), TimeAggregation.SUM, null, List.of(),
                        null, null));
                long nps = i % 2 == 1 ? id++ : -1;
                if (nps > 0) {
                    kpis.add(new KpiRow(nps, "NPS-" + i, "nps", u.id(), "owner", Direction.HIGHER_IS_BETTER, KpiKind.LAGGING,
                            BigDecimal.valueOf(50), BigDecimal.valueOf(30), TimeAggregation.LAST, null, List.of(), null, null));
                }
                for (LocalDate d = start; d.isBefore(start.plusDays(92)); d = d.plusDays(1)) {
                    measurements.add(new MeasurementRow(orders, d, BigDecimal.valueOf(r.nextInt(5))));
                    if (nps > 0) {
                        measurements.add(new MeasurementRow(nps, d, BigDecimal.valueOf(20 + r.nextInt(60))));
                    }
                }
            }
        }
        return new CycleSnapshot(new CycleInfo("2026-Q4", start, end, CycleState.ACTIVE), unitRows, objectives, krs,
                checkIns, kpis, measurements);
    }

    private static int index(List<UnitRow> units, long id) {
        return (int) (id - units.get(0).id()); // unit ids are 1..n in order
    }
}
