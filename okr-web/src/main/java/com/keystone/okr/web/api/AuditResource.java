package com.keystone.okr.web.api;

import com.keystone.okr.web.audit.AuditService;
import com.keystone.okr.web.audit.AuditService.Line;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit trail of one subject: {@code GET /api/v1/audit?subject=objective:CO-1[&cycle=2026-Q4]}. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(summary = "Who changed what about one subject (TYPE:KEY), newest first: admins and HR, leads for their units")
    public List<Line> history(@QueryParam("subject") String subject, @QueryParam("cycle") String cycle) {
        return audit.history(subject, cycle);
    }
}
