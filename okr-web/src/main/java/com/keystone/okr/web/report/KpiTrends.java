package com.keystone.okr.web.report;

import com.keystone.okr.reporting.kpi.KpiPeriod;
import com.keystone.okr.reporting.kpi.KpiValues;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        CycleInfo cycle = index.cycle();
        List<LocalDate> dates = weekEnds(cycle.startDate(), cycle.endDate(), day);
        Map<String, List<Double>> values = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            Map<Long, BigDecimal> asOf = KpiValues.compute(index, KpiPeriod.ofCycle(cycle, dates.get(i)));
            for (KpiRow k : index.kpis()) {
                List<Double> series = values.computeIfAbsent(k.key(), x -> new ArrayList<>());
                while (series.size() < i) {
                    series.add(null);
                }
                BigDecimal v = asOf.get(k.id());
                series.add(v == null ? null : v.doubleValue());
            }
        }
        values.values().forEach(series -> {
            while (series.size() < dates.size()) {
                series.add(null);
            }
        });
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
