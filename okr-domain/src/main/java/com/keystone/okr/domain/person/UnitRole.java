package com.keystone.okr.domain.person;

/** A person's role in one org unit (and, for a lead, the units below it). */
public enum UnitRole {
    /** Writes the OKRs and KPIs of the unit and its descendants. */
    LEAD,
    /** Checks in on the key results they own; reads their unit's ancestors and descendants. */
    MEMBER
}
