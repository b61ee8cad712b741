package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static com.keystone.okr.web.imports.OkrImportTest.row;
import static com.keystone.okr.web.imports.Views.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.web.imports.Views.CheckInView;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each kind imported, re-imported and refused on both databases the product runs on. */
class CsvImportRoundTripTest {

    private static final String CHECKINS = csv("cycle,kr_key,date,value,confidence,comment",
            "2026-Q4,KR-1,2026-10-05,6000000,7,\"steady, for now\"",
            "2026-Q4,KR-1,2026-10-12,6500000,,",
            "2026-Q4,KR-1,2026-10-12,6400000.5,6,corrected",
            "2026-Q4,KR-3,2026-10-12,70,,");

    private static final String MEASUREMENTS = csv("kpi_key,date,value",
            "ORDERS,2026-10-01,12", "ORDERS,2026-10-02,0.1234567890", "VISITS,2026-10-01,300", "LEADS-IN,2026-10-01,40");

    @ParameterizedTest
    @EnumSource(Kind.class)
    void okrsRoundTrip(Kind kind) {
        try (ImportFixture fx = ImportFixture.of(kind)) {
            fx.users("ceo", "alice");

            assertEquals(new ImportResult(6, 0, 0), fx.importing(ImportKind.OKRS, OkrImportTest.COMPANY_OKRS));
            Map<String, Long> stored = fx.counts();
            assertEquals(new ImportResult(0, 6, 0), fx.importing(ImportKind.OKRS, OkrImportTest.COMPANY_OKRS));
            assertEquals(stored, fx.counts());
            assertEquals("SA-1", fx.read(em -> Views.objective(em, "2026-Q4", "IN-1")).parentKey());
            assertTrue(same("10000000", fx.read(em -> Views.keyResult(em, "2026-Q4", "KR-1")).target()));

            assertEquals(List.of(error(2, "parent_objective_key"), error(3, "unit_path")), places(fx.rejected(ImportKind.OKRS,
                    csv(OkrImportTest.HEADER, row("2026-Q4", "Acme", "CO-1", "Grow revenue", "IN-1"),
                            row("2026-Q4", "Globex", "GX-1", "Elsewhere")))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void checkInsRoundTrip(Kind kind) {
        try (ImportFixture fx = ImportFixture.of(kind)) {
            fx.users("ceo", "alice");
            fx.importing(ImportKind.OKRS, OkrImportTest.COMPANY_OKRS);

            assertEquals(new ImportResult(4, 0, 0), fx.importing(ImportKind.CHECKINS, CHECKINS));
            fx.clockAt(ImportFixture.NOW.plusSeconds(1));
            assertEquals(new ImportResult(0, 0, 4), fx.importing(ImportKind.CHECKINS, CHECKINS));

            List<CheckInView> all = fx.read(Views::checkIns);
            assertEquals(4, all.size());
            assertEquals(ImportFixture.NOW, all.get(0).recordedAt(), "microseconds survive the database");
            assertEquals("steady, for now", all.get(0).comment());
            assertTrue(same("6400000.5", all.get(2).value()));

            assertEquals(List.of(error(2, "kr_key"), error(3, "value")), places(fx.rejected(ImportKind.CHECKINS,
                    csv("cycle,kr_key,date,value", "2026-Q4,KR-7,2026-10-05,1", "2026-Q4,KR-1,2026-10-05,x"))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void kpisRoundTrip(Kind kind) {
        try (ImportFixture fx = ImportFixture.of(kind)) {
            fx.users("alice");

            assertEquals(new ImportResult(7, 0, 0), fx.importing(ImportKind.KPIS, KpiImportTest.COMPANY_KPIS));
            Map<String, Long> stored = fx.counts();
            assertEquals(new ImportResult(0, 7, 0), fx.importing(ImportKind.KPIS, KpiImportTest.COMPANY_KPIS));
            assertEquals(stored, fx.counts());
            assertEquals(Set.of("LEADS-IN", "LEADS-OUT"), fx.read(em -> Views.kpi(em, "LEADS")).children());

            assertEquals(List.of(error(2, "numerator_key")), places(fx.rejected(ImportKind.KPIS, csv(KpiImportTest.HEADER,
                    "ORDERS,Acme/Sales,Orders,HIGHER_IS_BETTER,LAGGING,50,40,SUM,,,,,CONV,VISITS"))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void measurementsRoundTrip(Kind kind) {
        try (ImportFixture fx = ImportFixture.of(kind)) {
            fx.users("alice");
            fx.importing(ImportKind.KPIS, KpiImportTest.COMPANY_KPIS);

            assertEquals(new ImportResult(4, 0, 0), fx.importing(ImportKind.MEASUREMENTS, MEASUREMENTS));
            assertEquals(new ImportResult(0, 0, 4), fx.importing(ImportKind.MEASUREMENTS, MEASUREMENTS));
            assertEquals(new ImportResult(0, 1, 0), fx.importing(ImportKind.MEASUREMENTS, csv("kpi_key,date,value", "ORDERS,2026-10-01,13")));
            assertEquals(1L, fx.count("AuditEntry"));
            assertEquals(4L, fx.count("Measurement"));

            assertEquals(List.of(error(2, "kpi_key"), error(3, "date")), places(fx.rejected(ImportKind.MEASUREMENTS,
                    csv("kpi_key,date,value", "LEADS,2026-10-01,1", "ORDERS,2026-10-32,1"))));
        }
    }
}
