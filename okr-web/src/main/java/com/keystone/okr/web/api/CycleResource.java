package com.keystone.okr.web.api;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.unit.UnitResult;
import com.keystone.okr.web.api.ApiJson.CycleJson;
import com.keystone.okr.web.cycle.CycleService;
import com.keystone.okr.web.report.PeopleOutcomesService;
import com.keystone.okr.web.report.ReportService;
import com.keystone.okr.web.support.Dates;
import com.keystone.okr.web.support.Params;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Results of one cycle, as of any date: the roll-up, the KPI values and the OKR coach's findings,
 * of the whole company or of one unit's subtree. Answers are written as they are read from the
 * live model (streamed), never built whole first.
 */
@Path("cycles/{cycle}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CycleResource {

    @Inject
    ReportService reports;

    @Inject
    CycleService cycles;

    @Inject
    ReportPieces pieces;

    @Inject
    PeopleOutcomesService outcomes;

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
    @Operation(summary = "Progress of every unit, objective and key result (R1-R5), as of a date (default today);"
            + " with unit=PATH that unit and the units below it, with depth=N at most N levels below it")
    public Response rollup(@QueryParam("asOf") @Parameter(description = "YYYY-MM-DD") String asOf,
                           @QueryParam("unit") @Parameter(description = "a unit path, e.g. Acme/Sales") String unit,
                           @QueryParam("depth") @Parameter(description = "levels below the unit, 0 or more") String depth,
                           @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        CycleReport r = report(asOf);
        List<UnitResult> units = unit == null && depth == null ? r.units()
                : r.subtree(unitPath(r, unit), Params.nonNegative("depth", depth));
        boolean gzip = acceptsGzip(acceptEncoding);
        Response.ResponseBuilder answer = Response.ok((StreamingOutput) out -> pieces.write(r, units, gzip, out),
                MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        return (gzip ? answer.header(HttpHeaders.CONTENT_ENCODING, "gzip") : answer).build();
    }

    @GET
    @Path("kpis")
    @Operation(summary = "Every KPI's value for the cycle and its status (R6, R7), as of a date (default today);"
            + " with unit=PATH the KPIs of that unit and the units below it")
    public Response kpis(@QueryParam("asOf") @Parameter(description = "YYYY-MM-DD") String asOf,
                         @QueryParam("unit") @Parameter(description = "a unit path, e.g. Acme/Sales") String unit) {
        CycleReport r = report(asOf);
        List<UnitResult> units = unit == null ? r.units() : r.subtree(unitPath(r, unit), null);
        return json(out -> pieces.writeKpis(r, units, out));
    }

    @GET
    @Path("findings")
    @Operation(summary = "The OKR coach's findings for the cycle (R8); with unit=PATH those of that unit and the units below it")
    public Response findings(@QueryParam("asOf") @Parameter(description = "YYYY-MM-DD") String asOf,
                             @QueryParam("unit") @Parameter(description = "a unit path, e.g. Acme/Sales") String unit) {
        CycleReport r = report(asOf);
        List<UnitResult> units = unit == null ? r.units() : r.subtree(unitPath(r, unit), null);
        return json(out -> pieces.writeFindings(r, units, out));
    }

    @GET
    @Path("people")
    @Operation(summary = "Outcomes by person (HR, admins): each person's objectives and key results of the cycle with"
            + " progress, grades and check-in discipline as in the quarterly review; unit=PATH keeps the people with a"
            + " role in that unit (and below it unless below=false), q=TEXT those whose user name or name contains it")
    public PeopleOutcomesJson people(@QueryParam("asOf") @Parameter(description = "YYYY-MM-DD") String asOf,
                                     @QueryParam("unit") @Parameter(description = "a unit path, e.g. Acme/Sales") String unit,
                                     @QueryParam("below") @Parameter(description = "true (default) or false") String below,
                                     @QueryParam("q") @Parameter(description = "part of a user name or name") String q) {
        outcomes.requireAllowed();
        LocalDate date = Dates.parse("asOf", asOf);
        String path = unit == null ? null : unitPath(report(asOf), unit);
        if (below != null && !below.equals("true") && !below.equals("false")) {
            throw new InvalidInputException("below", "below must be true or false, not '" + below + "'");
        }
        return PeopleOutcomesJson.of(outcomes.sheet(cycle, date,
                new PeopleOutcomesService.Query(q, path, !"false".equals(below))));
    }

    private CycleReport report(String asOf) {
        return reports.report(cycle, Dates.parse("asOf", asOf));
    }

    /** The unit named by the query, which must exist (404 otherwise); null (no unit given) is the company's root. */
    private static String unitPath(CycleReport r, String unit) {
        String path = unit == null ? r.units().get(0).path() : unit.strip();
        if (r.unit(path).isEmpty()) {
            throw new UnknownKeyException("unit", path);
        }
        return path;
    }

    /** Whether an {@code Accept-Encoding} header accepts gzip: named (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            boolean refused = parts.length > 1 && parts[1].replace(" ", "").matches("q=0(\\.0*)?");
            if ((name.equals("gzip") || name.equals("*")) && !refused) {
                return true;
            }
        }
        return false;
    }

    private static Response json(StreamingOutput body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
