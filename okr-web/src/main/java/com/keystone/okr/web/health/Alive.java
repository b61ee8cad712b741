package com.keystone.okr.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Live while the JVM has heap to spare; a restart is the cure when it has not. */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        double share = (double) used / rt.maxMemory();
        return HealthCheckResponse.named("heap").status(share < 0.98)
                .withData("usedMiB", used / (1024 * 1024)).withData("maxMiB", rt.maxMemory() / (1024 * 1024)).build();
    }
}
