package com.keystone.okr.web.api;

import com.keystone.okr.web.backup.BackupService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /export}: the whole company as a zip written as it is read (admins); see docs/backup.md. */
@Path("export")
@RequestScoped
public class ExportResource {

    public static final String ZIP = "application/zip";

    @Inject
    BackupService backups;

    @GET
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    @Operation(summary = "The whole company as a zip of CSV files and a manifest (admins); see docs/backup.md")
    public Response export() {
        backups.checkExportAllowed(); // before the answer starts: a refusal is still a 403
        StreamingOutput body = out -> backups.export(out);
        return Response.ok(body, ZIP).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"keystone-backup-"
                + LocalDate.now(ZoneOffset.UTC) + ".zip\"").build();
    }
}
