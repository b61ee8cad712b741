package com.keystone.okr.persistence.objective;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.CheckIn;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckInRepositoryTest {

    private static final LocalDate OCT_5 = LocalDate.of(2026, 10, 5);
    private static final LocalDate OCT_12 = LocalDate.of(2026, 10, 12);
    private static final LocalDate OCT_19 = LocalDate.of(2026, 10, 19);

    /** One key result KR-1 (0 → 10) of an objective of Acme/Sales in 2026-Q4. */
    private static void keyResult(TestDatabase db) {
        db.run(em -> {
            Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
            Objective o = new ObjectiveRepository(em).add(
                    new Objective(q4, "O-1", "grow", new OrgUnitRepository(em).ensurePath("Acme/Sales")));
            new KeyResultRepository(em).add(numericKr(o, "KR-1"));
        });
    }

    private static KeyResult kr(EntityManager em) {
        return new KeyResultRepository(em).findByKey(new CycleRepository(em).findByName("2026-Q4").orElseThrow(), "KR-1")
                .orElseThrow();
    }

    /** Records check-ins in the given order, each in its own transaction (as people check in one at a time). */
    private static void checkIns(TestDatabase db, Object[]... rows) {
        for (Object[] r : rows) {
            db.run(em -> new CheckInRepository(em).add(kr(em).checkIn((LocalDate) r[0], n((String) r[1]), null, null, "bob",
                    (Instant) r[2])));
        }
    }

    private static List<String> values(List<CheckIn> history) {
        return history.stream().map(c -> c.getValue().stripTrailingZeros().toPlainString()).toList();
    }

    private static String latestValue(EntityManager em, LocalDate asOf) {
        return new CheckInRepository(em).latest(kr(em), asOf).map(c -> c.getValue().stripTrailingZeros().toPlainString())
                .orElse(null);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void historyIsOrderedByEffectiveDateThenRecordedAtThenId(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            keyResult(db);
            // recorded in this order; a late entry for an earlier date and a same-date correction among them
            checkIns(db,
                    new Object[] {OCT_19, "5", T0.plusSeconds(300)},
                    new Object[] {OCT_12, "4", T0.plusSeconds(200)},
                    new Object[] {OCT_5, "2", T0.plusSeconds(500)},
                    new Object[] {OCT_5, "1", T0.plusSeconds(100)},
                    new Object[] {OCT_12, "3", T0.plusSeconds(100)},
                    new Object[] {OCT_12, "3.5", T0.plusSeconds(100)});

            db.run(em -> assertEquals(List.of("1", "2", "3", "3.5", "4", "5"),
                    values(new CheckInRepository(em).history(kr(em)))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void latestOnADateWithSeveralCheckInsIsTheOneRecordedLast(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            keyResult(db);
            // the correction was stored first but recorded later (e.g. an import of another time zone's sheet)
            checkIns(db,
                    new Object[] {OCT_12, "7", T0.plusSeconds(3600)},
                    new Object[] {OCT_12, "6", T0},
                    new Object[] {OCT_5, "9", T0.plusSeconds(7200)});

            db.run(em -> assertEquals("7", latestValue(em, OCT_12)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void latestWithTheSameDateAndRecordedAtIsTheOneStoredLast(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            keyResult(db);
            db.run(em -> {
                // three rows of one import: same date, same recorded-at; the row order decides
                KeyResult kr = kr(em);
                CheckInRepository checkIns = new CheckInRepository(em);
                checkIns.add(kr.checkIn(OCT_12, n("3"), null, null, "import", T0));
                checkIns.add(kr.checkIn(OCT_12, n("1"), null, null, "import", T0));
                checkIns.add(kr.checkIn(OCT_12, n("2"), null, null, "import", T0));
            });

            db.run(em -> assertEquals("2", latestValue(em, OCT_19)));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void latestAsOfADayIgnoresCheckInsDatedAfterIt(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            keyResult(db);
            checkIns(db,
                    new Object[] {OCT_5, "1", T0},
                    new Object[] {OCT_19, "5", T0.plusSeconds(60)},
                    new Object[] {OCT_12, "3", T0.plusSeconds(120)});

            db.run(em -> {
                assertEquals("1", latestValue(em, OCT_5));
                assertEquals("1", latestValue(em, OCT_12.minusDays(1)));
                assertEquals("3", latestValue(em, OCT_12));
                assertEquals("3", latestValue(em, OCT_19.minusDays(1)));
                assertEquals("5", latestValue(em, LocalDate.of(2026, 12, 31)));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void latestAsOfADayBeforeAllCheckInsIsEmpty(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            keyResult(db);
            db.run(em -> assertTrue(new CheckInRepository(em).latest(kr(em), OCT_12).isEmpty(), "no check-in at all"));
            checkIns(db, new Object[] {OCT_12, "3", T0});

            db.run(em -> assertNull(latestValue(em, OCT_12.minusDays(1))));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCheckInKeepsItsDecimalsConfidenceCommentAuthorAndRecordedAt(Kind kind) {
        Instant recordedAt = Instant.parse("2026-10-12T16:45:30.123456Z");
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            keyResult(db);
            db.run(em -> {
                CheckInRepository checkIns = new CheckInRepository(em);
                checkIns.add(kr(em).checkIn(OCT_12, n("0.0312345678"), 7, "on track after the fair", "bob", recordedAt));
                checkIns.add(kr(em).checkIn(OCT_19, n("12345678901234567890.1234567891"), null, null, null, recordedAt));
            });

            db.run(em -> {
                List<CheckIn> history = new CheckInRepository(em).history(kr(em));
                CheckIn first = history.get(0);
                assertEquals(0, new BigDecimal("0.0312345678").compareTo(first.getValue()),
                        () -> first.getValue().toPlainString());
                assertEquals(7, first.getConfidence());
                assertEquals("on track after the fair", first.getComment());
                assertEquals("bob", first.getAuthor());
                assertEquals(recordedAt, first.getRecordedAt());
                assertEquals(OCT_12, first.getEffectiveDate());
                assertEquals("KR-1", first.getKeyResult().getKey());
                CheckIn second = history.get(1);
                assertEquals(0, new BigDecimal("12345678901234567890.1234567891").compareTo(second.getValue()),
                        () -> second.getValue().toPlainString());
                assertNull(second.getConfidence());
                assertNull(second.getComment());
                assertNull(second.getAuthor());
            });
        }
    }
}
