package com.keystone.okr.reporting.objective;

import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * R5 forecast: a least-squares line through a key result's check-ins in the cycle, projected to
 * the cycle's end date. Every check-in is a point, a correction too (R1 keeps all check-ins; the
 * line weighs a corrected date twice). The x axis is the epoch day, centred on its mean before
 * the sums so that the large day numbers cost no precision.
 */
public final class Forecasting {

    /** R5: the fewest check-ins that make a forecast. */
    public static final int MIN_POINTS = 3;

    private Forecasting() {
    }

    /**
     * The forecast of a key result as of {@code asOf}, from its check-ins dated within the cycle
     * and on or before {@code asOf}; null with fewer than {@link #MIN_POINTS} of them, when they
     * all share one date (no line fits), or for a KPI-linked key result (its value does not come
     * from check-ins).
     *
     * @param checkIns the key result's check-ins, any dates
     */
    public static Forecast of(KeyResultRow kr, List<CheckInRow> checkIns, CycleInfo cycle, LocalDate asOf) {
        if (kr.isKpiLinked()) {
            return null;
        }
        List<CheckInRow> points = new ArrayList<>();
        for (CheckInRow c : checkIns) {
            if (cycle.contains(c.effectiveDate()) && !c.effectiveDate().isAfter(asOf)) {
                points.add(c);
            }
        }
        if (points.size() < MIN_POINTS) {
            return null;
        }
        int n = points.size();
        double meanX = 0;
        double meanY = 0;
        for (CheckInRow c : points) {
            meanX += c.effectiveDate().toEpochDay();
            meanY += c.value().doubleValue();
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (CheckInRow c : points) {
            double dx = c.effectiveDate().toEpochDay() - meanX;
            sxx += dx * dx;
            sxy += dx * (c.value().doubleValue() - meanY);
        }
        if (sxx == 0) {
            return null;
        }
        double slope = sxy / sxx;
        LocalDate at = cycle.endDate();
        double projected = meanY + slope * (at.toEpochDay() - meanX);
        return new Forecast(at, n, slope, projected, KrProgress.of(kr, projected));
    }
}
