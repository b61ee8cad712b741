package com.keystone.okr.persistence.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A plain {@link DataSource} that connects through whichever JDBC driver accepts the configured
 * URL (H2 or PostgreSQL, both packaged with the product). The server pools it; this class only
 * lets one {@code @DataSourceDefinition} serve both databases, chosen by {@code okr.db.url}
 * alone, without a driver-class setting.
 */
public class UrlDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;
    private volatile Driver driver;

    public UrlDataSource() {
        // configured through setters by the server's pool
    }

    public UrlDataSource(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
        this.driver = null;
    }

    /** Upper-case variant: the server passes the URL property under either name. */
    public void setURL(String url) {
        setUrl(url);
    }

    public String getURL() {
        return url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        Properties props = new Properties();
        if (username != null) {
            props.setProperty("user", username);
        }
        if (pass != null) {
            props.setProperty("password", pass);
        }
        Connection c = driver().connect(url, props);
        if (c == null) {
            throw new SQLException("The JDBC driver refused the URL " + url);
        }
        return c;
    }

    private Driver driver() throws SQLException {
        Driver d = driver;
        if (d != null) {
            return d;
        }
        if (url == null || url.isBlank()) {
            throw new SQLException("No database URL is configured: set okr.db.url (or OKR_DB_URL)");
        }
        for (ClassLoader loader : new ClassLoader[] {UrlDataSource.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader()}) {
            if (loader == null) {
                continue;
            }
            for (Driver candidate : ServiceLoader.load(Driver.class, loader)) {
                if (candidate.acceptsURL(url)) {
                    driver = candidate;
                    return candidate;
                }
            }
        }
        throw new SQLException("No JDBC driver accepts " + url + " (supported: jdbc:h2:, jdbc:postgresql:)");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
