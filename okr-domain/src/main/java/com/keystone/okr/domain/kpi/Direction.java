package com.keystone.okr.domain.kpi;

/** Which way a KPI is good (R7). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
