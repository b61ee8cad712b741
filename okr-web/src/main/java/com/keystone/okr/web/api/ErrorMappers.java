package com.keystone.okr.web.api;

import static com.keystone.okr.web.support.WebText.text;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.web.backup.RestoreRefusedException;
import com.keystone.okr.web.backup.RestoreRejectedException;
import com.keystone.okr.web.imports.ImportRejectedException;
import com.keystone.okr.web.metrics.BusinessMetrics;
import com.keystone.okr.web.security.AccessDeniedException;
import com.keystone.okr.web.support.StaleVersionException;
import com.keystone.okr.web.support.UnknownKeyException;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLDataException;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;

/**
 * Turns every failure into the API's error shape with the right status: bad input 400, not
 * signed in 401, not allowed 403, unknown key 404, stale version 409. Only a real fault of
 * ours is a 500, and it carries no stack trace.
 */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    @Inject
    BusinessMetrics metrics;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable thrown) {
        Response r = map(thrown);
        if (r.getStatus() >= 400 && r.getStatus() < 500) {
            metrics.requestRejected(r.getStatus());
        }
        return r;
    }

    private Response map(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException e) {
                return ApiErrors.of(400, jsonField(e.getField()), e.getMessage());
            }
            if (t instanceof ImportRejectedException e) {
                return ImportErrors.toResponse(e);
            }
            if (t instanceof RestoreRejectedException e) {
                return ImportErrors.toResponse(e);
            }
            if (t instanceof RestoreRefusedException e) {
                return ApiErrors.of(409, null, e.getMessage());
            }
            if (t instanceof AccessDeniedException e) {
                return ApiErrors.of(403, null, e.getMessage());
            }
            if (t instanceof UnknownKeyException e) {
                return ApiErrors.of(404, null, e.getMessage());
            }
            if (t instanceof StaleVersionException e) {
                return ApiErrors.of(409, null, e.getMessage());
            }
            if (t instanceof DataException || t instanceof SQLDataException) {
                // the domain checks every figure and text first; this is the database's word on what slipped past
                return ApiErrors.of(400, null, text("data.outOfRange").english());
            }
            if (t instanceof ConstraintViolationException) {
                return ApiErrors.of(409, null, "This conflicts with a change made at the same time (a key or name was "
                        + "taken meanwhile): reload and try again.");
            }
            if (t instanceof OptimisticLockException) {
                return ApiErrors.of(409, null, "Someone else changed this at the same time: reload it and try again.");
            }
            if (t instanceof JsonbException || t instanceof JsonParsingException) {
                return ApiErrors.of(400, property(t), "The body is not the JSON this call expects: " + firstLine(t.getMessage()));
            }
            if (t instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
                int status = e.getResponse().getStatus();
                return ApiErrors.of(status, null, status == 404 ? "There is no such resource."
                        : status == 405 ? "This method is not allowed here."
                        : status == 415 ? "This content type is not accepted here."
                        : status == 406 ? "This call answers JSON only." : firstLine(e.getMessage()));
            }
            if (t instanceof ProcessingException && t.getCause() == null) {
                return ApiErrors.of(400, null, "The request could not be read: " + firstLine(t.getMessage()));
            }
        }
        LOG.log(Level.SEVERE, "Unexpected failure answering an API call", thrown);
        return ApiErrors.of(500, null, "Something went wrong on our side; it has been logged.");
    }

    /** Yasson names the field of a type error ("Unable to deserialize property 'value' because of: ..."). */
    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]+)'");

    /** The JSON field at fault, so that "value":"abc" is reported with column "value" like any other bad value. */
    private static String property(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            Matcher m = c.getMessage() == null ? null : PROPERTY.matcher(c.getMessage());
            if (m != null && m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /**
     * The domain names its fields as the CSV columns do (objective_key, kr_weight, ...); a JSON
     * call's error names the JSON field the caller sent instead. Imports keep the column names.
     */
    private String jsonField(String field) {
        if (field == null || uriInfo == null || uriInfo.getPath().startsWith("import") || uriInfo.getPath().startsWith("restore")) {
            return field;
        }
        return JSON_FIELDS.getOrDefault(field, field);
    }

    private static final Map<String, String> JSON_FIELDS = Map.ofEntries(
            Map.entry("objective_key", "key"), Map.entry("kr_key", "key"), Map.entry("kpi_key", "key"),
            Map.entry("objective", "title"), Map.entry("key_result", "title"),
            Map.entry("objective_weight", "weight"), Map.entry("kr_weight", "weight"),
            Map.entry("cycle", "name"), Map.entry("start_date", "startDate"), Map.entry("end_date", "endDate"),
            Map.entry("display_name", "displayName"), Map.entry("parent", "parentPath"),
            Map.entry("parent_objective_key", "parentKey"), Map.entry("unit_path", "unitPath"),
            Map.entry("kr_type", "type"), Map.entry("time_aggregation", "timeAggregation"),
            Map.entry("unit_aggregation", "unitAggregation"), Map.entry("numerator_key", "numeratorKey"),
            Map.entry("denominator_key", "denominatorKey"), Map.entry("unit_of_measure", "unitOfMeasure"));

    /** The first line of a message, at most 300 characters: what an error body may quote of a parser. */
    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
