package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static com.keystone.okr.web.imports.OkrImportTest.row;
import static com.keystone.okr.web.imports.Views.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.web.imports.Views.CheckInView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckInImportTest {

    private static final String HEADER = "cycle,kr_key,date,value,confidence,comment";

    private final ImportFixture fx = ImportFixture.h2();

    @BeforeEach
    void okrs() {
        fx.importing(ImportKind.KPIS, csv("kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation",
                "NPS,Acme,Net promoter score,HIGHER_IS_BETTER,LAGGING,50,30,LAST"));
        fx.importing(ImportKind.OKRS, csv(OkrImportTest.HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow", "", "", "", "KR-1", "Revenue", "NUMERIC", "0", "100"),
                row("2026-Q4", "Acme", "CO-1", "Grow", "", "", "", "KR-2", "Deals", "NUMERIC", "0", "10"),
                row("2026-Q4", "Acme", "CO-1", "Grow", "", "", "", "KR-NPS", "NPS 50", "NUMERIC", "20", "50", "", "", "NPS")));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<CheckInView> checkIns() {
        return fx.read(Views::checkIns);
    }

    /** The value that counts for KR-1 as of a day (R1), as the repository reads it. */
    private BigDecimal currentOfKr1(LocalDate asOf) {
        return fx.read(em -> new CheckInRepository(em).latest(new KeyResultRepository(em).findByKey(
                new CycleRepository(em).findByName("2026-Q4").orElseThrow(), "KR-1").orElseThrow(), asOf).orElseThrow().getValue());
    }

    @Test
    void importsCheckInsByTheImporterAtOneInstantRecordedInRowOrder() {
        ImportResult result = fx.importing(ImportKind.CHECKINS, csv(HEADER,
                "2026-Q4,KR-2,2026-10-12,3,,",
                "2026-Q4,KR-1,2026-10-05,10,7,\"on track, mostly\"",
                "2026-q4,KR-1,2026-10-12,20,,",
                "2026-Q4,KR-1,2026-10-12,25,8,corrected"));

        assertEquals(new ImportResult(4, 0, 0), result);
        List<CheckInView> all = checkIns();
        assertEquals(List.of("KR-2", "KR-1", "KR-1", "KR-1"), all.stream().map(CheckInView::krKey).toList(),
                "ids follow the row order");
        CheckInView second = all.get(1);
        assertEquals(LocalDate.of(2026, 10, 5), second.date());
        assertTrue(same("10", second.value()));
        assertEquals(7, second.confidence());
        assertEquals("on track, mostly", second.comment());
        assertTrue(all.stream().allMatch(c -> c.author().equals(ImportFixture.ACTOR) && c.recordedAt().equals(ImportFixture.NOW)),
                "author and recorded-at are the importer's and the import's");
        assertTrue(same("25", currentOfKr1(LocalDate.of(2026, 10, 31))), "the later row of one date counts");
    }

    @Test
    void reimportingTheSameFileAddsNothing() {
        String file = csv(HEADER,
                "2026-Q4,KR-1,2026-10-05,10,7,ok",
                "2026-Q4,KR-1,2026-10-12,20,,",
                "2026-Q4,KR-1,2026-10-12,25,,",
                "2026-Q4,KR-1,2026-10-19,5,,",
                "2026-Q4,KR-1,2026-10-19,7,,",
                "2026-Q4,KR-1,2026-10-19,5,,",
                "2026-Q4,KR-2,2026-10-19,1,,",
                "2026-Q4,KR-2,2026-10-19,1,,");
        assertEquals(new ImportResult(7, 0, 1), fx.importing(ImportKind.CHECKINS, file), "a repeat of the row before is unchanged");
        fx.clockAt(ImportFixture.NOW.plusSeconds(3600));

        assertEquals(new ImportResult(0, 0, 8), fx.importing(ImportKind.CHECKINS, file));

        assertEquals(7, checkIns().size());
        assertTrue(same("5", currentOfKr1(LocalDate.of(2026, 10, 19))));
    }

    @Test
    void aNewValueForAStoredDateIsANewerCheckInAndAnEqualOneIsUnchanged() {
        fx.importing(ImportKind.CHECKINS, csv(HEADER, "2026-Q4,KR-1,2026-10-05,10,7,ok", "2026-Q4,KR-2,2026-10-05,1,,"));
        Instant later = ImportFixture.NOW.plusSeconds(60);
        fx.clockAt(later);

        ImportResult result = fx.importing(ImportKind.CHECKINS, csv(HEADER,
                "2026-Q4,KR-1,2026-10-05,12,7,ok",
                "2026-Q4,KR-2,2026-10-05,1.000,,",
                "2026-Q4,KR-2,2026-10-06,1,,"));

        assertEquals(new ImportResult(2, 0, 1), result);
        assertTrue(same("12", currentOfKr1(LocalDate.of(2026, 10, 5))));
        assertEquals(later, checkIns().get(2).recordedAt());
    }

    @Test
    void aChangedConfidenceOrCommentIsANewCheckIn() {
        fx.importing(ImportKind.CHECKINS, csv(HEADER, "2026-Q4,KR-1,2026-10-05,10,7,ok"));

        assertEquals(new ImportResult(2, 0, 0), fx.importing(ImportKind.CHECKINS, csv(HEADER,
                "2026-Q4,KR-1,2026-10-05,10,8,ok", "2026-Q4,KR-1,2026-10-05,10,8,fine")));
    }

    @Test
    void aCheckInOnAKeyResultLinkedToAKpiIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.CHECKINS, csv(HEADER, "2026-Q4,KR-1,2026-10-05,10,,", "2026-Q4,KR-NPS,2026-10-05,40,,"));

        assertEquals(List.of(error(3, "kr_key")), places(errors));
        assertTrue(errors.get(0).message().contains("takes its value from KPI NPS"), errors.get(0).message());
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumn() {
        List<RowError> errors = fx.rejected(ImportKind.CHECKINS, csv(HEADER,
                "2026-Q4,KR-1,2026-10-05,10,7,fine",
                "2026-Q3,KR-1,2026-10-05,10,,",
                "2026-Q4,KR-9,2026-10-05,10,,",
                "2026-Q4,KR-1,2026-02-30,10,,",
                "2026-Q4,KR-1,20.11.2026,NaN,,",
                "2026-Q4,KR-1,2026-10-05,,11,",
                "2026-Q4,KR-1,2026-10-05,Infinity,7.5,",
                "2026-Q4,KR-1,2026-10-05,\"1,5\",0,",
                "2026-Q4,KR-1,2026-10-05,1e3,10.0,fine",
                ",,,,,x"));

        assertEquals(List.of(
                error(3, "cycle"),
                error(4, "kr_key"),
                error(5, "date"),
                error(6, "date"), error(6, "value"),
                error(7, "value"), error(7, "confidence"),
                error(8, "value"), error(8, "confidence"),
                error(9, "value"), error(9, "confidence"),
                error(11, "cycle"), error(11, "kr_key"), error(11, "date"), error(11, "value")), places(errors));
    }

    @Test
    void aCommentLongerThanTheDomainAllowsIsRefusedOnItsColumn() {
        assertEquals(List.of(error(2, "comment")), places(fx.rejected(ImportKind.CHECKINS,
                csv(HEADER, "2026-Q4,KR-1,2026-10-05,10,," + "x".repeat(2001)))));
    }

    @Test
    void aValueTheDatabaseCannotKeepExactlyIsRefusedOnItsColumnAsInTheApiAndTheUi() {
        assertEquals(List.of(error(2, "value"), error(3, "value"), error(4, "value")), places(fx.rejected(ImportKind.CHECKINS,
                csv(HEADER, "2026-Q4,KR-1,2026-10-05,1e999,,", "2026-Q4,KR-1,2026-10-06,100000000000000000000,,",
                        "2026-Q4,KR-1,2026-10-07,0.00000000001,,", "2026-Q4,KR-1,2026-10-08,99999999999999999999.9999999999,,"))));
    }
}
