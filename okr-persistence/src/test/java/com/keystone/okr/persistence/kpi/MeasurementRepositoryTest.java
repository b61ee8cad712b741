package com.keystone.okr.persistence.kpi;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.Measurement;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.audit.AuditRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository.Recorded;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MeasurementRepositoryTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);

    private static void kpis(TestDatabase db, String... keys) {
        db.run(em -> {
            KpiRepository kpis = new KpiRepository(em);
            for (String key : keys) {
                kpis.add(measuredKpi(key, new OrgUnitRepository(em).ensurePath("Acme/Sales")));
            }
        });
    }

    private static Kpi kpi(EntityManager em, String key) {
        return new KpiRepository(em).findByKey(key).orElseThrow();
    }

    private static Recorded record(TestDatabase db, String kpi, LocalDate date, String value, Instant at, String by) {
        return db.inTransaction(em -> new MeasurementRepository(em).record(kpi(em, kpi), date, n(value), at, by));
    }

    private static boolean same(String expected, BigDecimal actual) {
        return actual != null && n(expected).compareTo(actual) == 0;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void recordCreatesAMeasurementForANewDate(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            kpis(db, "leads");

            Recorded r = record(db, "leads", OCT_1, "42.5", T0, "carol");

            assertFalse(r.replaced());
            db.run(em -> {
                Measurement m = new MeasurementRepository(em).find(kpi(em, "leads"), OCT_1).orElseThrow();
                assertTrue(same("42.5", m.getValue()), m.getValue()::toPlainString);
                assertEquals(T0, m.getRecordedAt());
                assertEquals("carol", m.getRecordedBy());
                assertEquals("leads", m.getKpi().getKey());
                assertTrue(new MeasurementRepository(em).find(kpi(em, "leads"), OCT_1.plusDays(1)).isEmpty());
                assertEquals(List.of(), new AuditRepository(em).matching("KPI", null, null, "leads@", 1000), "a first value is no replacement");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void recordingTheSameDateAgainReplacesTheValueAndAuditsTheOldAndNewValues(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            kpis(db, "leads");
            record(db, "leads", OCT_1, "40", T0, "carol");

            Recorded r = record(db, "leads", OCT_1, "42.25", T0.plusSeconds(3600), "dave");

            assertTrue(r.replaced());
            db.run(em -> {
                List<Measurement> history = new MeasurementRepository(em).history(kpi(em, "leads"));
                assertEquals(1, history.size(), "still one measurement for the date");
                assertTrue(same("42.25", history.get(0).getValue()));
                assertEquals("dave", history.get(0).getRecordedBy());
                assertEquals(T0.plusSeconds(3600), history.get(0).getRecordedAt());

                List<AuditEntry> audit = new AuditRepository(em).matching("KPI", null, null, "leads@2026-10-01", 1000);
                assertEquals(1, audit.size());
                AuditEntry e = audit.get(0);
                assertEquals("MEASUREMENT_REPLACED", e.getAction());
                assertEquals("leads@2026-10-01", e.getSubjectKey());
                assertTrue(same("40", new BigDecimal(e.getOldValue())), e.getOldValue());
                assertTrue(same("42.25", new BigDecimal(e.getNewValue())), e.getNewValue());
                assertEquals("dave", e.getActor());
                assertEquals(T0.plusSeconds(3600), e.getOccurredAt());
                assertNull(e.getReason());
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAuditHistoryOfAKpiIsNewestFirstAndTakesUnderscoresInKeysLiterally(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            kpis(db, "net_rev", "netXrev");
            record(db, "net_rev", OCT_1, "1", T0, "carol");
            record(db, "netXrev", OCT_1, "1", T0, "carol");
            record(db, "netXrev", OCT_1, "2", T0.plusSeconds(10), "carol");
            record(db, "net_rev", OCT_1, "2", T0.plusSeconds(60), "carol");
            record(db, "net_rev", OCT_1, "3", T0.plusSeconds(120), "carol");

            db.run(em -> assertEquals(List.of("2 -> 3", "1 -> 2"), new AuditRepository(em).matching("KPI", null, null, "net_rev@", 1000).stream()
                    .map(e -> n(e.getOldValue()).stripTrailingZeros().toPlainString() + " -> "
                            + n(e.getNewValue()).stripTrailingZeros().toPlainString())
                    .toList()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void historyIsOldestFirst(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            kpis(db, "leads", "calls");
            record(db, "leads", OCT_1.plusDays(14), "3", T0, "carol");
            record(db, "leads", OCT_1, "1", T0, "carol");
            record(db, "calls", OCT_1.plusDays(3), "99", T0, "carol");
            record(db, "leads", OCT_1.plusDays(7), "2", T0, "carol");

            db.run(em -> assertEquals(List.of(OCT_1, OCT_1.plusDays(7), OCT_1.plusDays(14)),
                    new MeasurementRepository(em).history(kpi(em, "leads")).stream().map(Measurement::getDate).toList()));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMeasurementOnAComputedKpiIsRefused(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            kpis(db, "won", "leads", "win-rate", "all-leads");
            db.run(em -> {
                kpi(em, "win-rate").ratioOf(kpi(em, "won"), kpi(em, "leads"));
                Kpi inbound = new KpiRepository(em).add(
                        measuredKpi("leads-in", new OrgUnitRepository(em).ensurePath("Acme/Sales/Inbound")));
                kpi(em, "all-leads").rollUpFrom(UnitAggregation.SUM, List.of(inbound));
            });

            db.run(em -> {
                MeasurementRepository measurements = new MeasurementRepository(em);
                refused("kpi_key", () -> measurements.record(kpi(em, "win-rate"), OCT_1, n("0.5"), T0, "carol"));
                refused("kpi_key", () -> measurements.record(kpi(em, "all-leads"), OCT_1, n("7"), T0, "carol"));
            });

            db.run(em -> assertEquals(0, new MeasurementRepository(em).count()));
        }
    }
}
