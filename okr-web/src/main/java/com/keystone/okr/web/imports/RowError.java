package com.keystone.okr.web.imports;

import java.io.Serializable;

/**
 * One problem found in an imported file. {@code row} is the row number a spreadsheet shows for
 * the file: the header is row 1 and the first data row is row 2; every record counts as one row
 * (a line break inside a quoted field does not start a new one) and blank lines count too, so
 * the numbers match the spreadsheet even where blank lines are skipped. {@code column} is the
 * column's name as in the interface contract. Either is {@code null} where it does not apply:
 * an empty body or a file that is not UTF-8 has no row, a row with the wrong number of fields
 * has no single column.
 */
public record RowError(Integer row, String column, String message) implements Serializable {
}
