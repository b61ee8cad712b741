package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.cycle.CarryOverReport;
import com.keystone.okr.web.cycle.CarryOverService;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Carrying a cycle's objectives and key results over into a later cycle; the answer is the report of what happened. */
@Path("cycles/{cycle}/carry-over")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CarryOverResource {

    /** The body: the target cycle, whether only unfinished ones go (default true), and the unit (default the company). */
    public record CarryOverRequest(String to, Boolean unfinishedOnly, String unit) {
    }

    @Inject
    CarryOverService carryOver;

    @PathParam("cycle")
    String cycle;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Copies the objectives and key results of a unit (and the units below it; default the company)"
            + " into a later cycle, keeping keys, owners, weights and alignments, with the last values reached as"
            + " start values; answers what was carried, skipped and changed (leads of the unit, admins)")
    public JsonObject carry(CarryOverRequest body) {
        if (body == null) {
            throw new InvalidInputException("body", "a JSON body with at least \"to\" is required");
        }
        return json(carryOver.carryOver(cycle, body.to(), body.unit(), body.unfinishedOnly()));
    }

    static JsonObject json(CarryOverReport r) {
        JsonArrayBuilder carried = JsonBuilders.array();
        for (CarryOverReport.CarriedObjective o : r.carried()) {
            JsonArrayBuilder krs = JsonBuilders.array();
            for (CarryOverReport.CarriedKeyResult k : o.keyResults()) {
                JsonObjectBuilder kr = JsonBuilders.object().add("key", k.key()).add("title", k.title())
                        .add("start", k.start()).add("target", k.target());
                krs.add(k.kpiKey() == null ? kr.addNull("kpi") : kr.add("kpi", k.kpiKey()));
            }
            JsonObjectBuilder ob = JsonBuilders.object().add("key", o.key()).add("title", o.title())
                    .add("unitPath", o.unitPath()).add("progress", o.progress());
            (o.parentKey() == null ? ob.addNull("parentKey") : ob.add("parentKey", o.parentKey())).add("keyResults", krs);
            carried.add(ob);
        }
        return JsonBuilders.object().add("from", r.from()).add("to", r.to()).add("unit", r.unit())
                .add("unfinishedOnly", r.unfinishedOnly()).add("asOf", r.asOf().toString())
                .add("cycleCreated", r.cycleCreated())
                .add("objectivesCarried", r.objectivesCarried()).add("keyResultsCarried", r.keyResultsCarried())
                .add("carried", carried).add("skipped", items(r.skipped())).add("notes", items(r.notes())).build();
    }

    private static JsonArrayBuilder items(List<CarryOverReport.Item> items) {
        JsonArrayBuilder a = JsonBuilders.array();
        for (CarryOverReport.Item i : items) {
            a.add(JsonBuilders.object().add("type", i.kind().apiName()).add("key", i.key()).add("reason", i.reason().name())
                    .add("message", i.text().english()));
        }
        return a;
    }
}
