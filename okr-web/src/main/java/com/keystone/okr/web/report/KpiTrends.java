package com.keystone.okr.web.report;

import com.keystone.okr.reporting.kpi.KpiPeriod;
import com.keystone.okr.reporting.kpi.KpiValues;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.support.DependencyOrder;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every KPI's value for the cycle (R6) as of the end of each week of the cycle: the trend a KPI
 * chart draws. All dates are computed by the engine's KPI rules from the live model's rows, so a
 * trend costs a pass over the KPIs per week, and no load.
 *
 * @param dates  the as-of dates: each week's last day (start + 6, start + 13, ...) up to the
 *               cycle's end or the day looked at, whichever comes first, and that day itself
 * @param values by KPI key, the value as of each date (null where the KPI has none)
 */
public record KpiTrends(List<LocalDate> dates, Map<String, List<Double>> values) implements Serializable {

    private static final long serialVersionUID = 1L;

    public KpiTrends {
        dates = List.copyOf(dates);
        Map<String, List<Double>> copy = new HashMap<>();
        values.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        values = Collections.unmodifiableMap(copy);
    }

    /** The values of one KPI, one per date (nulls where it has no value); all nulls for an unknown KPI. */
    public List<Double> of(String kpiKey) {
        List<Double> v = values.get(kpiKey);
        return v != null ? v : Collections.nCopies(dates.size(), null);
    }

    /** The trend of every KPI of the index's cycle up to {@code day}: the KPI values (R6) as of each week's end. */
    public static KpiTrends compute(SnapshotIndex index, LocalDate day) {
        return compute(index, day, index.kpis());
    }

    /**
     * The trend of the KPIs with these keys (unknown keys are left out): each week's values of
     * those KPIs and of the KPIs they are computed from, and no other, so one KPI's chart costs
     * its own measurements.
     */
    public static KpiTrends compute(SnapshotIndex index, LocalDate day, Set<String> kpiKeys) {
        List<KpiRow> wanted = new ArrayList<>();
        for (KpiRow k : index.kpis()) {
            if (kpiKeys.contains(k.key())) {
                wanted.add(k);
            }
        }
        return compute(index, day, wanted);
    }

    private static KpiTrends compute(SnapshotIndex index, LocalDate day, Collection<KpiRow> wanted) {
        CycleInfo cycle = index.cycle();
        List<LocalDate> dates = weekEnds(cycle.startDate(), cycle.endDate(), day);
        List<KpiRow> order = DependencyOrder.of(wanted, k -> KpiValues.references(index, k), k -> "KPI " + k.key());
        Map<String, List<Double>> values = new HashMap<>();
        for (KpiRow k : wanted) {
            values.put(k.key(), new ArrayList<>(dates.size()));
        }
        for (LocalDate date : dates) {
            Optional<KpiPeriod> period = KpiPeriod.ofCycle(cycle, date);
            Map<Long, BigDecimal> known = new HashMap<>(order.size() * 2);
            for (KpiRow k : order) {
                known.put(k.id(), period.map(p -> KpiValues.valueOf(index, k, p, known)).orElse(null));
            }
            for (KpiRow k : wanted) {
                BigDecimal v = known.get(k.id());
                values.get(k.key()).add(v == null ? null : v.doubleValue());
            }
        }
        return new KpiTrends(dates, values);
    }

    /**
     * The last day of each week of the cycle up to {@code min(end, day)}, and that day itself when
     * it ends a partial week; empty when {@code day} is before the start (nothing to draw yet).
     */
    public static List<LocalDate> weekEnds(LocalDate start, LocalDate end, LocalDate day) {
        LocalDate last = day.isBefore(end) ? day : end;
        List<LocalDate> dates = new ArrayList<>();
        if (last.isBefore(start)) {
            return dates;
        }
        for (LocalDate d = start.plusDays(6); !d.isAfter(last); d = d.plusWeeks(1)) {
            dates.add(d);
        }
        if (dates.isEmpty() || !dates.get(dates.size() - 1).equals(last)) {
            dates.add(last);
        }
        return dates;
    }
}
