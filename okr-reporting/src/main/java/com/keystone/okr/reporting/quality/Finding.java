package com.keystone.okr.reporting.quality;

/**
 * One quality finding (R8).
 *
 * @param unitPath the unit it concerns: the unit of the objective, of the key result's objective, or of the KPI
 * @param subject  the objective, key result or KPI key, or the unit path for a finding about a unit
 * @param message  what is wrong and how to fix it, in plain language
 */
public record Finding(FindingCode code, Severity severity, String unitPath, String subject, String message) {

    public static Finding of(FindingCode code, String unitPath, String subject, String message) {
        return new Finding(code, code.severity(), unitPath, subject, message);
    }
}
