package com.keystone.okr.domain.audit;

/** What happened to an audit entry's subject: every write path records one of these, never free text. */
public enum AuditAction {
    // objectives and key results
    CREATED, TITLE_CHANGED, DESCRIPTION_CHANGED, OWNER_CHANGED, WEIGHT_CHANGED, ALIGNED, CHILD_ALIGNED, CHILD_REMOVED,
    CHILD_WEIGHT_CHANGED, MEASURE_CHANGED, MOVED, KPI_LINKED, GRADE_OVERRIDDEN,
    // KPIs and their measurements
    KPI_CREATED, KPI_REDEFINED, KPI_OWNER_CHANGED, KPI_MOVED, KPI_COMPUTATION_CHANGED, MEASUREMENT_REPLACED,
    // imports: one entry per row key created or updated, and one per file
    IMPORTED_CREATED, IMPORTED_UPDATED, IMPORT_APPLIED,
    // people and sign-in
    PERSON_CREATED, RENAMED, EMAIL_CHANGED, PASSWORD_CHANGED, PASSWORD_RESET, ROLES_CHANGED, MEMBERSHIPS_CHANGED,
    DEACTIVATED, ACTIVATED, SIGN_IN_FAILED, SIGN_IN_LOCKED,
    // units and cycles
    UNIT_CREATED, UNIT_RENAMED, UNIT_MOVED, UNIT_ARCHIVED, UNIT_RESTORED, CYCLE_CREATED, CYCLE_ACTIVATED, CYCLE_CLOSED,
    // the whole company restored from a backup (one entry; the backup's own history comes back as it was)
    BACKUP_RESTORED,
    // objectives and key results copied into a later cycle (on each copy, and on the target cycle)
    CARRIED_OVER
}
