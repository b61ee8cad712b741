package com.keystone.okr.domain.kpi;

/** How the period values of a KPI's child KPIs become its own value (R6). */
public enum UnitAggregation {
    SUM, AVG, MIN, MAX
}
