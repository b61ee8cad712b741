package com.keystone.okr.reporting.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.fixture.Company;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The maps by id, the latest check-in, and the integrity checks on a snapshot. */
class SnapshotIndexTest {

    private static CycleSnapshot base() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme/Sales");
        c.numeric("KR", "O", "0", "10");
        c.kpi("K", "Acme");
        return c.snapshot();
    }

    @Test
    void latestCheckInIsByDateThenRecordedAtThenId() {
        Instant t = Instant.parse("2026-10-10T10:00:00Z");
        CycleSnapshot s = base();
        long kr = s.keyResults().get(0).id();
        List<CheckInRow> checkIns = List.of(
                new CheckInRow(105, kr, LocalDate.parse("2026-10-10"), BigDecimal.ONE, null, t),
                new CheckInRow(101, kr, LocalDate.parse("2026-10-10"), BigDecimal.TEN, null, t.plusSeconds(1)),
                new CheckInRow(106, kr, LocalDate.parse("2026-10-10"), new BigDecimal("7"), null, t.plusSeconds(1)),
                new CheckInRow(100, kr, LocalDate.parse("2026-10-09"), new BigDecimal("3"), null, t.plusSeconds(99)));
        SnapshotIndex index = new CycleSnapshot(s.cycle(), s.units(), s.objectives(), s.keyResults(), checkIns,
                s.kpis(), s.measurements()).index();
        assertEquals(106, index.latestCheckIn(kr, LocalDate.parse("2026-10-10")).id());
        assertEquals(100, index.latestCheckIn(kr, LocalDate.parse("2026-10-09")).id());
        assertNull(index.latestCheckIn(kr, LocalDate.parse("2026-10-08")));
        assertEquals(List.of(100L, 105L, 101L, 106L), index.checkInsOf(kr).stream().map(CheckInRow::id).toList());
    }

    @Test
    void duplicateIdsAreRefused() {
        CycleSnapshot s = base();
        List<UnitRow> units = new ArrayList<>(s.units());
        units.add(new UnitRow(units.get(0).id(), "Other", null, 0));
        CycleSnapshot broken = new CycleSnapshot(s.cycle(), units, s.objectives(), s.keyResults(), s.checkIns(),
                s.kpis(), s.measurements());
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::index);
        assertTrue(e.getMessage().contains("two unit rows"), e.getMessage());
    }

    @Test
    void referenceToARowMissingFromTheSnapshotIsRefused() {
        CycleSnapshot s = base();
        KeyResultRow kr = s.keyResults().get(0);
        KeyResultRow dangling = new KeyResultRow(kr.id(), kr.key(), kr.title(), 9999, kr.type(), kr.start(),
                kr.target(), kr.weight(), kr.owner(), null, null, null);
        CycleSnapshot broken = new CycleSnapshot(s.cycle(), s.units(), s.objectives(), List.of(dangling), List.of(),
                s.kpis(), s.measurements());
        IllegalStateException e = assertThrows(IllegalStateException.class, broken::index);
        assertTrue(e.getMessage().contains("9999"), e.getMessage());
    }

    @Test
    void checkInOfAnUnknownKeyResultIsRefused() {
        CycleSnapshot s = base();
        CycleSnapshot broken = new CycleSnapshot(s.cycle(), s.units(), s.objectives(), s.keyResults(),
                List.of(new CheckInRow(1, 4242, LocalDate.parse("2026-10-10"), BigDecimal.ONE, null, Instant.EPOCH)),
                s.kpis(), s.measurements());
        assertThrows(IllegalStateException.class, broken::index);
    }

    @Test
    void snapshotListsAreCopiedAndNullListsAreEmpty() {
        List<UnitRow> units = new ArrayList<>(List.of(new UnitRow(1, "Acme", null, 0)));
        CycleSnapshot s = new CycleSnapshot(new CycleInfo("C", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                CycleState.ACTIVE), units, null, null, null, null, null);
        units.clear();
        assertEquals(1, s.units().size());
        assertTrue(s.keyResults().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> s.units().add(new UnitRow(2, "X", null, 0)));
    }

    @Test
    void cycleEndingBeforeItStartsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CycleInfo("C", LocalDate.parse("2026-02-01"),
                LocalDate.parse("2026-01-31"), CycleState.ACTIVE));
    }

    @Test
    void keyResultNeedsAType() {
        assertThrows(NullPointerException.class, () -> new KeyResultRow(1, "K", "K", 1, null, null, null, null, null,
                null, null, null));
        assertEquals(KeyResultType.NUMERIC, base().keyResults().get(0).type());
    }
}
