package com.keystone.okr.web.api;

import com.keystone.okr.web.imports.ImportRejectedException;
import com.keystone.okr.web.imports.RowError;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Response;

/** A refused import: 400 with every bad row. */
final class ImportErrors {

    private ImportErrors() {
    }

    static Response toResponse(ImportRejectedException e) {
        JsonArrayBuilder errors = JsonBuilders.array();
        for (RowError r : e.errors()) {
            errors.add(ApiErrors.error(r.row(), r.column(), r.message()));
        }
        return ApiErrors.build(400, errors);
    }
}
