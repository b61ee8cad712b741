package com.keystone.okr.web.security;

/** The groups a signed-in caller gets; unit-scoped rights are checked against the database by {@link CurrentUser}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String HR = "HR";
    /** Lead of at least one unit. */
    public static final String LEAD = "LEAD";
    /** Member of at least one unit. */
    public static final String MEMBER = "MEMBER";
    /** Every signed-in, active person. */
    public static final String USER = "USER";

    private Roles() {
    }
}
