/**
 * KPIs for a period: measured ones aggregated over time, roll-ups across units, ratios (R6), and
 * their status against target and warning threshold (R7).
 */
package com.keystone.okr.reporting.kpi;
