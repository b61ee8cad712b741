package com.keystone.okr.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, version 1, under {@code /api/v1}; described at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "Keystone API", version = "1",
        description = "OKRs and KPIs: imports, check-ins, measurements, roll-ups, KPI values and the OKR coach's findings."))
public class ApiApplication extends Application {
}
