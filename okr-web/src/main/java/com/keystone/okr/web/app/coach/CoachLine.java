package com.keystone.okr.web.app.coach;

import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.quality.Severity;
import java.io.Serializable;
import java.util.Locale;

/**
 * One finding of the coach with where its subject lives: the page ({@code outcome}) and the query
 * parameter naming it there (objective key, KPI key or unit path). A key result's finding links
 * to its objective's page.
 */
public record CoachLine(FindingCode code, Severity severity, String unitPath, String subject, Finding finding,
                        SubjectKind kind, String outcome, String parameter, String parameterValue)
        implements Serializable {

    /** The finding's message in English, as the API gives it. */
    public String message() {
        return finding.message();
    }

    /** The finding's message in the page's language ({@code #{f.message(view.locale)}}). */
    public String message(Locale locale) {
        return finding.message(locale);
    }

    /** What a finding is about. */
    public enum SubjectKind {
        OBJECTIVE, KEY_RESULT, KPI, UNIT
    }
}
