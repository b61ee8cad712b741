package com.keystone.okr.web.api;

import com.keystone.okr.web.importing.ImportService;
import com.keystone.okr.web.imports.CsvImporter;
import com.keystone.okr.web.imports.ImportKind;
import com.keystone.okr.web.imports.ImportResult;
import com.keystone.okr.web.imports.ImportText;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** CSV imports of OKRs, check-ins, KPIs, measurements and people (admins): all or nothing, every bad row reported. */
@Path("import/{kind}")
@RequestScoped
public class ImportResource {

    /** Larger files are refused before they are read whole. */
    public static final int MAX_BYTES = CsvImporter.MAX_BYTES;

    @Inject
    ImportService imports;

    @POST
    // text/csv only: a form on another site can post text/plain without a preflight, never text/csv
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Imports a CSV file (UTF-8, RFC 4180, header row); answers {created, updated}")
    public Response importCsv(@PathParam("kind") String kind, @HeaderParam("Content-Type") String contentType,
                              InputStream body) throws IOException {
        imports.checkAllowed(); // before reading a possibly large body
        ImportKind k = ImportKind.fromPath(kind).orElse(null);
        if (k == null) {
            return ApiErrors.of(404, null, "There is no import of '" + kind + "': use okrs, checkins, kpis, measurements or people.");
        }
        String charset = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get("charset");
        if (charset != null && !charset.equalsIgnoreCase("UTF-8") && !charset.equalsIgnoreCase("UTF8")) {
            return ApiErrors.of(400, null, "Imports are UTF-8 only; this request declares charset " + charset + ".");
        }
        byte[] bytes = readAtMost(body);
        if (bytes == null) {
            return ApiErrors.of(413, null, ImportText.text("tooLarge", MAX_BYTES / (1024 * 1024)).english());
        }
        ImportResult r = imports.importCsv(k, bytes);
        return Response.ok(JsonBuilders.object().add("created", r.created()).add("updated", r.updated())
                .add("unchanged", r.unchanged()).build().toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static byte[] readAtMost(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + n > MAX_BYTES) {
                return null;
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }
}
