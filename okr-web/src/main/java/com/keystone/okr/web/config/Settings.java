package com.keystone.okr.web.config;

import java.util.Locale;

/** The MicroProfile Config keys of the product (see README.md and spec/interfaces.md). */
public final class Settings {

    public static final String DB_URL = "okr.db.url";
    public static final String ADMIN_USERNAME = "okr.admin.username";
    public static final String ADMIN_PASSWORD = "okr.admin.password";
    public static final String DEMO = "okr.demo";
    /** Set in the uber-jar: a start that cannot succeed ends the JVM instead of leaving a server without the product. */
    public static final String EXIT_ON_FAILURE = "okr.startup.exit-on-failure";

    private Settings() {
    }

    /** The environment variable that overrides a key, per MicroProfile Config's mapping rule. */
    public static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
