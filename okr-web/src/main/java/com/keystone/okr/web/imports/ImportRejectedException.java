package com.keystone.okr.web.imports;

import java.util.List;

/**
 * An import refused because of bad input: every problem found, ordered by row. Nothing was
 * written to the database, but entities already managed by the caller's entity manager may have
 * been changed in memory while the rows were checked against the domain rules, so the caller must
 * roll its transaction back (a {@code @Transactional} service does so for this unchecked exception).
 */
public class ImportRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<RowError> errors;

    public ImportRejectedException(List<RowError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    private static String summary(List<RowError> errors) {
        if (errors.isEmpty()) {
            return "import rejected";
        }
        RowError first = errors.get(0);
        return "import rejected: " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ", the first "
                + (first.row() == null ? "" : "in row " + first.row() + " ")
                + (first.column() == null ? "" : "column " + first.column() + " ") + "- " + first.message();
    }

    public List<RowError> errors() {
        return errors;
    }
}
