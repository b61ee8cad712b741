package com.keystone.okr.web.report;

import com.keystone.okr.web.support.CsvLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table (a header row, then rows of values) as the files the reports export: Excel (one sheet,
 * numbers as numeric cells, with Apache POI), CSV (RFC 4180, UTF-8 with a byte order mark so that
 * Excel reads the accents, cells a spreadsheet would run as formulas defused) and PDF (through
 * {@link PdfTable}). Values keep their type until the file is written: {@link Integer} a whole
 * number, {@link BigDecimal} a grade or a difference (two decimals in Excel, plain in CSV),
 * {@link Double} a share 0..1 (a percentage in Excel and PDF, a fraction with 4 decimals in CSV),
 * anything else text; null an empty cell.
 */
public final class TableFiles {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF_TYPE = "application/pdf";
    public static final String CSV_TYPE = "text/csv; charset=UTF-8";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A file to send: its name, content type and bytes. */
    public record Export(String fileName, String contentType, byte[] content) {
    }

    private TableFiles() {
    }

    /** A file-name-safe form of a name: runs of other characters than letters, digits, '.', '_' and '-' become '-'. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    /**
     * One sheet with a bold header row frozen at the top.
     *
     * @param boldLastRow whether the last row is a total (its text cells bold)
     * @param widths      each column's width in characters
     */
    public static Export xlsx(String fileName, String sheetName, List<String> columns, List<List<Object>> rows,
                              boolean boldLastRow, int[] widths) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            var bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle totalText = wb.createCellStyle();
            totalText.setFont(bold);
            CellStyle decimal = wb.createCellStyle();
            decimal.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));

            var head = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(columns.get(c));
                cell.setCellStyle(header);
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                boolean total = boldLastRow && r == rows.size() - 1;
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Integer i) {
                        cell.setCellValue(i);
                    } else if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(decimal);
                    } else if (v instanceof Double d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(percent);
                    } else {
                        cell.setCellValue(v.toString());
                        if (total) {
                            cell.setCellStyle(totalText);
                        }
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.min(255, widths[c]) * 256);
            }
            wb.write(out);
            return new Export(fileName, XLSX_TYPE, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Column widths for {@link #xlsx}: the header's length (at least 10), or the given width for the first columns. */
    public static int[] widths(List<String> columns, int... first) {
        int[] w = new int[columns.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = c < first.length ? first[c] : Math.max(10, columns.get(c).length() + 2);
        }
        return w;
    }

    public static Export csv(String fileName, List<String> columns, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder();
        CsvLine.append(csv, columns);
        for (List<Object> values : rows) {
            List<String> texts = new ArrayList<>(values.size());
            for (Object v : values) {
                texts.add(csvCell(v));
            }
            CsvLine.append(csv, texts);
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, file, UTF8_BOM.length, body.length);
        return new Export(fileName, CSV_TYPE, file);
    }

    /**
     * A landscape table (A4, or A3 for more than 20 columns) with a title and a subtitle; the last
     * row in bold when {@code boldLastRow}.
     */
    public static Export pdf(String fileName, String title, String subtitle, List<String> columns,
                             List<List<String>> rows, float[] widths, boolean[] numbers, boolean boldLastRow) {
        return new Export(fileName, PDF_TYPE,
                PdfTable.write(title, subtitle, columns, rows, widths, numbers, columns.size() > 20, boldLastRow));
    }

    /** How a value reads in a PDF: decimals plain, shares as a whole percentage. */
    public static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double share) {
            return Math.round(share * 100) + "%";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    /** A CSV cell: numbers plain with a point (a share as a fraction, 4 decimals), text defused. */
    static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double share) {
            return BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return neutralised(v.toString());
    }

    /** A text cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe. */
    static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
