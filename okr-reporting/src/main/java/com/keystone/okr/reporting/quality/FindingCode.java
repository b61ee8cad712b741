package com.keystone.okr.reporting.quality;

/** The quality checks of R8, each with its severity (a project decision, see docs/rules.md). */
public enum FindingCode {
    /** An objective without a contributor of positive weight: its 0 % means nothing. */
    UNMEASURABLE(Severity.ERROR),
    TOO_MANY_OBJECTIVES(Severity.WARNING),
    TOO_MANY_KEY_RESULTS(Severity.WARNING),
    TOO_FEW_KEY_RESULTS(Severity.WARNING),
    ORPHAN_OBJECTIVE(Severity.WARNING),
    ORPHAN_KPI(Severity.WARNING),
    NO_LEADING_INDICATOR(Severity.INFO),
    NO_LAGGING_INDICATOR(Severity.INFO),
    STALE_KEY_RESULT(Severity.WARNING),
    /** Nobody is accountable: an objective, key result or KPI without an owner. */
    NO_OWNER(Severity.WARNING),
    /** Stored alignments that come back to the objective (refused on input; found only in data changed outside Keystone). */
    ALIGNMENT_LOOP(Severity.ERROR),
    /** Stored KPI references (children, numerator, denominator) that come back to the KPI: it has no value. */
    KPI_LOOP(Severity.ERROR);

    private final Severity severity;

    FindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
