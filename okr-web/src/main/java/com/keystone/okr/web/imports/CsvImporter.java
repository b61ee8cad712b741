package com.keystone.okr.web.imports;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.persistence.GraphLocks;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Imports one CSV file of OKRs, check-ins, KPIs, measurements or people (the {@code /import/{kind}}
 * contract), all or nothing, inside the caller's transaction: it never begins, commits, flushes
 * or clears.
 *
 * <p>The file is read whole and every row is checked before anything is written: first its
 * shape (UTF-8, quoting, the header's columns, the number of fields), then each value (numbers,
 * dates, choices, required values), then what it refers to (users, cycles, units, key results,
 * KPIs, all read up front in a few set-based queries) and the domain's own rules, applied to the
 * entities in memory. Any problem, anywhere, rejects the whole file with an
 * {@link ImportRejectedException} listing every problem found; the caller must then roll back.
 * Only a file without problems is persisted, and the caller's commit writes it.
 *
 * <p>Rows are numbered as a spreadsheet shows them, the header being row 1 (see {@link RowError}).
 * Values are stripped; an empty value is absent. Numbers are plain decimals ({@code 1234.5},
 * {@code 1e3}; no thousands separators, no {@code NaN}); values keep 10 decimal places and
 * weights 6, rounded half-up, as the database does. Dates are {@code YYYY-MM-DD}; choices
 * ({@code direction}, {@code kr_type}, ...) are accepted in any case; cycle names {@code 2026-q4}
 * mean {@code 2026-Q4}; owners are user names in any case.
 */
public final class CsvImporter {

    /** The largest file, in bytes (32 MiB), the API and the upload page take. */
    public static final int MAX_BYTES = 32 * 1024 * 1024;

    /** The most data rows one file may have. */
    public static final int MAX_ROWS = 200_000;

    private final EntityManager em;
    private final Clock clock;
    private final String actorUsername;
    private List<ImportChange> changes = List.of();
    private List<PersonChange> people = List.of();
    private final List<ImportLine> rowLines = new ArrayList<>();

    /**
     * @param em            the caller's entity manager, in its transaction
     * @param clock         gives the recorded-at instant of the check-ins and measurements of an import
     * @param actorUsername the importing user: author of the check-ins, recorder of the measurements
     */
    public CsvImporter(EntityManager em, Clock clock, String actorUsername) {
        this.em = Objects.requireNonNull(em, "em");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.actorUsername = actorUsername;
    }

    /** The objectives, key results or KPIs the last import created or updated (none for check-ins and measurements). */
    public List<ImportChange> changes() {
        return changes;
    }

    /** The people the last import created or matched, as the history follows them before and after. */
    public List<PersonChange> people() {
        return people;
    }

    /**
     * What the last import does with each key or row, for a preview: the people, check-ins and
     * measurements by row; the objectives, key results and KPIs by key, told apart as updated or
     * unchanged by their versions, so ask after the caller's flush.
     */
    public List<ImportLine> lines() {
        List<ImportLine> all = new ArrayList<>(rowLines);
        for (ImportChange c : changes) {
            all.add(new ImportLine(null, c.subject().name().toLowerCase(Locale.ROOT), c.key(),
                    c.created() ? ImportLine.Change.CREATED : c.updated() ? ImportLine.Change.UPDATED : ImportLine.Change.UNCHANGED));
        }
        return all;
    }

    /**
     * Checks and stores one file.
     *
     * @return what was created, updated, and found already stored as it is
     * @throws ImportRejectedException when anything in the file is wrong; nothing was written, and
     *                                 the caller must roll back its transaction
     */
    public ImportResult importCsv(ImportKind kind, byte[] body) {
        Objects.requireNonNull(kind, "kind");
        changes = List.of();
        people = List.of();
        rowLines.clear();
        ErrorList errors = new ErrorList();
        CsvParser.Parsed parsed = CsvParser.parse(body, MAX_ROWS);
        errors.addAll(parsed.errors());
        if (parsed.fatal()) {
            errors.throwIfAny();
        }
        if (parsed.header() == null) {
            errors.add(null, null, ImportText.text("emptyFile"));
            errors.throwIfAny();
        }
        List<ImportRow> rows = rows(kind, parsed, errors);
        if (rows == null) {
            errors.throwIfAny();
        }
        if (rows.isEmpty()) {
            if (errors.isEmpty()) {
                errors.add(null, null, ImportText.text("noDataRows"));
            }
            errors.throwIfAny();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps, so stored and in-memory instants compare equal
        // the graphs an import may re-link are locked before they are read, as the services do (GraphLocks)
        if (kind == ImportKind.OKRS) {
            new GraphLocks(em).lockAllCascades();
        } else if (kind == ImportKind.KPIS) {
            new GraphLocks(em).lockKpiGraph();
        }
        try {
            return switch (kind) {
                case OKRS -> {
                    OkrImport okrs = new OkrImport(em, errors);
                    ImportResult r = okrs.run(rows);
                    changes = okrs.changes();
                    yield r;
                }
                case CHECKINS -> new CheckInImport(em, errors, actorUsername, now, rowLines).run(rows);
                case KPIS -> {
                    KpiImport kpis = new KpiImport(em, errors);
                    ImportResult r = kpis.run(rows);
                    changes = kpis.changes();
                    yield r;
                }
                case MEASUREMENTS -> new MeasurementImport(em, errors, actorUsername, now, rowLines).run(rows);
                case PEOPLE -> {
                    PeopleImport p = new PeopleImport(em, errors, actorUsername, rowLines);
                    ImportResult r = p.run(rows);
                    people = p.changes();
                    yield r;
                }
            };
        } catch (InvalidInputException e) {
            // every domain refusal should have been caught at its row; one that was not still is bad input
            errors.add(null, kind.columns().contains(e.getField()) ? e.getField() : null, e.getMessage());
            errors.throwIfAny();
            throw e;
        }
    }

    /**
     * Checks the header against the kind's columns and reads the data rows by column name;
     * {@code null} when the header is unusable (its problems are reported).
     */
    private static List<ImportRow> rows(ImportKind kind, CsvParser.Parsed parsed, ErrorList errors) {
        CsvParser.Record header = parsed.header();
        int headerRow = header.row();
        CsvFile.Header checked = CsvFile.header(header, kind.columns(), kind.requiredColumns(),
                "the " + kind.pathName() + " import", errors);
        List<String> names = checked.names();
        Set<String> seen = checked.present();
        boolean usable = checked.usable();
        for (int i = 0; i < names.size(); i++) {
            int column = i;
            if (names.get(i).isEmpty() && parsed.rows().stream().anyMatch(r -> !r.fields().get(column).isBlank())) {
                errors.add(headerRow, null, ImportText.text("unnamedColumn", i + 1));
                usable = false;
            } // an unnamed, empty column (a spreadsheet's trailing commas) is ignored
        }
        if (!usable) {
            return null;
        }
        List<ImportRow> rows = new ArrayList<>(parsed.rows().size());
        for (CsvParser.Record record : parsed.rows()) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                String value = record.fields().get(i).strip();
                if (!names.get(i).isEmpty() && !value.isEmpty()) {
                    values.put(names.get(i), value);
                }
            }
            rows.add(new ImportRow(record.row(), values, seen, errors));
        }
        return rows;
    }
}
