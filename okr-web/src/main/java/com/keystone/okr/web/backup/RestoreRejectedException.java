package com.keystone.okr.web.backup;

import com.keystone.okr.web.imports.RowError;
import java.io.Serializable;
import java.util.List;

/**
 * A backup that cannot be restored as it is: a file missing or not one of a backup, a manifest of
 * another format version, rows that are bad or tampered with. Every problem names the file, and the
 * row and column where they apply. Nothing was stored; the caller's transaction must roll back.
 */
public class RestoreRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One problem: the file of the backup, and its row (the header is row 1) and column where they apply. */
    public record FileError(String file, Integer row, String column, String message) implements Serializable {
    }

    private final List<FileError> errors;

    public RestoreRejectedException(List<FileError> errors) {
        super("restore rejected: " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + (errors.isEmpty() ? "" : ", the first in " + errors.get(0).file() + " - " + errors.get(0).message()));
        this.errors = List.copyOf(errors);
    }

    static RestoreRejectedException of(String file, List<RowError> errors) {
        return new RestoreRejectedException(errors.stream()
                .map(e -> new FileError(file, e.row(), e.column(), e.message())).toList());
    }

    public List<FileError> errors() {
        return errors;
    }
}
