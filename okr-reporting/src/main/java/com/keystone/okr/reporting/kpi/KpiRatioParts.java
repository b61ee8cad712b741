package com.keystone.okr.reporting.kpi;

import java.io.Serializable;

/** R6 explanation of a ratio: the two values it divides, each null when it has none. */
public record KpiRatioParts(String numeratorKey, Double numeratorValue, String denominatorKey,
                            Double denominatorValue) implements Serializable {
}
