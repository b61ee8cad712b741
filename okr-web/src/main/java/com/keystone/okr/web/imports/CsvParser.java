package com.keystone.okr.web.imports;

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
 */
final class CsvParser {

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
            return new Parsed(null, List.of(), List.of(new RowError(null, null, "the file is not UTF-8")), true);
        }
        return new Reader(text, maxDataRows).read();
    }

    private static final class Reader {

        private final String s;
        private final int n;
        private final int maxDataRows;
        private int i;
        private int row;
        private final List<RowError> errors = new ArrayList<>();
        private final List<Record> rows = new ArrayList<>();
        private Record header;
        private String rowProblem;
        private int dataRows;

        Reader(String text, int maxDataRows) {
            this.s = text;
            this.n = text.length();
            this.maxDataRows = maxDataRows;
            this.i = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        }

        Parsed read() {
            while (i < n) {
                row++;
                rowProblem = null;
                List<String> fields = new ArrayList<>();
                if (!readRecord(fields)) {
                    errors.add(new RowError(row, null, "a quoted field opens in this row and is never closed: a closing \" is missing"));
                    return new Parsed(header, rows, errors, true);
                }
                if (isBlank(fields)) {
                    continue;
                }
                if (rowProblem == null && fields.stream().anyMatch(f -> f.indexOf('\0') >= 0)) {
                    rowProblem = "the row contains a NUL character";
                }
                if (header == null) {
                    header = new Record(row, fields);
                    if (rowProblem != null) {
                        errors.add(new RowError(row, null, rowProblem));
                    }
                    continue;
                }
                dataRows++;
                if (rowProblem == null && fields.size() != header.fields().size()) {
                    rowProblem = "the row has " + fields.size() + (fields.size() == 1 ? " field" : " fields")
                            + " but the header has " + header.fields().size();
                }
                if (rowProblem != null) {
                    errors.add(new RowError(row, null, rowProblem));
                } else {
                    rows.add(new Record(row, fields));
                }
                if (dataRows > maxDataRows) {
                    errors.add(new RowError(null, null, "the file has more than " + maxDataRows
                            + " data rows; split it into several imports"));
                    return new Parsed(header, rows, errors, true);
                }
            }
            return new Parsed(header, rows, errors, false);
        }

        /** Reads one record into {@code fields}; false when a quoted field is never closed. */
        private boolean readRecord(List<String> fields) {
            while (true) {
                StringBuilder f = new StringBuilder();
                if (i < n && s.charAt(i) == '"') {
                    i++;
                    boolean closed = false;
                    while (i < n) {
                        char c = s.charAt(i);
                        if (c == '"') {
                            if (i + 1 < n && s.charAt(i + 1) == '"') {
                                f.append('"');
                                i += 2;
                            } else {
                                i++;
                                closed = true;
                                break;
                            }
                        } else {
                            f.append(c);
                            i++;
                        }
                    }
                    if (!closed) {
                        return false;
                    }
                    if (i < n && !endsField(s.charAt(i))) {
                        problem("text follows a closing quote; a quoted field must end at its closing quote (write \"\" for a quote inside it)");
                        while (i < n && !endsField(s.charAt(i))) {
                            f.append(s.charAt(i++));
                        }
                    }
                } else {
                    while (i < n && !endsField(s.charAt(i))) {
                        char c = s.charAt(i++);
                        if (c == '"') {
                            problem("a field contains a quote but is not quoted; enclose it in quotes and double the quote (\"\")");
                        }
                        f.append(c);
                    }
                }
                fields.add(f.toString());
                if (i < n && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                if (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\r' && i < n && s.charAt(i) == '\n') {
                        i++;
                    }
                }
                return true;
            }
        }

        private void problem(String message) {
            if (rowProblem == null) {
                rowProblem = message;
            }
        }

        private static boolean endsField(char c) {
            return c == ',' || c == '\n' || c == '\r';
        }

        private static boolean isBlank(List<String> fields) {
            return fields.stream().allMatch(String::isBlank);
        }
    }
}
