package com.keystone.okr.reporting.kpi;

/** Where a KPI's value comes from (R6). */
public enum KpiSource {
    /** Its own measurements, aggregated over the period by its time aggregation. */
    MEASURED,
    /** Its child KPIs' values, combined by its unit aggregation. */
    ROLL_UP,
    /** Numerator value / denominator value. */
    RATIO
}
