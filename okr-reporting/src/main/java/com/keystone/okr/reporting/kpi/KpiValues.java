package com.keystone.okr.reporting.kpi;

import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import com.keystone.okr.reporting.support.DependencyOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * R6: KPI values for a period. Measured KPIs aggregate their measurements over time; roll-ups
 * combine their children's values, ratios divide two values, each of which may itself be
 * computed. Every KPI is computed once, dependencies first, so shared children and long chains
 * cost nothing extra. Values stay decimals: sums of money and counts are exact and a value
 * equal to its target is green (R7), where doubles would miss it by a rounding error.
 */
public final class KpiValues {

    /** Precision of the only inexact steps, the divisions of AVG and of ratios: 34 digits. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;

    private KpiValues() {
    }

    /**
     * R6: the value of every KPI of the snapshot for the period by KPI id; a KPI without a value
     * maps to null. An empty period (as of a day before the cycle starts) gives no KPI a value.
     *
     * @throws IllegalStateException when KPI references form a loop
     */
    public static Map<Long, BigDecimal> compute(SnapshotIndex index, Optional<KpiPeriod> period) {
        List<KpiRow> all = new ArrayList<>(index.kpis());
        List<KpiRow> order = DependencyOrder.of(all, k -> references(index, k), k -> "KPI " + k.key());
        Map<Long, BigDecimal> values = new HashMap<>(Math.max(16, all.size() * 2));
        for (KpiRow k : order) {
            values.put(k.id(), period.map(p -> valueOf(index, k, p, values)).orElse(null));
        }
        return values;
    }

    /** The KPIs a KPI's value is computed from: its children, or its numerator and denominator. */
    public static List<KpiRow> references(SnapshotIndex index, KpiRow k) {
        if (index.kpisOnLoops().contains(k.id())) {
            return List.of(); // a KPI on a loop of references has no value, so it needs none
        }
        List<KpiRow> refs = new ArrayList<>(k.childIds().size() + 2);
        for (Long child : k.childIds()) {
            refs.add(index.kpi(child));
        }
        if (k.isRatio()) {
            refs.add(index.kpi(k.numeratorId()));
            refs.add(index.kpi(k.denominatorId()));
        }
        return refs;
    }

    /** The measurements of a KPI within the period, by date. */
    public static NavigableMap<LocalDate, BigDecimal> measurementsIn(SnapshotIndex index, KpiRow k, KpiPeriod period) {
        return index.measurementsOf(k.id()).subMap(period.from(), true, period.to(), true);
    }

    /** R6: one KPI's value for the period, given the values already {@code known} of the KPIs it is computed from. */
    public static BigDecimal valueOf(SnapshotIndex index, KpiRow k, KpiPeriod period, Map<Long, BigDecimal> known) {
        if (index.kpisOnLoops().contains(k.id())) {
            return null; // its references come back to it: no value (the coach names it, KPI_LOOP)
        }
        if (k.isRatio()) {
            return ratio(known.get(k.numeratorId()), known.get(k.denominatorId()));
        }
        if (k.isRollUp()) {
            List<BigDecimal> withData = new ArrayList<>(k.childIds().size());
            for (Long child : k.childIds()) {
                BigDecimal v = known.get(child);
                if (v != null) {
                    withData.add(v);
                }
            }
            return acrossUnits(k.unitAggregation(), withData);
        }
        if (k.timeAggregation() == null) {
            throw new IllegalStateException("measured KPI " + k.key() + " has no time aggregation");
        }
        return overTime(k.timeAggregation(), measurementsIn(index, k, period).values());
    }

    /**
     * R6 time aggregation of the measurements in a period, given oldest first; null when there is none.
     * {@code LAST} is the measurement of the latest date.
     */
    public static BigDecimal overTime(TimeAggregation aggregation, Collection<BigDecimal> oldestFirst) {
        if (oldestFirst.isEmpty()) {
            return null;
        }
        switch (aggregation) {
            case LAST: {
                BigDecimal last = null;
                for (Iterator<BigDecimal> it = oldestFirst.iterator(); it.hasNext(); ) {
                    last = it.next();
                }
                return last;
            }
            case SUM:
                return sum(oldestFirst);
            case AVG:
                return sum(oldestFirst).divide(BigDecimal.valueOf(oldestFirst.size()), DIVISION);
            case MIN:
                return oldestFirst.stream().min(BigDecimal::compareTo).orElseThrow();
            case MAX:
                return oldestFirst.stream().max(BigDecimal::compareTo).orElseThrow();
            default:
                throw new IllegalArgumentException("unknown time aggregation " + aggregation);
        }
    }

    /** R6 unit aggregation of the children's values that exist; null when no child has a value. */
    public static BigDecimal acrossUnits(UnitAggregation aggregation, Collection<BigDecimal> childValues) {
        if (childValues.isEmpty()) {
            return null;
        }
        switch (aggregation) {
            case SUM:
                return sum(childValues);
            case AVG:
                return sum(childValues).divide(BigDecimal.valueOf(childValues.size()), DIVISION);
            case MIN:
                return childValues.stream().min(BigDecimal::compareTo).orElseThrow();
            case MAX:
                return childValues.stream().max(BigDecimal::compareTo).orElseThrow();
            default:
                throw new IllegalArgumentException("unknown unit aggregation " + aggregation);
        }
    }

    /** R6 ratio: null when either value is missing or the denominator is zero. */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null || denominator.signum() == 0) {
            return null;
        }
        return numerator.divide(denominator, DIVISION);
    }

    private static BigDecimal sum(Collection<BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }
}
