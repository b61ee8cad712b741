package com.keystone.okr.web.api;

import com.keystone.okr.web.support.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The API's one error shape: {@code {"errors":[{"row":N,"column":"...","message":"..."}]}}. */
public final class ApiErrors {

    private ApiErrors() {
    }

    public static Response of(int status, String column, String message) {
        JsonArrayBuilder errors = JsonBuilders.array().add(error(null, column, message));
        return build(status, errors);
    }

    public static JsonObjectBuilder error(Integer row, String column, String message) {
        JsonObjectBuilder e = JsonBuilders.object();
        if (row != null) {
            e.add("row", row);
        }
        if (column != null) {
            e.add("column", column);
        }
        return e.add("message", message == null ? "invalid request" : message);
    }

    public static Response build(int status, JsonArrayBuilder errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonBuilders.object().add("errors", errors).build().toString()).build();
    }
}
