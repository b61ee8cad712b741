package com.keystone.okr.reporting.quality;

import com.keystone.okr.domain.Text;
import java.io.Serializable;
import java.util.Locale;

/**
 * One quality finding (R8).
 *
 * @param unitPath the unit it concerns: the unit of the objective, of the key result's objective, or of the KPI
 * @param subject  the objective, key result or KPI key, or the unit path for a finding about a unit
 * @param message  what is wrong and how to fix it, in plain English (the API's and the exports' text)
 * @param text     the same message as a bundle text, to show it in the reader's language; null for
 *                 a finding made from an English message only
 */
public record Finding(FindingCode code, Severity severity, String unitPath, String subject, String message, Text text)
        implements Serializable {

    /** The findings' texts, in {@code com/keystone/okr/reporting/quality/findings*.properties}. */
    public static final String BUNDLE = "com.keystone.okr.reporting.quality.findings";

    public Finding(FindingCode code, Severity severity, String unitPath, String subject, String message) {
        this(code, severity, unitPath, subject, message, null);
    }

    public static Finding of(FindingCode code, String unitPath, String subject, Text text) {
        return new Finding(code, code.severity(), unitPath, subject, text.english(), text);
    }

    /** The text {@code key} of the findings' bundle. */
    public static Text text(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    /** The message in {@code locale} (English when there is no translation). */
    public String message(Locale locale) {
        return text == null ? message : text.render(locale);
    }
}
