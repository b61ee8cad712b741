package com.keystone.okr.reporting.crosscheck;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A second, deliberately naive implementation of the rules and of the decisions in
 * docs/rules.md, written from the text alone to cross-check the engine: every
 * question is answered by scanning the snapshot's lists and by plain recursion, with no index,
 * no memo and no code shared with the engine beyond the snapshot records and the domain enums.
 * Slow on purpose; only for the small random companies of {@link RandomizedEngineTest}.
 */
final class NaiveRules {

    private static final double TOLERANCE = 1e-9;

    private final CycleSnapshot s;
    private final LocalDate d;

    NaiveRules(CycleSnapshot snapshot, LocalDate asOf) {
        this.s = snapshot;
        this.d = asOf;
    }

    private LocalDate start() {
        return s.cycle().startDate();
    }

    private LocalDate end() {
        return s.cycle().endDate();
    }

    private boolean started() {
        return !d.isBefore(start());
    }

    // ---- lookups by scanning

    UnitRow unit(long id) {
        for (UnitRow u : s.units()) {
            if (u.id() == id) {
                return u;
            }
        }
        throw new IllegalArgumentException("unit " + id);
    }

    ObjectiveRow objective(long id) {
        for (ObjectiveRow o : s.objectives()) {
            if (o.id() == id) {
                return o;
            }
        }
        throw new IllegalArgumentException("objective " + id);
    }

    KpiRow kpi(long id) {
        for (KpiRow k : s.kpis()) {
            if (k.id() == id) {
                return k;
            }
        }
        throw new IllegalArgumentException("kpi " + id);
    }

    private static double weight(BigDecimal w) {
        return w == null ? 1.0 : w.doubleValue();
    }

    // ---- R5

    double expected() {
        if (d.isBefore(start())) {
            return 0;
        }
        if (d.isAfter(end())) {
            return 1;
        }
        long total = end().toEpochDay() - start().toEpochDay() + 1;
        long elapsed = d.toEpochDay() - start().toEpochDay() + 1;
        return (double) elapsed / total;
    }

    String pace(double p) {
        double e = expected();
        if (p >= 0.7 * e - TOLERANCE) {
            return "ON_TRACK";
        }
        if (p >= 0.4 * e - TOLERANCE) {
            return "AT_RISK";
        }
        return "OFF_TRACK";
    }

    // ---- R6

    BigDecimal kpiValue(long id) {
        KpiRow k = kpi(id);
        if (k.numeratorId() != null) {
            BigDecimal n = kpiValue(k.numeratorId());
            BigDecimal den = kpiValue(k.denominatorId());
            if (n == null || den == null || den.compareTo(BigDecimal.ZERO) == 0) {
                return null;
            }
            return n.divide(den, MathContext.DECIMAL128);
        }
        if (k.unitAggregation() != null) {
            List<BigDecimal> values = new ArrayList<>();
            for (Long child : k.childIds()) {
                BigDecimal v = kpiValue(child);
                if (v != null) {
                    values.add(v);
                }
            }
            if (values.isEmpty()) {
                return null;
            }
            switch (k.unitAggregation()) {
                case SUM:
                    return sum(values);
                case AVG:
                    return sum(values).divide(new BigDecimal(values.size()), MathContext.DECIMAL128);
                case MIN:
                    return min(values);
                default:
                    return max(values);
            }
        }
        if (!started()) {
            return null;
        }
        LocalDate to = d.isBefore(end()) ? d : end();
        List<MeasurementRow> inPeriod = new ArrayList<>();
        for (MeasurementRow m : s.measurements()) {
            if (m.kpiId() == id && !m.date().isBefore(start()) && !m.date().isAfter(to)) {
                inPeriod.add(m);
            }
        }
        if (inPeriod.isEmpty()) {
            return null;
        }
        List<BigDecimal> values = new ArrayList<>();
        MeasurementRow last = inPeriod.get(0);
        for (MeasurementRow m : inPeriod) {
            values.add(m.value());
            if (m.date().isAfter(last.date())) {
                last = m;
            }
        }
        switch (k.timeAggregation()) {
            case LAST:
                return last.value();
            case SUM:
                return sum(values);
            case AVG:
                return sum(values).divide(new BigDecimal(values.size()), MathContext.DECIMAL128);
            case MIN:
                return min(values);
            default:
                return max(values);
        }
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            total = total.add(v);
        }
        return total;
    }

    private static BigDecimal min(List<BigDecimal> values) {
        BigDecimal m = values.get(0);
        for (BigDecimal v : values) {
            if (v.compareTo(m) < 0) {
                m = v;
            }
        }
        return m;
    }

    private static BigDecimal max(List<BigDecimal> values) {
        BigDecimal m = values.get(0);
        for (BigDecimal v : values) {
            if (v.compareTo(m) > 0) {
                m = v;
            }
        }
        return m;
    }

    // ---- R7

    String kpiStatus(long id) {
        KpiRow k = kpi(id);
        BigDecimal v = kpiValue(id);
        if (v == null) {
            return "NO_DATA";
        }
        if (k.direction() == Direction.HIGHER_IS_BETTER) {
            if (v.compareTo(k.target()) >= 0) {
                return "GREEN";
            }
            return v.compareTo(k.warning()) >= 0 ? "AMBER" : "RED";
        }
        if (v.compareTo(k.target()) <= 0) {
            return "GREEN";
        }
        return v.compareTo(k.warning()) <= 0 ? "AMBER" : "RED";
    }

    // ---- R1

    /** The latest check-in on or before d: by date, then recorded-at, then id. */
    CheckInRow latestCheckIn(KeyResultRow kr) {
        CheckInRow best = null;
        for (CheckInRow c : s.checkIns()) {
            if (c.keyResultId() != kr.id() || c.effectiveDate().isAfter(d)) {
                continue;
            }
            if (best == null || later(c, best)) {
                best = c;
            }
        }
        return best;
    }

    private static boolean later(CheckInRow a, CheckInRow b) {
        if (!a.effectiveDate().equals(b.effectiveDate())) {
            return a.effectiveDate().isAfter(b.effectiveDate());
        }
        if (!a.recordedAt().equals(b.recordedAt())) {
            return a.recordedAt().isAfter(b.recordedAt());
        }
        return a.id() > b.id();
    }

    /** c, or null when there is no value yet. */
    Double current(KeyResultRow kr) {
        if (kr.kpiId() != null) {
            BigDecimal v = kpiValue(kr.kpiId());
            return v == null ? null : v.doubleValue();
        }
        CheckInRow latest = latestCheckIn(kr);
        return latest == null ? null : latest.value().doubleValue();
    }

    double startOf(KeyResultRow kr) {
        if (kr.type() == KeyResultType.MILESTONE || kr.start() == null) {
            return 0;
        }
        return kr.start().doubleValue();
    }

    double targetOf(KeyResultRow kr) {
        return kr.type() == KeyResultType.MILESTONE ? 1 : kr.target().doubleValue();
    }

    double progressAt(KeyResultRow kr, double c) {
        double t = targetOf(kr);
        switch (kr.type()) {
            case MILESTONE:
                return c >= 1 ? 1 : 0;
            case AT_LEAST:
                return c >= t ? 1 : 0;
            case AT_MOST:
                return c <= t ? 1 : 0;
            default:
                double p = (c - startOf(kr)) / (t - startOf(kr));
                return p < 0 ? 0 : p > 1 ? 1 : p;
        }
    }

    double krProgress(KeyResultRow kr) {
        Double c = current(kr);
        return c == null ? 0 : progressAt(kr, c);
    }

    // ---- R2

    /** null when no contributor has a positive weight. */
    Double objectiveMean(ObjectiveRow o) {
        double sumW = 0;
        double sumWP = 0;
        for (KeyResultRow kr : s.keyResults()) {
            if (kr.objectiveId() == o.id() && weight(kr.weight()) > 0) {
                sumW += weight(kr.weight());
                sumWP += weight(kr.weight()) * krProgress(kr);
            }
        }
        for (ObjectiveRow child : s.objectives()) {
            if (child.parentId() != null && child.parentId() == o.id() && weight(child.weight()) > 0) {
                sumW += weight(child.weight());
                sumWP += weight(child.weight()) * objectiveProgress(child);
            }
        }
        return sumW > 0 ? sumWP / sumW : null;
    }

    double objectiveProgress(ObjectiveRow o) {
        Double m = objectiveMean(o);
        return m == null ? 0 : m;
    }

    // ---- R3

    Double unitProgress(UnitRow u) {
        double sumW = 0;
        double sumWP = 0;
        for (ObjectiveRow o : s.objectives()) {
            if (o.unitId() != u.id()) {
                continue;
            }
            boolean alignedInUnit = o.parentId() != null && objective(o.parentId()).unitId() == u.id();
            if (!alignedInUnit && weight(o.weight()) > 0) {
                sumW += weight(o.weight());
                sumWP += weight(o.weight()) * objectiveProgress(o);
            }
        }
        return sumW > 0 ? sumWP / sumW : null;
    }

    // ---- R5 forecast: {projected value, projected progress}, or null

    double[] forecast(KeyResultRow kr) {
        if (kr.kpiId() != null) {
            return null;
        }
        List<CheckInRow> points = new ArrayList<>();
        for (CheckInRow c : s.checkIns()) {
            if (c.keyResultId() == kr.id() && !c.effectiveDate().isBefore(start()) && !c.effectiveDate().isAfter(end())
                    && !c.effectiveDate().isAfter(d)) {
                points.add(c);
            }
        }
        if (points.size() < 3) {
            return null;
        }
        // through the means, in 34-digit decimals: close enough to exact that the one conversion to
        // double lands where the exact value does
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal n = new BigDecimal(points.size());
        BigDecimal meanX = BigDecimal.ZERO;
        BigDecimal meanY = BigDecimal.ZERO;
        for (CheckInRow c : points) {
            meanX = meanX.add(new BigDecimal(c.effectiveDate().toEpochDay()));
            meanY = meanY.add(c.value());
        }
        meanX = meanX.divide(n, mc);
        meanY = meanY.divide(n, mc);
        BigDecimal sxx = BigDecimal.ZERO;
        BigDecimal sxy = BigDecimal.ZERO;
        for (CheckInRow c : points) {
            BigDecimal dx = new BigDecimal(c.effectiveDate().toEpochDay()).subtract(meanX, mc);
            sxx = sxx.add(dx.multiply(dx, mc), mc);
            sxy = sxy.add(dx.multiply(c.value().subtract(meanY, mc), mc), mc);
        }
        if (sxx.signum() == 0) {
            return null;
        }
        BigDecimal slope = sxy.divide(sxx, mc);
        double value = meanY.add(slope.multiply(new BigDecimal(end().toEpochDay()).subtract(meanX, mc), mc), mc)
                .doubleValue();
        return new double[] {value, progressAt(kr, value)};
    }

    // ---- R8 as "CODE|unitPath|subject"

    Set<String> findings() {
        Set<String> out = new HashSet<>();
        for (UnitRow u : s.units()) {
            int count = 0;
            for (ObjectiveRow o : s.objectives()) {
                if (o.unitId() == u.id()) {
                    count++;
                }
            }
            if (count > 5) {
                out.add("TOO_MANY_OBJECTIVES|" + u.path() + "|" + u.path());
            }
            int leading = 0;
            int lagging = 0;
            for (KpiRow k : s.kpis()) {
                if (k.unitId() == u.id()) {
                    if (k.kind() == KpiKind.LEADING) {
                        leading++;
                    } else {
                        lagging++;
                    }
                }
            }
            if (leading + lagging > 0 && leading == 0) {
                out.add("NO_LEADING_INDICATOR|" + u.path() + "|" + u.path());
            }
            if (leading + lagging > 0 && lagging == 0) {
                out.add("NO_LAGGING_INDICATOR|" + u.path() + "|" + u.path());
            }
        }
        for (ObjectiveRow o : s.objectives()) {
            String path = unit(o.unitId()).path();
            int krs = 0;
            for (KeyResultRow kr : s.keyResults()) {
                if (kr.objectiveId() == o.id()) {
                    krs++;
                }
            }
            if (objectiveMean(o) == null) {
                out.add("UNMEASURABLE|" + path + "|" + o.key());
            }
            if (krs > 5) {
                out.add("TOO_MANY_KEY_RESULTS|" + path + "|" + o.key());
            }
            if (krs < 2) {
                out.add("TOO_FEW_KEY_RESULTS|" + path + "|" + o.key());
            }
            if (unit(o.unitId()).parentId() != null && o.parentId() == null) {
                out.add("ORPHAN_OBJECTIVE|" + path + "|" + o.key());
            }
            if (o.owner() == null || o.owner().isBlank()) {
                out.add("NO_OWNER|" + path + "|" + o.key());
            }
        }
        for (KeyResultRow kr : s.keyResults()) {
            String path = unit(objective(kr.objectiveId()).unitId()).path();
            if (s.cycle().state() == CycleState.ACTIVE && started() && kr.kpiId() == null) {
                boolean recent = false;
                for (CheckInRow c : s.checkIns()) {
                    if (c.keyResultId() == kr.id() && c.effectiveDate().isAfter(d.minusDays(14))
                            && !c.effectiveDate().isAfter(d)) {
                        recent = true;
                    }
                }
                if (!recent) {
                    out.add("STALE_KEY_RESULT|" + path + "|" + kr.key());
                }
            }
            if (kr.owner() == null || kr.owner().isBlank()) {
                out.add("NO_OWNER|" + path + "|" + kr.key());
            }
        }
        for (KpiRow k : s.kpis()) {
            String path = unit(k.unitId()).path();
            if (!servesTheCycle(k)) {
                out.add("ORPHAN_KPI|" + path + "|" + k.key());
            }
            if (k.owner() == null || k.owner().isBlank()) {
                out.add("NO_OWNER|" + path + "|" + k.key());
            }
        }
        return out;
    }

    /** Linked to a KR of the cycle, or one of the references of a KPI that serves it (recursively upwards). */
    private boolean servesTheCycle(KpiRow k) {
        for (KeyResultRow kr : s.keyResults()) {
            if (kr.kpiId() != null && kr.kpiId() == k.id()) {
                return true;
            }
        }
        for (KpiRow parent : s.kpis()) {
            boolean refers = parent.childIds().contains(k.id())
                    || (parent.numeratorId() != null && parent.numeratorId() == k.id())
                    || (parent.denominatorId() != null && parent.denominatorId() == k.id());
            if (refers && servesTheCycle(parent)) {
                return true;
            }
        }
        return false;
    }
}
