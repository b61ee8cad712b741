package com.keystone.okr.web.security;

/** The groups a signed-in caller gets; unit-scoped rights are checked against the database by {@link CurrentUser}. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String HR = "HR";
    /** Lead of at least one unit. */
    public static final String LEAD = "LEAD";
    /** Member of at least one unit. */
    public static final String MEMBER = "MEMBER";
    /**
     * Not a role: marks a caller whose password an administrator set (created, reset). They may
     * only change it ({@link KeystoneAuthentication} sends the web UI to the password page and
     * answers 403 to every other API call) until they have.
     */
    public static final String MUST_CHANGE_PASSWORD = "MUST_CHANGE_PASSWORD";
    /** Every signed-in, active person. */
    public static final String USER = "USER";

    private Roles() {
    }
}
