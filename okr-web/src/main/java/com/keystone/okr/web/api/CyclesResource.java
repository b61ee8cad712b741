package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.api.ApiJson.CycleJson;
import com.keystone.okr.web.api.ApiJson.CycleRequest;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.support.Dates;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The cycles: listed by anyone signed in, created by admins. */
@Path("cycles")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CyclesResource {

    @Inject
    CycleService cycles;

    @GET
    @Operation(summary = "All cycles, newest first")
    public List<CycleJson> list() {
        return cycles.list().stream().map(CycleJson::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a cycle in PLANNING (admins); YYYY-Qn names derive their dates")
    public Response create(CycleRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body with the cycle's name is required");
        }
        var c = cycles.create(body.name(), Dates.parse("startDate", body.startDate()), Dates.parse("endDate", body.endDate()));
        return Response.status(Response.Status.CREATED).entity(CycleJson.of(c)).build();
    }
}
