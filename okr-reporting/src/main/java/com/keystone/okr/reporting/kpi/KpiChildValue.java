package com.keystone.okr.reporting.kpi;

import java.io.Serializable;

/** R6 explanation of a roll-up: one child KPI's value; a child without data is not included. */
public record KpiChildValue(long id, String key, Double value, boolean included) implements Serializable {
}
