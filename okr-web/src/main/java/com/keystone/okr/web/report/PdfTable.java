package com.keystone.okr.web.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Writes a titled table as a landscape A4 PDF with OpenPDF ({@code com.lowagie.text}).
 * <p>
 * OpenPDF is called through reflection: OpenPDF 2.x is compiled for Java 21 and the product runs
 * on Java 17, so the POM pins 1.4.x; reflection keeps this class working with either API
 * generation ({@code com.lowagie.text}). A later clean-up can turn it into plain calls.
 */
final class PdfTable {

    private static final String TEXT = "com.lowagie.text.";
    private static final String PDF = "com.lowagie.text.pdf.";

    private PdfTable() {
    }

    /**
     * The PDF bytes: a bold title, a small subtitle, then the table with a grey header row repeated
     * on every page; the last row in bold (the totals).
     *
     * @param widths       relative column widths
     * @param alignRight   for each column, whether its cells are numbers (right-aligned)
     * @throws IllegalStateException when no usable OpenPDF is on the class path
     */
    static byte[] write(String title, String subtitle, List<String> columns, List<List<String>> rows, float[] widths,
                        boolean[] alignRight) {
        try {
            return render(title, subtitle, columns, rows, widths, alignRight);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("PDF export needs OpenPDF built for Java 17 or older on the class path "
                    + "(e.g. com.github.librepdf:openpdf:1.4.2): " + e, e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("OpenPDF could not write the review: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("OpenPDF's API differs from com.lowagie.text 1.4/2.x: " + e, e);
        }
    }

    private static byte[] render(String title, String subtitle, List<String> columns, List<List<String>> rows,
                                 float[] widths, boolean[] alignRight) throws ReflectiveOperationException {
        Class<?> rectangleClass = Class.forName(TEXT + "Rectangle");
        Class<?> documentClass = Class.forName(TEXT + "Document");
        Class<?> elementClass = Class.forName(TEXT + "Element");
        Class<?> fontClass = Class.forName(TEXT + "Font");
        Class<?> paragraphClass = Class.forName(TEXT + "Paragraph");
        Class<?> phraseClass = Class.forName(TEXT + "Phrase");
        Class<?> writerClass = Class.forName(PDF + "PdfWriter");
        Class<?> tableClass = Class.forName(PDF + "PdfPTable");
        Class<?> cellClass = Class.forName(PDF + "PdfPCell");

        Object a4 = Class.forName(TEXT + "PageSize").getField("A4").get(null);
        Object landscape = rectangleClass.getMethod("rotate").invoke(a4);
        Object doc = documentClass.getConstructor(rectangleClass, float.class, float.class, float.class, float.class)
                .newInstance(landscape, 24f, 24f, 28f, 28f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writerClass.getMethod("getInstance", documentClass, OutputStream.class).invoke(null, doc, out);
        documentClass.getMethod("addTitle", String.class).invoke(doc, title);
        documentClass.getMethod("addCreator", String.class).invoke(doc, "Keystone");
        documentClass.getMethod("open").invoke(doc);
        try {
            int helvetica = fontClass.getField("HELVETICA").getInt(null);
            int bold = fontClass.getField("BOLD").getInt(null);
            var newFont = fontClass.getConstructor(int.class, float.class, int.class);
            Object titleFont = newFont.newInstance(helvetica, 14f, bold);
            Object small = newFont.newInstance(helvetica, 7f, 0);
            Object smallBold = newFont.newInstance(helvetica, 7f, bold);
            var newParagraph = paragraphClass.getConstructor(String.class, fontClass);
            var add = documentClass.getMethod("add", elementClass);
            add.invoke(doc, newParagraph.newInstance(title, titleFont));
            add.invoke(doc, newParagraph.newInstance(subtitle, small));
            add.invoke(doc, newParagraph.newInstance(" ", small));

            Object table = tableClass.getConstructor(int.class).newInstance(columns.size());
            tableClass.getMethod("setWidthPercentage", float.class).invoke(table, 100f);
            tableClass.getMethod("setWidths", float[].class).invoke(table, (Object) widths);
            tableClass.getMethod("setHeaderRows", int.class).invoke(table, 1);
            var newPhrase = phraseClass.getConstructor(String.class, fontClass);
            var newCell = cellClass.getConstructor(phraseClass);
            var addCell = tableClass.getMethod("addCell", cellClass);
            var background = cellClass.getMethod("setBackgroundColor", Color.class);
            var align = cellClass.getMethod("setHorizontalAlignment", int.class);
            int right = elementClass.getField("ALIGN_RIGHT").getInt(null);
            for (String column : columns) {
                Object cell = newCell.newInstance(newPhrase.newInstance(column, smallBold));
                background.invoke(cell, new Color(229, 231, 235));
                addCell.invoke(table, cell);
            }
            for (int r = 0; r < rows.size(); r++) {
                Object font = r == rows.size() - 1 ? smallBold : small;
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object cell = newCell.newInstance(newPhrase.newInstance(row.get(c), font));
                    if (alignRight[c]) {
                        align.invoke(cell, right);
                    }
                    addCell.invoke(table, cell);
                }
            }
            add.invoke(doc, table);
        } finally {
            documentClass.getMethod("close").invoke(doc);
        }
        return out.toByteArray();
    }
}
