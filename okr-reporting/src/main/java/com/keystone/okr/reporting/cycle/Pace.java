package com.keystone.okr.reporting.cycle;

/**
 * Whether an objective or key result keeps pace with the cycle (R5): progress compared with the
 * elapsed fraction of the cycle.
 */
public enum Pace {
    ON_TRACK, AT_RISK, OFF_TRACK;

    /** Share of the expected progress from which an item is on track (R5). */
    public static final double ON_TRACK_SHARE = 0.7;
    /** Share of the expected progress from which an item is at risk rather than off track (R5). */
    public static final double AT_RISK_SHARE = 0.4;
    /**
     * Progress is a double computed through divisions, so a progress that equals a threshold in
     * exact arithmetic (7/30 against 0.7 * 1/3) may land one unit in the last place below it.
     * A value that close counts as reaching the threshold.
     */
    public static final double TOLERANCE = 1e-9;

    /**
     * R5: {@code ON_TRACK} if {@code p >= 0.7 * expected}, {@code AT_RISK} if
     * {@code p >= 0.4 * expected}, else {@code OFF_TRACK}. Before the cycle starts expected is 0,
     * so everything is on track.
     */
    public static Pace of(double progress, double expected) {
        if (progress >= ON_TRACK_SHARE * expected - TOLERANCE) {
            return ON_TRACK;
        }
        if (progress >= AT_RISK_SHARE * expected - TOLERANCE) {
            return AT_RISK;
        }
        return OFF_TRACK;
    }
}
