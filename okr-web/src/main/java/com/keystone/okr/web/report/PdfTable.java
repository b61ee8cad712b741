package com.keystone.okr.web.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes a titled table as a landscape A4 PDF with OpenPDF 1.4 (OpenPDF 2.x needs Java 21, the
 * product runs on Java 17, so the POM pins 1.4.x).
 */
final class PdfTable {

    private PdfTable() {
    }

    /**
     * The PDF bytes: a bold title, a small subtitle, then the table with a grey header row repeated
     * on every page; the last row in bold (the totals).
     *
     * @param widths     relative column widths
     * @param alignRight for each column, whether its cells are numbers (right-aligned)
     */
    static byte[] write(String title, String subtitle, List<String> columns, List<List<String>> rows, float[] widths,
                        boolean[] alignRight) {
        return write(title, subtitle, columns, rows, widths, alignRight, false, true);
    }

    /**
     * As {@link #write(String, String, List, List, float[], boolean[])}, on landscape A3 when
     * {@code wide} (a table of many columns), the last row in bold only when {@code boldLastRow}.
     */
    static byte[] write(String title, String subtitle, List<String> columns, List<List<String>> rows, float[] widths,
                        boolean[] alignRight, boolean wide, boolean boldLastRow) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document((wide ? PageSize.A3 : PageSize.A4).rotate(), 24f, 24f, 28f, 28f);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(title);
            doc.addCreator("Keystone");
            doc.open();
            Font titleFont = new Font(Font.HELVETICA, 14f, Font.BOLD);
            Font small = new Font(Font.HELVETICA, 7f, Font.NORMAL);
            Font smallBold = new Font(Font.HELVETICA, 7f, Font.BOLD);
            doc.add(new Paragraph(title, titleFont));
            doc.add(new Paragraph(subtitle, small));
            doc.add(new Paragraph(" ", small));

            PdfPTable table = new PdfPTable(columns.size());
            table.setWidthPercentage(100f);
            table.setWidths(widths);
            table.setHeaderRows(1);
            for (String column : columns) {
                PdfPCell cell = new PdfPCell(new Phrase(column, smallBold));
                cell.setBackgroundColor(new Color(229, 231, 235));
                table.addCell(cell);
            }
            for (int r = 0; r < rows.size(); r++) {
                Font font = boldLastRow && r == rows.size() - 1 ? smallBold : small;
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    PdfPCell cell = new PdfPCell(new Phrase(row.get(c), font));
                    if (alignRight[c]) {
                        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    table.addCell(cell);
                }
            }
            doc.add(table);
        } catch (DocumentException e) {
            throw new IllegalStateException("OpenPDF could not write " + title + ": " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
        return out.toByteArray();
    }
}
