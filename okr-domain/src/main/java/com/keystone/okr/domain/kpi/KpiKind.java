package com.keystone.okr.domain.kpi;

/** Leading indicators predict an outcome (traffic, leads); lagging ones record it (revenue, churn). */
public enum KpiKind {
    LEADING, LAGGING
}
