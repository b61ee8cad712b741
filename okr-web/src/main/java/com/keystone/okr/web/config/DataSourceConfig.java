package com.keystone.okr.web.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * The one data source of the product. URL and credentials come from MicroProfile Config
 * ({@code okr.db.url}, {@code okr.db.user}, {@code okr.db.password}); the URL alone picks the
 * database (embedded H2 by default, PostgreSQL for production) through {@code UrlDataSource}.
 */
@DataSourceDefinition(
        name = DataSourceConfig.JNDI_NAME,
        className = "com.keystone.okr.persistence.db.UrlDataSource",
        url = "${MPCONFIG=okr.db.url}",
        user = "${MPCONFIG=okr.db.user}",
        password = "${MPCONFIG=okr.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@Singleton
public class DataSourceConfig {

    public static final String JNDI_NAME = "java:app/jdbc/okr";
}
