package com.keystone.okr.web.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 reader, strict where a lenient one would guess. The body must be UTF-8 (a
 * leading byte order mark is skipped); records end with CRLF, LF or a lone CR; a field may be
 * quoted, with {@code ""} for a quote and with commas and line breaks inside. A quote inside an
 * unquoted field, or text after a closing quote, is an error of that row (Excel writes neither);
 * an unterminated quote is an error of the row where it opens and ends the reading, since
 * everything after it would be one field.
 *
 * <p>Rows are numbered as a spreadsheet shows the file: one number per record, blank lines
 * included. Blank records (no characters, or only empty fields, as spreadsheets write for empty
 * rows) are skipped wherever they are. The first non-blank record is the header; every data row
 * must have as many fields as it.
 *
 * <p>{@link #parse} reads a whole import body; {@link Records} reads a stream record by record
 * (the files of a backup, which may be far larger than memory), with the same rules.
 */
final class CsvParser {

    /** A field longer than this is cut and its row refused, so that one runaway quote cannot fill the memory. */
    static final int MAX_FIELD = 1 << 20;

    /** One record: its row number and its fields, untrimmed. */
    record Record(int row, List<String> fields) {
    }

    /**
     * What was read. {@code header} is null when there is none; {@code rows} are the data rows
     * without a structural error; {@code fatal} is set when reading stopped, so the rows are incomplete.
     */
    record Parsed(Record header, List<Record> rows, List<RowError> errors, boolean fatal) {
    }

    private CsvParser() {
    }

    static Parsed parse(byte[] body, int maxDataRows) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Parsed(null, List.of(), List.of(new RowError(null, null, NOT_UTF8, ImportText.text("notUtf8"))), true);
        }
        try {
            return read(new Records(new StringReader(text)), maxDataRows);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string reader does not fail
        }
    }

    static final String NOT_UTF8 = "the file is not UTF-8";

    private static Parsed read(Records records, int maxDataRows) throws IOException {
        List<RowError> errors = new ArrayList<>();
        List<Record> rows = new ArrayList<>();
        Record header = null;
        int dataRows = 0;
        for (Record r = records.next(); r != null; r = records.next()) {
            if (records.unterminated()) {
                errors.add(new RowError(r.row(), null, UNTERMINATED));
                return new Parsed(header, rows, errors, true);
            }
            String problem = records.problem();
            if (header == null) {
                header = r;
                if (problem != null) {
                    errors.add(new RowError(r.row(), null, problem));
                }
                continue;
            }
            dataRows++;
            if (problem == null) {
                problem = fieldCount(r, header);
            }
            if (problem != null) {
                errors.add(new RowError(r.row(), null, problem));
            } else {
                rows.add(r);
            }
            if (dataRows > maxDataRows) {
                errors.add(new RowError(null, null, "the file has more than " + maxDataRows
                        + " data rows; split it into several imports", ImportText.text("tooManyRows", maxDataRows)));
                return new Parsed(header, rows, errors, true);
            }
        }
        return new Parsed(header, rows, errors, false);
    }

    static final String UNTERMINATED = "a quoted field opens in this row and is never closed: a closing \" is missing";

    /** A data row's problem when its number of fields is not the header's, else null. */
    static String fieldCount(Record row, Record header) {
        int n = row.fields().size();
        return n == header.fields().size() ? null
                : "the row has " + n + (n == 1 ? " field" : " fields") + " but the header has " + header.fields().size();
    }

    /**
     * The non-blank records of a character stream, one at a time, numbered as a spreadsheet
     * numbers its rows. After each {@link #next()}, {@link #problem()} tells what is wrong with
     * that record's shape (null: nothing), and {@link #unterminated()} whether a quote opened in
     * it never closes (then the stream is used up).
     */
    static final class Records {

        private static final int UNREAD = -2;

        private final Reader in;
        private int ahead = UNREAD;
        private int row;
        private String problem;
        private boolean unterminated;

        Records(Reader in) throws IOException {
            this.in = in;
            if (peek() == '\uFEFF') {
                take();
            }
        }

        /** The next non-blank record, or null at the end. */
        Record next() throws IOException {
            while (!unterminated && peek() != -1) {
                row++;
                problem = null;
                List<String> fields = new ArrayList<>();
                if (!readRecord(fields)) {
                    unterminated = true;
                    return new Record(row, fields);
                }
                if (fields.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (problem == null && fields.stream().anyMatch(f -> f.indexOf('\0') >= 0)) {
                    problem = "the row contains a NUL character";
                }
                return new Record(row, fields);
            }
            return null;
        }

        String problem() {
            return problem;
        }

        boolean unterminated() {
            return unterminated;
        }

        /** Reads one record into {@code fields}; false when a quoted field is never closed. */
        private boolean readRecord(List<String> fields) throws IOException {
            while (true) {
                StringBuilder f = new StringBuilder();
                if (peek() == '"') {
                    take();
                    boolean closed = false;
                    while (peek() != -1) {
                        int c = take();
                        if (c == '"') {
                            if (peek() == '"') {
                                append(f, '"');
                                take();
                            } else {
                                closed = true;
                                break;
                            }
                        } else {
                            append(f, c);
                        }
                    }
                    if (!closed) {
                        return false;
                    }
                    if (peek() != -1 && !endsField(peek())) {
                        problem("text follows a closing quote; a quoted field must end at its closing quote (write \"\" for a quote inside it)");
                        while (peek() != -1 && !endsField(peek())) {
                            append(f, take());
                        }
                    }
                } else {
                    while (peek() != -1 && !endsField(peek())) {
                        int c = take();
                        if (c == '"') {
                            problem("a field contains a quote but is not quoted; enclose it in quotes and double the quote (\"\")");
                        }
                        append(f, c);
                    }
                }
                fields.add(f.toString());
                if (peek() == ',') {
                    take();
                    continue;
                }
                if (peek() != -1) {
                    int c = take();
                    if (c == '\r' && peek() == '\n') {
                        take();
                    }
                }
                return true;
            }
        }

        private void append(StringBuilder f, int c) {
            if (f.length() < MAX_FIELD) {
                f.append((char) c);
            } else {
                problem("a field is longer than " + MAX_FIELD + " characters");
            }
        }

        private void problem(String message) {
            if (problem == null) {
                problem = message;
            }
        }

        private int peek() throws IOException {
            if (ahead == UNREAD) {
                ahead = in.read();
            }
            return ahead;
        }

        private int take() throws IOException {
            int c = peek();
            ahead = UNREAD;
            return c;
        }

        private static boolean endsField(int c) {
            return c == ',' || c == '\n' || c == '\r';
        }
    }
}
