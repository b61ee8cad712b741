package com.keystone.okr.web.api;

import com.keystone.okr.web.backup.BackupService;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code POST /restore}: a backup restored all or nothing into a database without a company
 * (admins); see docs/backup.md.
 */
@Path("restore")
@RequestScoped
public class RestoreResource {

    @Inject
    BackupService backups;

    @POST
    @Consumes(ExportResource.ZIP)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Restores a backup (application/zip) into a database without a company, all or nothing "
            + "(admins); answers the rows restored of each file")
    public Response restore(InputStream body) throws IOException {
        backups.checkRestoreAllowed(); // before a possibly large body is read
        java.nio.file.Path file = Files.createTempFile("keystone-restore-", ".zip");
        try {
            Files.copy(body == null ? InputStream.nullInputStream() : body, file, StandardCopyOption.REPLACE_EXISTING);
            Map<String, Long> restored = backups.restore(file);
            JsonObjectBuilder files = JsonBuilders.object();
            restored.forEach(files::add);
            return Response.ok(JsonBuilders.object().add("restored", files).build().toString(),
                    MediaType.APPLICATION_JSON_TYPE).build();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
