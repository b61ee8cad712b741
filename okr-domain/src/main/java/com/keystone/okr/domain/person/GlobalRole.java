package com.keystone.okr.domain.person;

/** Roles that hold for the whole company, not for one unit. */
public enum GlobalRole {
    /** Manages units, people and cycles; can do what a lead can do anywhere. */
    ADMIN,
    /** Reads every unit, the quarterly review and the exports; changes nothing. */
    HR
}
