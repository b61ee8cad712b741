package com.keystone.okr.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the JVM has heap to spare after its collections; a restart is the cure when it has
 * not. The heap in use at any moment includes garbage not yet collected (a busy server allocates
 * hundreds of MB a second), so the check reads what each heap pool held right after its last
 * collection, and only a full heap that stays full for {@link #SUSTAINED} makes it fail: a busy
 * server whose old generation waits for its next mixed collection stays live, one whose live data
 * fills the heap does not.
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

    /** The share of the maximum heap that live data may fill. */
    static final double LIMIT = 0.95;
    /** How long the heap must stay above the limit after collections before the JVM is declared not live. */
    static final Duration SUSTAINED = Duration.ofSeconds(60);

    /** Since when (nanoTime) the heap has been above the limit at every check; 0 while it is not. */
    private final AtomicLong fullSince = new AtomicLong();

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
        return HealthCheckResponse.named("heap").status(live((double) afterGc / max >= LIMIT, System.nanoTime()))
                .withData("usedAfterLastGcMiB", afterGc / (1024 * 1024)).withData("maxMiB", max / (1024 * 1024)).build();
    }

    /** Live unless the heap has been full at every check for at least {@link #SUSTAINED}. */
    boolean live(boolean full, long now) {
        if (!full) {
            fullSince.set(0);
            return true;
        }
        fullSince.compareAndSet(0, now);
        return now - fullSince.get() < SUSTAINED.toNanos();
    }
}
