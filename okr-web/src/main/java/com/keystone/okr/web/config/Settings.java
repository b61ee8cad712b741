package com.keystone.okr.web.config;

import java.util.Locale;

/** The MicroProfile Config keys of the product (see README.md and docs/interfaces.md). */
public final class Settings {

    public static final String DB_URL = "okr.db.url";
    public static final String ADMIN_USERNAME = "okr.admin.username";
    public static final String ADMIN_PASSWORD = "okr.admin.password";
    public static final String DEMO = "okr.demo";
    /**
     * The addresses of the load balancers in front (comma-separated): for a request from one of them,
     * the client's address is the last one its {@code X-Forwarded-For} names (sign-in throttling).
     */
    public static final String TRUSTED_PROXIES = "okr.security.trusted-proxies";
    /** Set in the uber-jar: a start that cannot succeed ends the JVM instead of leaving a server without the product. */
    public static final String EXIT_ON_FAILURE = "okr.startup.exit-on-failure";

    private Settings() {
    }

    /** The environment variable that overrides a key, per MicroProfile Config's mapping rule. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
