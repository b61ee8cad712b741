package com.keystone.okr.web.health;

import com.keystone.okr.web.config.DataSourceConfig;
import com.keystone.okr.web.startup.StartupStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when start-up finished (schema migrated, first user there) and the database answers now. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Resource(lookup = DataSourceConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    StartupStatus status;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("database").withData("startup", status.getState().name());
        if (!status.isReady()) {
            return r.down().build();
        }
        r.withData("schemaVersion", status.getSchemaVersion());
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2) ? r.up().build() : r.down().withData("error", "the database did not answer").build();
        } catch (SQLException e) {
            return r.down().withData("error", "the database is unreachable").build();
        }
    }
}
