package com.keystone.okr.web.api;

import com.keystone.okr.web.backup.RestoreRejectedException;
import com.keystone.okr.web.imports.ImportRejectedException;
import com.keystone.okr.web.imports.RowError;
import com.keystone.okr.web.support.JsonBuilders;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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

    /** A refused restore: 400 with every problem, each naming the backup's file (besides row and column). */
    static Response toResponse(RestoreRejectedException e) {
        JsonArrayBuilder errors = JsonBuilders.array();
        for (RestoreRejectedException.FileError f : e.errors()) {
            JsonObjectBuilder error = JsonBuilders.object();
            if (f.file() != null) {
                error.add("file", f.file());
            }
            error.addAll(ApiErrors.error(f.row(), f.column(), f.message()));
            errors.add(error);
        }
        return ApiErrors.build(400, errors);
    }
}
