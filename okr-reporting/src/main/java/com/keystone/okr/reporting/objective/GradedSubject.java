package com.keystone.okr.reporting.objective;

/**
 * Names what a grade belongs to when a cycle closes (R4): an objective or a key result, by its
 * row id (for the loader) and its key (for people). Objective and key result ids may overlap,
 * so the kind is part of the identity.
 */
public record GradedSubject(ContributorKind kind, long id, String key) {
}
