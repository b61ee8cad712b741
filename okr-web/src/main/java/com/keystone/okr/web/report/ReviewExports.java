package com.keystone.okr.web.report;

import com.keystone.okr.web.report.QuarterlyReview.Figures;
import com.keystone.okr.web.report.QuarterlyReview.Row;
import com.keystone.okr.web.support.CsvLine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The quarterly review table as a file: Excel (one sheet, a header row, numbers as numeric
 * cells, with Apache POI), PDF (a landscape table, with OpenPDF through {@link PdfTable}) and CSV
 * (RFC 4180, UTF-8 with a byte order mark so that Excel reads the accents). Columns are named in English in every language, so that files from
 * different people line up. The last row is the company total.
 */
public final class ReviewExports {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String PDF_TYPE = "application/pdf";
    public static final String CSV_TYPE = "text/csv; charset=UTF-8";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of("Unit", "Department", "Level", "Objectives", "Key results",
            "Grades red", "Grades yellow", "Grades green", "Average grade", "Check-in key results",
            "Checked in (last 14 days)", "Check-in discipline", "KPIs green", "KPIs amber", "KPIs red", "KPIs no data",
            "Grades");

    private static final int FIRST_NUMBER_COLUMN = 3;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** A file to send: its name, content type and bytes. */
    public record Export(String fileName, String contentType, byte[] content) {
    }

    private ReviewExports() {
    }

    /** {@code keystone-review-<cycle>.<extension>}, the cycle name reduced to file-name-safe characters. */
    public static String fileName(QuarterlyReview review, String extension) {
        String cycle = review.getCycleName().replaceAll("[^A-Za-z0-9._-]+", "-");
        return "keystone-review-" + cycle + "." + extension;
    }

    public static Export xlsx(QuarterlyReview review) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(WorkbookUtil.createSafeSheetName("Review " + review.getCycleName()));
            var bold = wb.createFont();
            bold.setBold(true);
            CellStyle header = wb.createCellStyle();
            header.setFont(bold);
            CellStyle totalText = wb.createCellStyle();
            totalText.setFont(bold);
            CellStyle grade = wb.createCellStyle();
            grade.setDataFormat(wb.createDataFormat().getFormat("0.00"));
            CellStyle percent = wb.createCellStyle();
            percent.setDataFormat(wb.createDataFormat().getFormat("0%"));

            var head = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(COLUMNS.get(c));
                cell.setCellStyle(header);
            }
            int r = 1;
            for (List<Object> values : table(review)) {
                var row = sheet.createRow(r++);
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
                        cell.setCellStyle(grade);
                    } else if (v instanceof Double d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(percent);
                    } else {
                        cell.setCellValue(v.toString());
                        if (r - 1 == review.getRows().size() + 1) {
                            cell.setCellStyle(totalText);
                        }
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setColumnWidth(0, 36 * 256);
            sheet.setColumnWidth(1, 26 * 256);
            for (int c = 2; c < COLUMNS.size(); c++) {
                sheet.setColumnWidth(c, Math.max(10, COLUMNS.get(c).length() + 2) * 256);
            }
            wb.write(out);
            return new Export(fileName(review, "xlsx"), XLSX_TYPE, out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A landscape table with the cycle, the review date and whether grades are final or projected
     * above it.
     */
    public static Export pdf(QuarterlyReview review) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> values : table(review)) {
            rows.add(values.stream().map(ReviewExports::text).toList());
        }
        float[] widths = new float[COLUMNS.size()];
        boolean[] numbers = new boolean[COLUMNS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = c == 0 ? 5f : c == 1 ? 3.2f : c == 2 ? 2.2f : 1.6f;
            numbers[c] = c >= FIRST_NUMBER_COLUMN && c < COLUMNS.size() - 1;
        }
        String title = "Keystone quarterly review " + review.getCycleName();
        String subtitle = String.format(Locale.ROOT, "Cycle %s (%s to %s), %s; figures as of %s; %s grades.",
                review.getCycleName(), review.getStartDate(), review.getEndDate(), review.getState(), review.getAsOf(),
                review.isProjected() ? "projected" : "final");
        return new Export(fileName(review, "pdf"), PDF_TYPE, PdfTable.write(title, subtitle, COLUMNS, rows, widths, numbers));
    }

    public static Export csv(QuarterlyReview review) {
        StringBuilder csv = new StringBuilder();
        appendCsvLine(csv, new ArrayList<>(COLUMNS));
        for (List<Object> values : table(review)) {
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                texts.add(c < FIRST_NUMBER_COLUMN ? neutralised(text(v)) : csvNumber(v));
            }
            appendCsvLine(csv, texts);
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, file, UTF8_BOM.length, body.length);
        return new Export(fileName(review, "csv"), CSV_TYPE, file);
    }

    /** The table's rows after the header: one per unit, then the company total. Numbers stay numbers. */
    static List<List<Object>> table(QuarterlyReview review) {
        List<List<Object>> rows = new ArrayList<>();
        String basis = review.isProjected() ? "projected" : "final";
        for (Row row : review.getRows()) {
            rows.add(values(row.unitPath(), row.department() == null ? "" : row.department(), level(row.level()),
                    row.figures(), basis));
        }
        rows.add(values("Company total", "", "Total", review.getTotals(), basis));
        return rows;
    }

    private static List<Object> values(String unit, String department, String level, Figures f, String basis) {
        List<Object> v = new ArrayList<>();
        v.add(unit);
        v.add(department);
        v.add(level);
        v.add(f.objectives());
        v.add(f.keyResults());
        v.add(f.gradeRed());
        v.add(f.gradeYellow());
        v.add(f.gradeGreen());
        v.add(f.averageGrade());
        v.add(f.checkInKeyResults());
        v.add(f.checkedIn());
        v.add(f.discipline());
        v.add(f.kpiGreen());
        v.add(f.kpiAmber());
        v.add(f.kpiRed());
        v.add(f.kpiNoData());
        v.add(basis);
        return v;
    }

    private static String level(QuarterlyReview.Level level) {
        return switch (level) {
            case COMPANY -> "Company";
            case DEPARTMENT -> "Department";
            case TEAM -> "Team";
        };
    }

    /** How a value reads in the PDF: grades with two decimals, discipline as a whole percentage. */
    private static String text(Object v) {
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

    /** A number in a CSV cell: plain digits with a point; the discipline share as a fraction 0..1 (4 decimals). */
    private static String csvNumber(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double share) {
            return BigDecimal.valueOf(share).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    /** A text cell that a spreadsheet would run as a formula (=, +, -, @) gets a leading apostrophe. */
    private static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    /** RFC 4180: fields with a comma, quote, CR or LF in quotes, quotes doubled; lines end with CRLF. */
    static void appendCsvLine(StringBuilder csv, List<String> fields) {
        CsvLine.append(csv, fields);
    }
}
