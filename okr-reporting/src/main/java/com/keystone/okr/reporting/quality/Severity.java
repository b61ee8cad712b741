package com.keystone.okr.reporting.quality;

/** How urgent a finding is. */
public enum Severity {
    /** The numbers shown are not meaningful until it is fixed. */
    ERROR,
    /** A practice that weakens the OKRs; worth fixing this cycle. */
    WARNING,
    /** Advice; fine to leave when there is a reason. */
    INFO
}
