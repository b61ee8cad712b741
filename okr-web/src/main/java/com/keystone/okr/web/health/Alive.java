package com.keystone.okr.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the JVM has heap to spare after a collection; a restart is the cure when it has not.
 * The heap in use at any moment includes garbage not yet collected (a busy server allocates
 * hundreds of MB a second), so the check reads what each heap pool held right after its last
 * collection: a healthy server under load stays live, one whose live data fills the heap does not.
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

    /** The share of the maximum heap that live data may fill. */
    static final double LIMIT = 0.95;

    @Override
    public HealthCheckResponse call() {
        long max = Runtime.getRuntime().maxMemory();
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage collected = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
            if (collected != null) {
                afterGc += collected.getUsed();
            }
        }
        return HealthCheckResponse.named("heap").status((double) afterGc / max < LIMIT)
                .withData("usedAfterLastGcMiB", afterGc / (1024 * 1024)).withData("maxMiB", max / (1024 * 1024)).build();
    }
}
