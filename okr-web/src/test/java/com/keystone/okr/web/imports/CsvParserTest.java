package com.keystone.okr.web.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static CsvParser.Parsed parse(String text) {
        return CsvParser.parse(text.getBytes(StandardCharsets.UTF_8), 1000);
    }

    private static List<List<String>> fields(CsvParser.Parsed p) {
        return p.rows().stream().map(CsvParser.Record::fields).toList();
    }

    @Test
    void readsHeaderAndRowsNumberedAsInASpreadsheet() {
        CsvParser.Parsed p = parse("a,b\n1,2\n3,4\n");

        assertEquals(List.of("a", "b"), p.header().fields());
        assertEquals(1, p.header().row());
        assertEquals(List.of(List.of("1", "2"), List.of("3", "4")), fields(p));
        assertEquals(List.of(2, 3), p.rows().stream().map(CsvParser.Record::row).toList());
        assertTrue(p.errors().isEmpty());
    }

    @Test
    void acceptsCrlfLfAndALoneCrAsRecordEnds() {
        assertEquals(List.of(List.of("1", "2"), List.of("3", "4"), List.of("5", "6")),
                fields(parse("a,b\r\n1,2\r\n3,4\n5,6\r")));
    }

    @Test
    void quotedFieldsKeepCommasLineBreaksAndDoubledQuotes() {
        CsvParser.Parsed p = parse("a,b\r\n\"x, y\",\"line 1\r\nline 2 \"\"quoted\"\"\"\r\nlast,\"\"\r\n");

        assertEquals(List.of(List.of("x, y", "line 1\r\nline 2 \"quoted\""), List.of("last", "")), fields(p));
        assertEquals(List.of(2, 3), p.rows().stream().map(CsvParser.Record::row).toList(),
                "a record with a quoted line break is one spreadsheet row");
    }

    @Test
    void skipsALeadingByteOrderMark() {
        assertEquals(List.of("a", "b"), parse("\uFEFFa,b\n1,2\n").header().fields());
    }

    @Test
    void skipsBlankLinesAndEmptyRowsButCountsThemInTheRowNumbers() {
        CsvParser.Parsed p = parse("a,b\n\n1,2\n,\n3,4\n\n\n");

        assertEquals(List.of(3, 5), p.rows().stream().map(CsvParser.Record::row).toList());
        assertTrue(p.errors().isEmpty());
    }

    @Test
    void aLastRecordWithoutLineBreakIsRead() {
        assertEquals(List.of(List.of("1", "2")), fields(parse("a,b\n1,2")));
    }

    @Test
    void anUnterminatedQuoteIsAnErrorOfTheRowWhereItOpensAndStopsTheReading() {
        CsvParser.Parsed p = parse("a,b\n1,2\n\"3,4\n5,6\n");

        assertTrue(p.fatal());
        assertEquals(List.of(new RowError(3, null,
                "a quoted field opens in this row and is never closed: a closing \" is missing")), p.errors());
    }

    @Test
    void aRowWithAnotherNumberOfFieldsThanTheHeaderIsAnErrorOfThatRowAndTheOthersAreStillRead() {
        CsvParser.Parsed p = parse("a,b\n1,2,3\n4,5\n6\n");

        assertFalse(p.fatal());
        assertEquals(List.of(List.of("4", "5")), fields(p));
        assertEquals(List.of(new RowError(2, null, "the row has 3 fields but the header has 2"),
                new RowError(4, null, "the row has 1 field but the header has 2")), p.errors());
    }

    @Test
    void aQuoteInsideAnUnquotedFieldOrTextAfterAClosingQuoteIsAnErrorOfTheRow() {
        CsvParser.Parsed p = parse("a,b\n5\" screen,2\n\"x\"y,3\nok,4\n");

        assertEquals(List.of(2, 3), p.errors().stream().map(RowError::row).toList());
        assertEquals(List.of(List.of("ok", "4")), fields(p));
    }

    @Test
    void invalidUtf8IsRefusedAsAWhole() {
        byte[] latin1 = "a,b\nMüller,2\n".getBytes(StandardCharsets.ISO_8859_1);

        CsvParser.Parsed p = CsvParser.parse(latin1, 1000);

        assertTrue(p.fatal());
        assertEquals(List.of(new RowError(null, null, "the file is not UTF-8")), p.errors());
    }

    @Test
    void aNulCharacterIsAnErrorOfItsRow() {
        assertEquals(List.of(new RowError(2, null, "the row contains a NUL character")), parse("a,b\n1,\0\n").errors());
    }

    @Test
    void anEmptyBodyHasNoHeader() {
        assertNull(parse("").header());
        assertNull(CsvParser.parse(null, 10).header());
        assertNull(parse("\uFEFF\r\n\n").header());
    }

    @Test
    void moreDataRowsThanTheLimitStopTheReading() {
        CsvParser.Parsed p = CsvParser.parse("a\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8), 2);

        assertTrue(p.fatal());
        assertEquals(List.of(new RowError(null, null, "the file has more than 2 data rows; split it into several imports")),
                p.errors());
    }
}
