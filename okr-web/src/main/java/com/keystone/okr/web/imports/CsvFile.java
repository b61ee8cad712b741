package com.keystone.okr.web.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CSV file read row by row by column name, with the rules of the imports (the same parser, the
 * same header check, the same typed values): the streaming reader for files too large to hold,
 * the files of a backup. Rows whose shape is wrong are reported and skipped; an unterminated
 * quote or a byte sequence that is not UTF-8 ends the reading.
 */
public final class CsvFile {

    /** The columns a header names (lower case, "" for an unnamed one), those present, and whether it can be read. */
    public record Header(List<String> names, Set<String> present, boolean usable) {
    }

    private final CsvParser.Records records;
    private final Set<String> verbatim;
    private final ErrorList errors;
    private CsvParser.Record headerRecord;
    private Header header;
    private boolean ended;

    private CsvFile(Reader in, Set<String> verbatim, ErrorList errors) throws IOException {
        this.records = new CsvParser.Records(in);
        this.verbatim = verbatim;
        this.errors = errors;
    }

    /**
     * Opens a file and checks its header.
     *
     * @param in       the file's bytes (UTF-8); not closed here
     * @param columns  every column the file may have, required ones among them
     * @param required the columns it must have
     * @param takes    what takes these columns, for the messages: "checkins.csv"
     * @param verbatim columns whose values keep their spaces (free texts stored as they were)
     * @param errors   where every problem goes
     * @return the file, or null when nothing can be read (the header's problems are reported)
     */
    public static CsvFile open(InputStream in, List<String> columns, List<String> required, String takes,
                               Set<String> verbatim, ErrorList errors) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvFile file = new CsvFile(reader, verbatim, errors);
        CsvParser.Record first = file.nextRecord();
        if (first == null) {
            if (errors.isEmpty()) {
                errors.add(null, null, "the file is empty; it needs a header row");
            }
            return null;
        }
        if (file.records.problem() != null) {
            errors.add(first.row(), null, file.records.problem());
        }
        file.headerRecord = first;
        file.header = header(first, columns, required, takes, errors);
        return file.header.usable() ? file : null;
    }

    /** Checks a header row against the columns a file may have; every problem is reported on the header's row. */
    static Header header(CsvParser.Record header, List<String> columns, List<String> required, String takes,
                                ErrorList errors) {
        int headerRow = header.row();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean usable = true;
        for (String field : header.fields()) {
            String name = field.strip().toLowerCase(Locale.ROOT);
            names.add(name);
            if (name.isEmpty()) {
                continue;
            }
            if (!columns.contains(name)) {
                errors.add(headerRow, name, ImportText.text("unknownColumn", ImportRow.abbreviate(name), takes,
                        String.join(", ", columns)));
                usable = false;
            } else if (!seen.add(name)) {
                errors.add(headerRow, name, ImportText.text("repeatedColumn", name));
                usable = false;
            }
        }
        for (String r : required) {
            if (!seen.contains(r)) {
                errors.add(headerRow, r, ImportText.text("missingColumn", r));
                usable = false;
            }
        }
        return new Header(names, seen, usable);
    }

    /** Whether the header names this column. */
    public boolean has(String column) {
        return header.present().contains(column);
    }

    /**
     * The next data row whose shape is right (others are reported and skipped), or null at the end
     * of the file. Values are stripped (but for the verbatim columns) and empty ones absent.
     */
    public ImportRow next() throws IOException {
        for (CsvParser.Record r = nextRecord(); r != null; r = nextRecord()) {
            String problem = records.problem();
            if (problem == null) {
                problem = CsvParser.fieldCount(r, headerRecord);
            }
            if (problem != null) {
                errors.add(r.row(), null, problem);
                continue;
            }
            Map<String, String> values = new HashMap<>();
            boolean unnamedValue = false;
            for (int i = 0; i < header.names().size(); i++) {
                String name = header.names().get(i);
                String raw = r.fields().get(i);
                String value = verbatim.contains(name) ? raw : raw.strip();
                if (name.isEmpty()) {
                    unnamedValue |= !raw.isBlank();
                } else if (!value.isEmpty()) {
                    values.put(name, value);
                }
            }
            if (unnamedValue) {
                errors.add(r.row(), null, "the row has a value in a column without a name in the header");
                continue;
            }
            return new ImportRow(r.row(), values, header.present(), errors);
        }
        return null;
    }

    private CsvParser.Record nextRecord() throws IOException {
        if (ended) {
            return null;
        }
        CsvParser.Record r;
        try {
            r = records.next();
        } catch (CharacterCodingException e) {
            errors.add(null, null, CsvParser.NOT_UTF8);
            ended = true;
            return null;
        }
        if (r != null && records.unterminated()) {
            errors.add(r.row(), null, CsvParser.UNTERMINATED);
            ended = true;
            return null;
        }
        return r;
    }
}
