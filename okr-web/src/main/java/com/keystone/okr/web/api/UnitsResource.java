package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.api.ApiJson.UnitJson;
import com.keystone.okr.web.api.ApiJson.UnitRequest;
import com.keystone.okr.web.support.Versions;
import com.keystone.okr.web.unit.UnitService;
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

/** The organisation tree; a unit is addressed by its path, e.g. {@code /units/Acme/Sales/Inbound}. */
@Path("units")
@RequestScoped
@Transactional // the JSON is built from entities in the same persistence context, so their lazy references load (STYLE 9)
@Produces(MediaType.APPLICATION_JSON)
public class UnitsResource {

    @Inject
    UnitService units;

    @GET
    @Operation(summary = "Every unit, in path order")
    public List<UnitJson> list() {
        return units.list().stream().map(UnitJson::of).toList();
    }

    @GET
    @Path("{path: .+}")
    @Operation(summary = "One unit, with its version as ETag")
    public Response get(@PathParam("path") String path) {
        var u = units.get(path);
        return Response.ok(UnitJson.of(u)).tag(new EntityTag(String.valueOf(u.getVersion()))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Creates a unit below parentPath (admins)")
    public Response create(UnitRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body with parentPath and name is required");
        }
        var u = units.create(body.parentPath(), body.name());
        return Response.status(Response.Status.CREATED).entity(UnitJson.of(u)).build();
    }

    @PUT
    @Path("{path: .+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Renames, moves (parentPath), archives or restores a unit (admins); If-Match guards the version")
    public Response update(@PathParam("path") String path, @HeaderParam("If-Match") String ifMatch, UnitRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        Long version = Versions.fromIfMatch(ifMatch);
        var u = units.update(path, body.name(), body.parentPath(), body.archived(), version != null ? version : body.version());
        return Response.ok(UnitJson.of(u)).tag(new EntityTag(String.valueOf(u.getVersion()))).build();
    }
}
