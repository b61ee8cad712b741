package com.keystone.okr.web.backup;

import com.keystone.okr.web.imports.ImportKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data files of a backup, in the order they are written and restored, with their columns.
 * Where an import reads the same data (okrs, checkins, kpis, measurements), the file has the
 * import's columns, in the import's order, and adds only what a backup needs besides (who recorded
 * a check-in and when, frozen grades, ...).
 */
public enum BackupFile {

    UNITS("units.csv", List.of("unit_path"), List.of("archived")),
    PEOPLE("people.csv", List.of("username", "display_name"), List.of("email", "active", "global_roles")),
    MEMBERSHIPS("memberships.csv", List.of("username", "unit_path", "role"), List.of()),
    CYCLES("cycles.csv", List.of("cycle", "start_date", "end_date", "state"), List.of("closed_at")),
    KPIS("kpis.csv", ImportKind.KPIS, List.of(), List.of()),
    MEASUREMENTS("measurements.csv", ImportKind.MEASUREMENTS, List.of("recorded_at"), List.of("recorded_by")),
    OKRS("okrs.csv", ImportKind.OKRS, List.of(), List.of("objective_description", "objective_grade",
            "objective_grade_override", "objective_grade_reason", "objective_grade_by", "objective_grade_at", "kr_grade",
            "kr_grade_override", "kr_grade_reason", "kr_grade_by", "kr_grade_at")),
    CHECKINS("checkins.csv", ImportKind.CHECKINS, List.of("recorded_at"), List.of("author")),
    AUDIT("audit.csv", List.of("occurred_at", "action", "subject_type", "subject_key"),
            List.of("actor", "old_value", "new_value", "reason"));

    /** Free texts kept exactly as written, spaces and all. */
    static final Set<String> VERBATIM = Set.of("old_value", "new_value", "reason");

    private final String fileName;
    private final List<String> required;
    private final List<String> columns;

    BackupFile(String fileName, List<String> required, List<String> optional) {
        this.fileName = fileName;
        this.required = required;
        this.columns = Stream.concat(required.stream(), optional.stream()).toList();
    }

    BackupFile(String fileName, ImportKind kind, List<String> moreRequired, List<String> moreOptional) {
        this.fileName = fileName;
        this.required = Stream.concat(kind.requiredColumns().stream(), moreRequired.stream()).toList();
        this.columns = Stream.of(kind.columns(), moreRequired, moreOptional).flatMap(List::stream).toList();
    }

    public String fileName() {
        return fileName;
    }

    /** Every column, in the order a backup writes them. */
    public List<String> columns() {
        return columns;
    }

    public List<String> required() {
        return required;
    }
}
