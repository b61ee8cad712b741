package com.keystone.okr.web.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The one place that talks to MicroProfile Metrics: business code calls these methods, so the
 * metrics backend can change without touching it. Shown at {@code /metrics?scope=application}.
 */
@ApplicationScoped
public class BusinessMetrics {

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    public void checkInsRecorded(long n) {
        registry.counter("keystone_checkins_recorded_total").inc(n);
    }

    public void measurementsRecorded(long n) {
        registry.counter("keystone_measurements_recorded_total").inc(n);
    }

    public void importDone(String kind) {
        registry.counter("keystone_imports_total", new Tag("kind", kind)).inc();
    }

    public void requestRejected(int status) {
        registry.counter("keystone_requests_rejected_total",
                new Tag("status", String.valueOf(status))).inc();
    }

    public void demoCompanyLoaded(Duration took) {
        registry.counter("keystone_demo_loads_total").inc();
        registry.timer("keystone_demo_load").update(took);
    }

    /** A cycle's live model read whole from the database and computed. */
    public void liveModelLoaded(Duration took) {
        registry.timer("keystone_live_model_load").update(took);
    }

    /** A batch of changed rows applied to a live model (read from the journal, loaded, recomputed). */
    public void liveModelUpdated(int rows, Duration took) {
        registry.counter("keystone_live_model_rows_applied_total").inc(rows);
        registry.timer("keystone_live_model_update").update(took);
    }
}
