package com.keystone.okr.web.imports;

import com.keystone.okr.domain.Text;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * One problem found in an imported file. {@code row} is the row number a spreadsheet shows for
 * the file: the header is row 1 and the first data row is row 2; every record counts as one row
 * (a line break inside a quoted field does not start a new one) and blank lines count too, so
 * the numbers match the spreadsheet even where blank lines are skipped. {@code column} is the
 * column's name as in the interface contract. Either is {@code null} where it does not apply:
 * an empty body or a file that is not UTF-8 has no row, a row with the wrong number of fields
 * has no single column.
 *
 * <p>{@code message} is English (the API, the logs); {@code text}, when the problem has one, is
 * the same sentence for the upload page to show in its language. Two problems are the same when
 * row, column and English message are.
 */
public record RowError(Integer row, String column, String message, Text text) implements Serializable {

    public RowError(Integer row, String column, String message) {
        this(row, column, message, null);
    }

    /** The message in {@code locale}: the translated text where there is one, else the English message. */
    public String message(Locale locale) {
        return text == null ? message : text.render(locale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowError e && Objects.equals(row, e.row) && Objects.equals(column, e.column)
                && Objects.equals(message, e.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(row, column, message);
    }
}
