package com.keystone.okr.persistence.db;

/** The database was migrated by a newer Keystone than this one. */
public class SchemaTooNewException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String databaseVersion;
    private final String knownVersion;

    public SchemaTooNewException(String databaseVersion, String knownVersion) {
        super("The database schema is at version " + databaseVersion + ", newer than this Keystone knows (up to version "
                + knownVersion + "). Keystone will not start on it: run the Keystone release that migrated this "
                + "database, or point okr.db.url at another database.");
        this.databaseVersion = databaseVersion;
        this.knownVersion = knownVersion;
    }

    public String getDatabaseVersion() {
        return databaseVersion;
    }

    public String getKnownVersion() {
        return knownVersion;
    }
}
