package com.keystone.okr.reporting.objective;

import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * R5 forecast: a least-squares line through a key result's check-ins in the cycle, projected to
 * the cycle's end date. Every check-in is a point, a correction too. The projection is computed
 * exactly in decimals (x is a whole number of days since the cycle start, y a decimal check-in
 * value) and divided once at the end: a line through check-ins that reaches a milestone's 1 or a
 * floor's target exactly must not miss it by a floating-point rounding error, which R1 would turn
 * into progress 0 instead of 1.
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
        long origin = cycle.startDate().toEpochDay();
        long n = points.size();
        long sumX = 0;
        long sumXX = 0;
        BigDecimal sumY = BigDecimal.ZERO;
        BigDecimal sumXY = BigDecimal.ZERO;
        for (CheckInRow c : points) {
            long x = c.effectiveDate().toEpochDay() - origin;
            sumX += x;
            sumXX += x * x;
            sumY = sumY.add(c.value());
            sumXY = sumXY.add(c.value().multiply(BigDecimal.valueOf(x)));
        }
        long denominator = n * sumXX - sumX * sumX; // n * sum((x - mean x)^2): 0 when all x are equal
        if (denominator == 0) {
            return null;
        }
        // slope = (n Sxy - Sx Sy) / D, intercept = (Sy Sxx - Sx Sxy) / D, both over the same D
        BigDecimal slopeTimesD = sumXY.multiply(BigDecimal.valueOf(n)).subtract(sumY.multiply(BigDecimal.valueOf(sumX)));
        long xEnd = cycle.endDate().toEpochDay() - origin;
        BigDecimal projectedTimesD = sumY.multiply(BigDecimal.valueOf(sumXX))
                .subtract(sumXY.multiply(BigDecimal.valueOf(sumX)))
                .add(slopeTimesD.multiply(BigDecimal.valueOf(xEnd)));
        BigDecimal d = BigDecimal.valueOf(denominator);
        double projected = projectedTimesD.divide(d, MathContext.DECIMAL128).doubleValue();
        double slope = slopeTimesD.divide(d, MathContext.DECIMAL128).doubleValue();
        return new Forecast(cycle.endDate(), points.size(), slope, projected, KrProgress.of(kr, projected));
    }
}
