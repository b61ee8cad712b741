package com.keystone.okr.domain.objective;

/** How a key result's current value becomes progress (R1). */
public enum KeyResultType {
    NUMERIC, PERCENT, CURRENCY,
    /** Done or not: start 0, target 1, progress 1 once the value is at least 1. */
    MILESTONE,
    /** Keep a value at or above a floor: progress 1 while {@code c >= t}. */
    AT_LEAST,
    /** Keep a value at or below a ceiling: progress 1 while {@code c <= t}. */
    AT_MOST;

    /** The three types whose progress is the linear distance from start to target. */
    public boolean isLinear() {
        return this == NUMERIC || this == PERCENT || this == CURRENCY;
    }
}
