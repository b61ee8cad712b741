package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.web.api.ApiJson.KpiJson;
import com.keystone.okr.web.kpi.KpiService;
import com.keystone.okr.web.kpi.KpiService.KpiCommand;
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

/** KPI definitions; values per cycle are at {@code /cycles/{cycle}/kpis}, measurements at {@code /kpis/{kpi}/measurements}. */
@Path("kpis")
@RequestScoped
@Transactional // the JSON is built from entities in the same persistence context, so their lazy references load (STYLE 9)
@Produces(MediaType.APPLICATION_JSON)
public class KpisResource {

    @Inject
    KpiService kpis;

    @GET
    @Operation(summary = "Every KPI's definition")
    public List<KpiJson> list() {
        return kpis.list().stream().map(KpiJson::of).toList();
    }

    @GET
    @Path("{kpi}")
    @Operation(summary = "One KPI's definition, with its version as ETag")
    public Response get(@PathParam("kpi") String key) {
        Kpi k = kpis.get(key);
        return Response.ok(KpiJson.of(k)).tag(new EntityTag(String.valueOf(k.getVersion()))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Defines a KPI (leads of its unit or above, admins)")
    public Response create(KpiCommand body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        return Response.status(Response.Status.CREATED).entity(KpiJson.of(kpis.create(body))).build();
    }

    @PUT
    @Path("{kpi}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes a KPI's definition (If-Match guards the version)")
    public Response update(@PathParam("kpi") String key, @HeaderParam("If-Match") String ifMatch, KpiCommand body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body is required");
        }
        Long v = Versions.fromIfMatch(ifMatch);
        KpiCommand c = v == null ? body : new KpiCommand(body.key(), body.name(), body.unitPath(), body.direction(),
                body.kind(), body.target(), body.warning(), body.timeAggregation(), body.unitOfMeasure(), body.owner(),
                body.unitAggregation(), body.children(), body.numeratorKey(), body.denominatorKey(), v);
        Kpi k = kpis.update(key, c);
        return Response.ok(KpiJson.of(k)).tag(new EntityTag(String.valueOf(k.getVersion()))).build();
    }
}
