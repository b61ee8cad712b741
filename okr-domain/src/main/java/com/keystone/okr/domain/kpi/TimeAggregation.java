package com.keystone.okr.domain.kpi;

/** How a KPI's measurements within a period become one value (R6). */
public enum TimeAggregation {
    /** Stock metrics (NPS, churn rate): the measurement of the latest date. */
    LAST,
    /** Flows (leads, revenue). */
    SUM,
    AVG,
    MIN,
    MAX
}
