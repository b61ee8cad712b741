package com.keystone.okr.web.api;

import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.web.startup.StartupStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What is running: the product, the API version, the database schema version and the version of the data. */
@Path("system")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    StartupStatus status;

    @Inject
    ChangeJournal journal;

    @GET
    @Operation(summary = "The product, API version and schema version of this instance")
    public Map<String, Object> system() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("product", "Keystone");
        m.put("apiVersion", 1);
        m.put("schemaVersion", status.getSchemaVersion());
        m.put("state", status.getState().name());
        // moves on with every committed change of what the reports read: a cheap "has anything changed?"
        m.put("dataVersion", journal.version());
        return m;
    }
}
