package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static com.keystone.okr.web.imports.Views.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.kpi.Measurement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MeasurementImportTest {

    private static final String HEADER = "kpi_key,date,value";

    private final ImportFixture fx = ImportFixture.h2();

    @BeforeEach
    void kpis() {
        fx.importing(ImportKind.KPIS, csv(KpiImportTest.HEADER,
                "ORDERS,Acme/Sales,Orders,HIGHER_IS_BETTER,LAGGING,50,40,SUM,,,,,,",
                "VISITS,Acme/Sales,Visits,HIGHER_IS_BETTER,LEADING,1000,900,SUM,,,,,,",
                "CONV,Acme/Sales,Conversion,HIGHER_IS_BETTER,LAGGING,0.05,0.03,LAST,,,,,ORDERS,VISITS"));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<Measurement> measurements() {
        return fx.read(em -> em.createQuery("select m from Measurement m join fetch m.kpi order by m.kpi.key, m.date",
                Measurement.class).getResultList());
    }

    private List<AuditEntry> audit() {
        return fx.read(em -> em.createQuery("select a from AuditEntry a order by a.id", AuditEntry.class).getResultList());
    }

    @Test
    void importsMeasurementsRecordedByTheImporter() {
        assertEquals(new ImportResult(3, 0, 0), fx.importing(ImportKind.MEASUREMENTS, csv(HEADER,
                "ORDERS,2026-10-01,12", "ORDERS,2026-10-02,7.5", "VISITS,2026-10-01,300")));

        List<Measurement> all = measurements();
        assertEquals(3, all.size());
        Measurement first = all.get(0);
        assertEquals(LocalDate.of(2026, 10, 1), first.getDate());
        assertTrue(same("12", first.getValue()));
        assertEquals(ImportFixture.ACTOR, first.getRecordedBy());
        assertEquals(ImportFixture.NOW, first.getRecordedAt());
    }

    @Test
    void reimportingTheSameValuesTouchesNothing() {
        String file = csv(HEADER, "ORDERS,2026-10-01,12", "VISITS,2026-10-01,300");
        fx.importing(ImportKind.MEASUREMENTS, file);
        fx.clockAt(ImportFixture.NOW.plusSeconds(60));

        assertEquals(new ImportResult(0, 0, 2), fx.importing(ImportKind.MEASUREMENTS,
                csv(HEADER, "ORDERS,2026-10-01,12.000", "VISITS,2026-10-01,3e2")));

        assertTrue(measurements().stream().allMatch(m -> m.getRecordedAt().equals(ImportFixture.NOW) && m.getVersion() == 0));
        assertEquals(List.of(), audit());
    }

    @Test
    void aNewValueForAStoredDateReplacesItAndIsAudited() {
        fx.importing(ImportKind.MEASUREMENTS, csv(HEADER, "ORDERS,2026-10-01,12", "VISITS,2026-10-01,300"));
        Instant later = ImportFixture.NOW.plusSeconds(60);
        fx.clockAt(later);

        assertEquals(new ImportResult(1, 1, 1), fx.importing(ImportKind.MEASUREMENTS,
                csv(HEADER, "ORDERS,2026-10-01,13", "VISITS,2026-10-01,300", "VISITS,2026-10-02,280")));

        Measurement orders = measurements().get(0);
        assertTrue(same("13", orders.getValue()));
        assertEquals(later, orders.getRecordedAt());
        List<AuditEntry> audit = audit();
        assertEquals(1, audit.size());
        assertEquals("MEASUREMENT_REPLACED", audit.get(0).getAction());
        assertEquals("ORDERS@2026-10-01", audit.get(0).getSubjectKey());
        assertTrue(same("12", new java.math.BigDecimal(audit.get(0).getOldValue())));
        assertTrue(same("13", new java.math.BigDecimal(audit.get(0).getNewValue())));
        assertEquals(ImportFixture.ACTOR, audit.get(0).getActor());
    }

    @Test
    void theLaterOfTwoRowsForOneKpiAndDateWins() {
        assertEquals(new ImportResult(1, 0, 0), fx.importing(ImportKind.MEASUREMENTS,
                csv(HEADER, "ORDERS,2026-10-01,12", "ORDERS,2026-10-01,14")));

        assertTrue(same("14", measurements().get(0).getValue()));
        assertEquals(List.of(), audit(), "the earlier row never was stored, so nothing was replaced");
    }

    @Test
    void aMeasurementOfAComputedKpiIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.MEASUREMENTS, csv(HEADER, "ORDERS,2026-10-01,12", "CONV,2026-10-01,0.04"));

        assertEquals(List.of(error(3, "kpi_key")), places(errors));
        assertTrue(errors.get(0).message().contains("takes no measurements"), errors.get(0).message());
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumn() {
        List<RowError> errors = fx.rejected(ImportKind.MEASUREMENTS, csv(HEADER,
                "ORDERS,2026-10-01,12",
                "NOPE,2026-10-01,1",
                "ORDERS,2026-10-02,\"1,5\"",
                "ORDERS,2026-10-03,NaN",
                "ORDERS,2026-10-04,Infinity",
                "ORDERS,2026-10-05,",
                "ORDERS,2026-13-01,1",
                "ORDERS,01/10/2026,1",
                ",,"));

        assertEquals(List.of(error(3, "kpi_key"), error(4, "value"), error(5, "value"), error(6, "value"), error(7, "value"),
                error(8, "date"), error(9, "date")), places(errors), "a row of empty fields is a blank row");
    }
}
