package com.keystone.okr.web.app.kpi;

import com.keystone.okr.reporting.kpi.KpiResult;

/**
 * One row of the KPI board: the engine's result with what the report does not carry (the unit of
 * measure) and whether the person looking may record a measurement on it.
 */
public record KpiLine(KpiResult kpi, String unitOfMeasure, boolean canMeasure) {

    public String key() {
        return kpi.key();
    }
}
