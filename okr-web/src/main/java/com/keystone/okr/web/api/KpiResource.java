package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.api.ApiJson.MeasurementJson;
import com.keystone.okr.web.api.ApiJson.MeasurementRequest;
import com.keystone.okr.web.kpi.MeasurementService;
import com.keystone.okr.web.support.Dates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Measurements of one KPI: how integrations push KPI data. */
@Path("kpis/{kpi}/measurements")
@RequestScoped
@Transactional // the JSON is built from entities in the same persistence context, so their lazy references load (STYLE 9)
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    @Inject
    MeasurementService measurements;

    @PathParam("kpi")
    String kpi;

    @GET
    @Operation(summary = "The KPI's measurements, oldest first")
    public List<MeasurementJson> history() {
        return measurements.history(kpi).stream().map(MeasurementJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records a measurement: 201 when new, 200 when it replaced the one of the same date")
    public Response measure(MeasurementRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body with date and value is required");
        }
        var r = measurements.record(kpi, Dates.required("date", body.date()), body.value());
        return Response.status(r.replaced() ? Response.Status.OK : Response.Status.CREATED)
                .entity(MeasurementJson.of(r.measurement())).build();
    }
}
