package com.keystone.okr.web.imports;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** What a CSV file holds, with the columns the interface contract gives each kind (required ones first). */
public enum ImportKind {

    OKRS("okrs",
            List.of("cycle", "unit_path", "objective_key", "objective"),
            List.of("parent_objective_key", "objective_weight", "objective_owner", "kr_key", "key_result", "kr_type",
                    "start", "target", "kr_weight", "kr_owner", "kpi_key")),
    CHECKINS("checkins",
            List.of("cycle", "kr_key", "date", "value"),
            List.of("confidence", "comment")),
    KPIS("kpis",
            List.of("kpi_key", "unit_path", "name", "direction", "kind", "target", "warning", "time_aggregation"),
            List.of("unit_of_measure", "owner", "unit_aggregation", "children", "numerator_key", "denominator_key")),
    MEASUREMENTS("measurements",
            List.of("kpi_key", "date", "value"),
            List.of()),
    PEOPLE("people",
            List.of("username", "name"),
            List.of("email", "global_role", "unit_roles", "active"));

    private final String pathName;
    private final List<String> requiredColumns;
    private final List<String> optionalColumns;

    ImportKind(String pathName, List<String> requiredColumns, List<String> optionalColumns) {
        this.pathName = pathName;
        this.requiredColumns = requiredColumns;
        this.optionalColumns = optionalColumns;
    }

    /** The kind named in {@code /import/{kind}}: {@code okrs}, {@code checkins}, {@code kpis}, {@code measurements} or {@code people}. */
    public static Optional<ImportKind> fromPath(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        String k = kind.strip().toLowerCase(Locale.ROOT);
        return Stream.of(values()).filter(v -> v.pathName.equals(k)).findFirst();
    }

    public String pathName() {
        return pathName;
    }

    public List<String> requiredColumns() {
        return requiredColumns;
    }

    public List<String> optionalColumns() {
        return optionalColumns;
    }

    /** Every column this kind accepts, required ones first. */
    public List<String> columns() {
        return Stream.concat(requiredColumns.stream(), optionalColumns.stream()).toList();
    }
}
