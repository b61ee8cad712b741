package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.web.api.ApiJson.GradeOverride;
import com.keystone.okr.web.api.ApiJson.KeyResultJson;
import com.keystone.okr.web.api.ApiJson.ObjectiveJson;
import com.keystone.okr.web.objective.OkrService;
import com.keystone.okr.web.objective.OkrService.KeyResultCommand;
import com.keystone.okr.web.objective.OkrService.ObjectiveCommand;
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

/** Objectives of a cycle and the key results under them. */
@Path("cycles/{cycle}/objectives")
@RequestScoped
@Transactional // the JSON is built from entities in the same persistence context, so their lazy references load (STYLE 9)
@Produces(MediaType.APPLICATION_JSON)
public class ObjectivesResource {

    @Inject
    OkrService okrs;

    @PathParam("cycle")
    String cycle;

    @GET
    @Operation(summary = "The cycle's objectives, by unit path and key")
    public List<ObjectiveJson> list() {
        return okrs.objectivesOf(cycle).stream().map(this::json).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates an objective in a unit (leads of the unit or above, admins)")
    public Response create(ObjectiveCommand body) {
        requireBody(body);
        return Response.status(Response.Status.CREATED).entity(json(okrs.createObjective(cycle, body))).build();
    }

    @GET
    @Path("{key}")
    @Operation(summary = "One objective, with its version as ETag")
    public Response get(@PathParam("key") String key) {
        Objective o = okrs.objective(cycle, key);
        return Response.ok(json(o)).tag(new EntityTag(String.valueOf(o.getVersion()))).build();
    }

    @PUT
    @Path("{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes an objective (title, description, owner, weight, parentKey; If-Match guards the version)")
    public Response update(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch, ObjectiveCommand body) {
        requireBody(body);
        Long v = Versions.fromIfMatch(ifMatch);
        ObjectiveCommand c = v == null ? body : new ObjectiveCommand(body.key(), body.title(), body.description(),
                body.unitPath(), body.owner(), body.weight(), body.parentKey(), v);
        Objective o = okrs.updateObjective(cycle, key, c);
        return Response.ok(json(o)).tag(new EntityTag(String.valueOf(o.getVersion()))).build();
    }

    @POST
    @Path("{key}/key-results")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds a key result to the objective (leads of its unit or above, admins)")
    public Response addKeyResult(@PathParam("key") String key, KeyResultCommand body) {
        requireBody(body);
        return Response.status(Response.Status.CREATED).entity(KeyResultJson.of(okrs.createKeyResult(cycle, key, body)))
                .build();
    }

    @POST
    @Path("{key}/grade")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Overrides the frozen grade of a closed cycle's objective, with a reason (the owner's lead)")
    public ObjectiveJson overrideGrade(@PathParam("key") String key, GradeOverride body) {
        requireBody(body);
        return json(okrs.overrideObjectiveGrade(cycle, key, body.grade(), body.reason()));
    }

    private ObjectiveJson json(Objective o) {
        return ObjectiveJson.of(o, okrs.keyResultsOf(o));
    }

    private static void requireBody(Object body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
    }
}
