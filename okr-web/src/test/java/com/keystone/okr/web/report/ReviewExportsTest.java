package com.keystone.okr.web.report;

import static com.keystone.okr.web.report.ReviewFixture.END;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.OkrEngine;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReviewExportsTest {

    /** A department whose name needs every kind of CSV quoting, and a team that looks like a formula. */
    private static final String ODD = "Acme/Sales, \"West\"\nand North";

    private static QuarterlyReview review() {
        return ReviewFixture.review(CycleState.CLOSED, END);
    }

    private static QuarterlyReview oddReview() {
        var report = new OkrEngine().report(ReviewFixture.snapshot(CycleState.CLOSED, ODD), END);
        return QuarterlyReview.of(report, END);
    }

    @Test
    void fileNamesCarryTheCycleAndTheContentTypesFitTheFormats() {
        QuarterlyReview review = review();
        assertEquals("keystone-review-2026-Q3.xlsx", ReviewExports.xlsx(review).fileName());
        assertEquals("keystone-review-2026-Q3.csv", ReviewExports.csv(review).fileName());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ReviewExports.xlsx(review).contentType());
        assertEquals("text/csv; charset=UTF-8", ReviewExports.csv(review).contentType());
        assertEquals("application/pdf", ReviewExports.PDF_TYPE);
    }

    @Test
    void excelHasOneSheetWithAHeaderRowAndNumericCells() throws Exception {
        byte[] xlsx = ReviewExports.xlsx(review()).content();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(1, wb.getNumberOfSheets());
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int c = 0; c < ReviewExports.COLUMNS.size(); c++) {
                assertEquals(ReviewExports.COLUMNS.get(c), header.getCell(c).getStringCellValue());
            }
            Row company = sheet.getRow(1);
            assertEquals("Acme", company.getCell(0).getStringCellValue());
            assertEquals("Company", company.getCell(2).getStringCellValue());
            assertEquals(CellType.NUMERIC, company.getCell(3).getCellType());
            assertEquals(1.0, company.getCell(3).getNumericCellValue(), "objectives");
            assertEquals(0.8, company.getCell(8).getNumericCellValue(), 1e-9, "average grade");
            Row sales = sheet.getRow(3);
            assertEquals("Acme/Sales", sales.getCell(0).getStringCellValue());
            assertEquals(0.5, sales.getCell(11).getNumericCellValue(), 1e-9, "check-in discipline");
            assertEquals(CellType.NUMERIC, sales.getCell(11).getCellType());
            Row eng = sheet.getRow(2);
            assertEquals(null, eng.getCell(8), "no objectives: no average grade, an empty cell");
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertEquals(review().getRows().size() + 1, sheet.getLastRowNum());
            assertEquals("Company total", total.getCell(0).getStringCellValue());
            assertEquals(3.0, total.getCell(3).getNumericCellValue());
            assertEquals(5.0, total.getCell(4).getNumericCellValue());
            assertEquals(0.57, total.getCell(8).getNumericCellValue(), 1e-9);
            assertEquals(1.0, total.getCell(14).getNumericCellValue(), "KPIs red");
            assertEquals("final", total.getCell(16).getStringCellValue());
        }
    }

    @Test
    void csvStartsWithAByteOrderMarkAndNamesItsColumnsInEnglish() {
        byte[] csv = ReviewExports.csv(review()).content();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Unit,Department,Level,Objectives,Key results,"), text);
        assertTrue(text.endsWith("\r\n"));
        List<List<String>> rows = parseCsv(text);
        assertEquals(ReviewExports.COLUMNS, rows.get(0));
        int own = ReviewExports.REVIEW_COLUMNS.size();
        assertEquals(List.of("Acme/Sales", "Acme/Sales", "Department", "1", "2", "1", "0", "0", "0.30", "2", "1", "0.5",
                "1", "0", "0", "0", "final"), rows.get(3).subList(0, own));
        assertEquals(List.of("Company total", "", "Total", "3", "5", "1", "1", "1", "0.57", "4", "2", "0.5", "1", "1", "1",
                "1", "final"), rows.get(rows.size() - 1).subList(0, own));
        assertTrue(rows.get(3).subList(own, rows.get(3).size()).stream().allMatch(String::isEmpty),
                "without a previous cycle the comparison's columns are empty: " + rows.get(3));
        assertEquals("", rows.get(2).get(8), "Acme/Eng has no average grade");
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaks() {
        byte[] csv = ReviewExports.csv(oddReview()).content();
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"Acme/Sales, \"\"West\"\"\nand North\""), text);
        List<List<String>> rows = parseCsv(text);
        assertEquals(ODD, rows.get(3).get(0));
        assertEquals(ODD + "/Inbound", rows.get(4).get(0));
        assertEquals(ODD, rows.get(4).get(1), "the team's department");
        for (List<String> row : rows) {
            assertEquals(ReviewExports.COLUMNS.size(), row.size(), row.toString());
        }
    }

    @Test
    void csvDefusesCellsASpreadsheetWouldRunAsFormulas() {
        var report = new OkrEngine().report(ReviewFixture.snapshot(CycleState.CLOSED, "=HYPERLINK(\"x\")"), END);
        String text = new String(ReviewExports.csv(QuarterlyReview.of(report, END)).content(), StandardCharsets.UTF_8);
        assertTrue(text.contains("\"'=HYPERLINK(\"\"x\"\")\""), text);
    }

    @Test
    void pdfOpensWithOpenPdfAndHoldsTheTable() throws Exception {
        TableFiles.Export pdf = ReviewExports.pdf(review());
        assertEquals("keystone-review-2026-Q3.pdf", pdf.fileName());
        byte[] bytes = pdf.content();
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        PdfReader reader = new PdfReader(bytes);
        try {
            assertTrue(reader.getNumberOfPages() >= 1, "pages: " + reader.getNumberOfPages());
            String first = new PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(first.contains("Keystone quarterly review 2026-Q3"), first);
            assertTrue(first.contains("Acme/Sales/Inbound"), first);
            assertTrue(first.contains("Company total"), first);
        } finally {
            reader.close();
        }
    }

    @Test
    void csvCarriesThePreviousCyclesFiguresAndTheChangesAfterTheReviewsColumns() {
        byte[] csv = ReviewExports.csv(ReviewFixture.comparison()).content();
        List<List<String>> rows = parseCsv(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        int own = ReviewExports.REVIEW_COLUMNS.size();
        assertEquals(List.of("Previous cycle", "Previous grades red", "Previous grades yellow", "Previous grades green",
                "Grades green change", "Grades red change", "Previous average grade", "Average grade change",
                "Previous check-in discipline", "Check-in discipline change (points)", "Previous KPIs green",
                "Previous KPIs amber", "Previous KPIs red", "Previous KPIs no data", "KPIs green change",
                "KPIs red change", "Previous grades"), rows.get(0).subList(own, rows.get(0).size()));
        List<String> sales = rows.get(3);
        assertEquals("Acme/Sales", sales.get(0));
        assertEquals(List.of("2026-Q2", "1", "0", "1", "-1", "0", "0.45", "-0.15", "0", "50", "0", "0", "1", "0", "1", "-1",
                "final"), sales.subList(own, sales.size()));
        List<String> eng = rows.get(2);
        assertEquals(List.of("2026-Q2", "0", "0", "0", "0", "0", "", "", "", "", "1", "0", "0", "0", "-1", "0", "final"),
                eng.subList(own, eng.size()), "no objectives nor key results in either cycle: no average, no discipline");
        List<String> inbound = rows.get(4);
        assertEquals("Acme/Sales/Inbound", inbound.get(0));
        assertEquals("2026-Q2", inbound.get(own));
        assertTrue(inbound.subList(own + 1, inbound.size()).stream().allMatch(String::isEmpty),
                "a unit the previous cycle did not have: " + inbound);
        List<String> total = rows.get(rows.size() - 1);
        assertEquals(List.of("2026-Q2", "1", "1", "1", "0", "0", "0.47", "0.10", "0.3333", "17", "2", "0", "1", "0", "-1",
                "0", "final"), total.subList(own, total.size()));
    }

    @Test
    void excelCarriesTheComparisonAsNumericCells() throws Exception {
        byte[] xlsx = ReviewExports.xlsx(ReviewFixture.comparison()).content();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            Row header = sheet.getRow(0);
            int previousAverage = ReviewExports.COLUMNS.indexOf("Previous average grade");
            int averageChange = ReviewExports.COLUMNS.indexOf("Average grade change");
            int disciplineChange = ReviewExports.COLUMNS.indexOf("Check-in discipline change (points)");
            assertEquals("Previous average grade", header.getCell(previousAverage).getStringCellValue());
            Row sales = sheet.getRow(3);
            assertEquals("Acme/Sales", sales.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, sales.getCell(averageChange).getCellType());
            assertEquals(0.45, sales.getCell(previousAverage).getNumericCellValue(), 1e-9);
            assertEquals(-0.15, sales.getCell(averageChange).getNumericCellValue(), 1e-9);
            assertEquals(50.0, sales.getCell(disciplineChange).getNumericCellValue(), 1e-9);
            assertEquals("2026-Q2", sales.getCell(ReviewExports.COLUMNS.indexOf("Previous cycle")).getStringCellValue());
            Row total = sheet.getRow(sheet.getLastRowNum());
            assertEquals("Company total", total.getCell(0).getStringCellValue());
            assertEquals(0.10, total.getCell(averageChange).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void pdfNamesTheCycleItIsComparedWithAndSignsTheChanges() throws Exception {
        PdfReader reader = new PdfReader(ReviewExports.pdf(ReviewFixture.comparison()).content());
        try {
            String first = new PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(first.contains("Compared with 2026-Q2"), first);
            assertTrue(first.contains("+0.30"), "Acme's average grade went up 0.30: " + first);
            assertTrue(first.contains("-0.15"), first);
        } finally {
            reader.close();
        }
    }

    /** A strict RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    throw new AssertionError("quote inside an unquoted field at " + i);
                }
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
                continue;
            } else if (c == '\n' || c == '\r') {
                throw new AssertionError("bare line break outside quotes at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted || field.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("the last record does not end with CRLF");
        }
        return rows;
    }
}
