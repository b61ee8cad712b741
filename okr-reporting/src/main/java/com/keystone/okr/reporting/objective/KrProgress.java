package com.keystone.okr.reporting.objective;

import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import java.math.BigDecimal;

/**
 * R1: a key result's progress from its type, start {@code s}, target {@code t} and current value
 * {@code c}. Arithmetic is in double; the inputs are decimals converted once, and a comparison of
 * two converted decimals keeps its exact outcome except for values that differ only beyond the
 * 16th significant digit.
 */
public final class KrProgress {

    private KrProgress() {
    }

    /**
     * R1 for a key result row. {@code current} null means "no value yet" (no check-in, or a
     * linked KPI without a value): progress 0 for every type.
     *
     * @throws IllegalStateException for a linear key result whose target equals its start, which
     *                               the domain refuses
     */
    public static double of(KeyResultRow kr, Double current) {
        if (current == null) {
            return 0.0;
        }
        double s = start(kr).doubleValue();
        double t = target(kr).doubleValue();
        if (kr.type().isLinear() && s == t) {
            throw new IllegalStateException("key result " + kr.key() + " has target equal to start (" + kr.start()
                    + "), which R1 calls invalid input");
        }
        return of(kr.type(), s, t, current);
    }

    /** R1 for a present value {@code c}. */
    public static double of(KeyResultType type, double s, double t, double c) {
        switch (type) {
            case MILESTONE:
                return c >= 1.0 ? 1.0 : 0.0;
            case AT_LEAST:
                return c >= t ? 1.0 : 0.0;
            case AT_MOST:
                return c <= t ? 1.0 : 0.0;
            default:
                if (s == t) {
                    throw new IllegalArgumentException("a " + type + " key result needs a target different from its start");
                }
                // t < s is a "decrease to target" key result: the same formula, both signs flip
                return clamp((c - s) / (t - s));
        }
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }

    /** The start value R1 uses: 0 for a milestone, and for a floor or ceiling without one. */
    public static BigDecimal start(KeyResultRow kr) {
        if (kr.type() == KeyResultType.MILESTONE) {
            return BigDecimal.ZERO;
        }
        if (kr.start() == null) {
            if (kr.type().isLinear()) {
                throw new IllegalStateException("key result " + kr.key() + " of type " + kr.type() + " has no start value");
            }
            return BigDecimal.ZERO;
        }
        return kr.start();
    }

    /** The target value R1 uses: 1 for a milestone. */
    public static BigDecimal target(KeyResultRow kr) {
        if (kr.type() == KeyResultType.MILESTONE) {
            return BigDecimal.ONE;
        }
        if (kr.target() == null) {
            throw new IllegalStateException("key result " + kr.key() + " of type " + kr.type() + " has no target value");
        }
        return kr.target();
    }
}
