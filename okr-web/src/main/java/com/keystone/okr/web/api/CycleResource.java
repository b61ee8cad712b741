package com.keystone.okr.web.api;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.web.api.ApiJson.CycleJson;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.support.Dates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Results of one cycle, as of any date: the roll-up, the KPI values and the OKR coach's findings. */
@Path("cycles/{cycle}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

    @Inject
    ReportService reports;

    @Inject
    CycleService cycles;

    @PathParam("cycle")
    String cycle;

    @GET
    @Operation(summary = "The cycle: name, dates and state")
    public CycleJson get() {
        return CycleJson.of(cycles.get(cycle));
    }

    @POST
    @Path("activate")
    @Operation(summary = "Moves the cycle from PLANNING to ACTIVE (admins)")
    public CycleJson activate() {
        return CycleJson.of(cycles.activate(cycle));
    }

    @POST
    @Path("close")
    @Operation(summary = "Closes the cycle and freezes every objective's and key result's grade (admins)")
    public CycleJson close() {
        return CycleJson.of(cycles.close(cycle));
    }

    @GET
    @Path("rollup")
    @Operation(summary = "Progress of every unit, objective and key result (R1-R5), as of a date (default today)")
    public JsonObject rollup(@QueryParam("asOf") @Parameter(description = "YYYY-MM-DD") String asOf) {
        return ReportJson.rollup(report(asOf));
    }

    @GET
    @Path("kpis")
    @Operation(summary = "Every KPI's value for the cycle and its status (R6, R7), as of a date (default today)")
    public JsonArray kpis(@QueryParam("asOf") @Parameter(description = "YYYY-MM-DD") String asOf) {
        return ReportJson.kpis(report(asOf));
    }

    @GET
    @Path("findings")
    @Operation(summary = "The OKR coach's findings for the cycle (R8)")
    public JsonArray findings(@QueryParam("asOf") @Parameter(description = "YYYY-MM-DD") String asOf) {
        return ReportJson.findings(report(asOf));
    }

    private CycleReport report(String asOf) {
        return reports.report(cycle, Dates.parse("asOf", asOf));
    }
}
