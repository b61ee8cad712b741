package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.web.api.ApiJson.CheckInJson;
import com.keystone.okr.web.api.ApiJson.CheckInRequest;
import com.keystone.okr.web.api.ApiJson.GradeOverride;
import com.keystone.okr.web.api.ApiJson.KeyResultJson;
import com.keystone.okr.web.objective.CheckInService;
import com.keystone.okr.web.objective.OkrService;
import com.keystone.okr.web.objective.OkrService.KeyResultCommand;
import com.keystone.okr.web.support.Dates;
import com.keystone.okr.web.support.Versions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One key result of a cycle: its definition, its grade and its check-ins. */
@Path("cycles/{cycle}/key-results/{kr}")
@RequestScoped
@Transactional // the JSON is built from entities in the same persistence context, so their lazy references load (STYLE 9)
@Produces(MediaType.APPLICATION_JSON)
public class KeyResultResource {

    @Inject
    CheckInService checkIns;

    @Inject
    OkrService okrs;

    @PathParam("cycle")
    String cycle;

    @PathParam("kr")
    String kr;

    @GET
    @Operation(summary = "One key result, with its version as ETag")
    public Response get() {
        KeyResult k = okrs.keyResult(cycle, kr);
        return Response.ok(KeyResultJson.of(k)).tag(new EntityTag(String.valueOf(k.getVersion()))).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a key result (title, type, start, target, weight, owner, kpi, objectiveKey; If-Match)")
    public Response update(@HeaderParam("If-Match") String ifMatch, KeyResultCommand body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        Long v = Versions.fromIfMatch(ifMatch);
        KeyResultCommand c = v == null ? body : new KeyResultCommand(body.key(), body.title(), body.type(), body.start(),
                body.target(), body.weight(), body.owner(), body.kpi(), body.objectiveKey(), v);
        KeyResult k = okrs.updateKeyResult(cycle, kr, c);
        return Response.ok(KeyResultJson.of(k)).tag(new EntityTag(String.valueOf(k.getVersion()))).build();
    }

    @POST
    @Path("grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Overrides the frozen grade of a closed cycle's key result, with a reason (the owner's lead)")
    public KeyResultJson overrideGrade(GradeOverride body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body with grade and reason is required");
        }
        return KeyResultJson.of(okrs.overrideKeyResultGrade(cycle, kr, body.grade(), body.reason()));
    }

    @GET
    @Path("check-ins")
    @Operation(summary = "The key result's check-ins, oldest first")
    public List<CheckInJson> history() {
        return checkIns.history(cycle, kr).stream().map(CheckInJson::of).toList();
    }

    @POST
    @Path("check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records a check-in (the KR's owner, leads of its unit and above, admins)")
    public Response checkIn(CheckInRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body with date and value is required");
        }
        var stored = checkIns.record(cycle, kr, Dates.required("date", body.date()), body.value(), body.confidence(),
                body.comment());
        return Response.status(Response.Status.CREATED).entity(CheckInJson.of(stored)).build();
    }
}
