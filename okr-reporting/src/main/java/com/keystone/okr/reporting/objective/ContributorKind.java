package com.keystone.okr.reporting.objective;

/** What contributes to a progress: a key result, or an objective (a cascade child, or a unit's objective). */
public enum ContributorKind {
    KEY_RESULT, OBJECTIVE
}
