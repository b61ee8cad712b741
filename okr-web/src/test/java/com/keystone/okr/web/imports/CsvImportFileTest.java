package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.kpi.Kpi;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shape of a file: encoding, quoting, header and row count, whatever the kind. */
class CsvImportFileTest {

    private static final String KPI_HEADER = "kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation";

    private final ImportFixture fx = ImportFixture.h2();

    @AfterEach
    void close() {
        fx.close();
    }

    private String kpiName(String key) {
        return fx.read(em -> em.createQuery("select k from Kpi k where k.key = :k", Kpi.class).setParameter("k", key)
                .getSingleResult().getName());
    }

    @Test
    void kindsAreNamedAsInTheImportPath() {
        assertEquals(Optional.of(ImportKind.OKRS), ImportKind.fromPath("okrs"));
        assertEquals(Optional.of(ImportKind.CHECKINS), ImportKind.fromPath("checkins"));
        assertEquals(Optional.of(ImportKind.KPIS), ImportKind.fromPath("kpis"));
        assertEquals(Optional.of(ImportKind.MEASUREMENTS), ImportKind.fromPath("measurements"));
        assertEquals(Optional.empty(), ImportKind.fromPath("users"));
        assertEquals(Optional.empty(), ImportKind.fromPath(null));
    }

    @Test
    void crlfQuotedCommasAndQuotedLineBreaksAreAccepted() {
        String body = KPI_HEADER + "\r\nNPS,Acme,\"Net promoter score, \"\"NPS\"\"\r\nquarterly\",HIGHER_IS_BETTER,LAGGING,50,30,LAST\r\n";

        assertEquals(new ImportResult(1, 0, 0), fx.importing(ImportKind.KPIS, body));

        assertEquals("Net promoter score, \"NPS\"\r\nquarterly", kpiName("NPS"));
    }

    @Test
    void aByteOrderMarkIsSkipped() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(bom);
        body.writeBytes(csv(KPI_HEADER, "NPS,Acme,Net promoter score,HIGHER_IS_BETTER,LAGGING,50,30,LAST")
                .getBytes(StandardCharsets.UTF_8));

        assertEquals(new ImportResult(1, 0, 0), fx.importing(ImportKind.KPIS, body.toByteArray()));
    }

    @Test
    void headerNamesAreTrimmedCaseInsensitiveInAnyOrderAndValuesAreTrimmed() {
        String body = csv(" Time_Aggregation ,WARNING,target,kind,direction,name,unit_path,KPI_KEY",
                " last , 30 , 50 ,lagging,higher_is_better, Net promoter score , Acme / Sales , NPS ");

        assertEquals(new ImportResult(1, 0, 0), fx.importing(ImportKind.KPIS, body));

        Kpi nps = fx.read(em -> em.createQuery("select k from Kpi k join fetch k.unit", Kpi.class).getSingleResult());
        assertEquals("NPS", nps.getKey());
        assertEquals("Net promoter score", nps.getName());
        assertEquals("Acme/Sales", nps.getUnit().getPath());
        assertEquals(0, new BigDecimal("30").compareTo(nps.getWarning()));
    }

    @Test
    void blankLinesAndTrailingEmptyColumnsOfASpreadsheetAreIgnored() {
        String body = KPI_HEADER + ",,\n\nNPS,Acme,Net promoter score,HIGHER_IS_BETTER,LAGGING,50,30,LAST,,\n,,,,,,,,,,\n\n\n";

        assertEquals(new ImportResult(1, 0, 0), fx.importing(ImportKind.KPIS, body));
    }

    @Test
    void anUnknownColumnIsRefusedAtTheHeader() {
        List<RowError> errors = fx.rejected(ImportKind.MEASUREMENTS, csv("kpi_key,date,value,source", "NPS,2026-11-01,1,x"));

        assertEquals(List.of(error(1, "source")), places(errors));
        assertTrue(errors.get(0).message().contains("unknown column 'source'"), errors.get(0).message());
    }

    @Test
    void aMissingRequiredColumnIsRefusedAtTheHeader() {
        List<RowError> errors = fx.rejected(ImportKind.MEASUREMENTS, csv("kpi_key,value", "NPS,1"));

        assertEquals(List.of(new RowError(1, "date", "missing required column 'date'")), errors);
    }

    @Test
    void aColumnTwiceIsRefusedAtTheHeader() {
        assertEquals(List.of(error(1, "value")),
                places(fx.rejected(ImportKind.MEASUREMENTS, csv("kpi_key,date,value,Value", "NPS,2026-11-01,1,2"))));
    }

    @Test
    void anUnnamedColumnWithValuesIsRefused() {
        assertEquals(List.of(new RowError(1, null, "column 4 has values but no name in the header")),
                fx.rejected(ImportKind.MEASUREMENTS, csv("kpi_key,date,value,", "NPS,2026-11-01,1,oops")));
    }

    @Test
    void anUnterminatedQuoteIsRefusedNamingTheRowWhereItOpens() {
        String body = csv(KPI_HEADER, "NPS,Acme,\"Net promoter score,HIGHER_IS_BETTER,LAGGING,50,30,LAST",
                "CHURN,Acme,Churn,LOWER_IS_BETTER,LAGGING,2,3,LAST");

        assertEquals(List.of(error(2, null)), places(fx.rejected(ImportKind.KPIS, body)));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRefusedAndTheOtherRowsAreStillChecked() {
        String body = csv(KPI_HEADER, "NPS,Acme,Net promoter score,HIGHER_IS_BETTER,LAGGING,50,30",
                "CHURN,Acme,Churn,LOWER_IS_BETTER,LAGGING,2,1,LAST");

        List<RowError> errors = fx.rejected(ImportKind.KPIS, body);

        assertEquals(List.of(new RowError(2, null, "the row has 7 fields but the header has 8"), error(3, "warning")),
                List.of(errors.get(0), places(errors).get(1)));
    }

    @Test
    void invalidUtf8BytesAreRefused() {
        byte[] body = csv(KPI_HEADER, "NPS,Acme,Zufriedenheit der Kunden (Übersicht),HIGHER_IS_BETTER,LAGGING,50,30,LAST")
                .getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(List.of(new RowError(null, null, "the file is not UTF-8")), fx.rejected(ImportKind.KPIS, body));
    }

    @Test
    void anEmptyBodyIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.OKRS, new byte[0]);

        assertEquals(List.of(error(null, null)), places(errors));
        assertTrue(errors.get(0).message().startsWith("no rows"), errors.get(0).message());
        assertEquals(places(errors), places(fx.rejected(ImportKind.OKRS, "\r\n\r\n")));
    }

    @Test
    void aHeaderWithoutDataRowsIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.KPIS, csv(KPI_HEADER, "", ""));

        assertEquals(List.of(new RowError(null, null, "no rows: the file has a header but no data rows")), errors);
    }

    @Test
    void moreThanTwoHundredThousandDataRowsAreRefused() {
        StringBuilder body = new StringBuilder("kpi_key,date,value\n");
        for (int i = 0; i <= CsvImporter.MAX_ROWS; i++) {
            body.append("K,2026-11-01,1\n");
        }

        List<RowError> errors = fx.rejected(ImportKind.MEASUREMENTS, body.toString());

        assertEquals(List.of(new RowError(null, null, "the file has more than 200000 data rows; split it into several imports")),
                errors);
    }
}
