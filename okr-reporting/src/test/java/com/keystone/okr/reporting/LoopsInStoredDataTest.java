package com.keystone.okr.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.reporting.kpi.KpiStatus;
import com.keystone.okr.reporting.quality.Finding;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.reporting.snapshot.UnitRow;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loops that the domain refuses but stored data may still hold (rows changed outside Keystone):
 * the reports compute anyway, the loop's alignments do not count, KPIs on a reference loop have no
 * value, and the coach names every objective and KPI on a loop. The live model reloads when a loop
 * appears or goes, and otherwise agrees with a computation from scratch.
 */
class LoopsInStoredDataTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 15);
    private static final CycleInfo Q4 = new CycleInfo("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
            CycleState.ACTIVE);
    private static final List<UnitRow> UNITS = List.of(new UnitRow(1, "Acme", null, 0), new UnitRow(2, "Acme/Sales", 1L, 1));

    private final OkrEngine engine = new OkrEngine();

    /** O1 → O2 → O1 in a loop in Sales, O3 aligned to O1 (a tail, counted), each with one key result; K1 ↔ K2 ratios. */
    private static CycleSnapshot looped() {
        return new CycleSnapshot(Q4, UNITS,
                List.of(objective(10, "O1", 11L), objective(11, "O2", 10L), objective(12, "O3", 10L)),
                List.of(kr(20, "K-O1", 10), kr(21, "K-O2", 11), kr(22, "K-O3", 12)),
                List.of(checkIn(40, 20, "8"), checkIn(41, 21, "2"), checkIn(42, 22, "6")),
                List.of(ratio(30, "K1", 31L, 32L), ratio(31, "K2", 30L, 32L), measured(32, "VISITS"),
                        ratio(33, "USES-K1", 30L, 32L)),
                List.of(new MeasurementRow(32, LocalDate.of(2026, 10, 5), BigDecimal.TEN)));
    }

    @Test
    void aReportOfDataWithLoopsComputesWithoutTheLoopAndTheCoachNamesIt() {
        CycleReport r = engine.report(looped(), DAY);
        // O1 counts its key result (0.8) and O3 (0.6), not O2: (0.8 + 0.6) / 2
        assertEquals(0.7, r.objective("O1").orElseThrow().progress(), 1e-9);
        assertEquals(0.2, r.objective("O2").orElseThrow().progress(), 1e-9, "O2 counts its key result only");
        assertNull(r.objective("O1").orElseThrow().parentKey(), "a loop's alignment is not shown as counted");
        assertNull(r.objective("O2").orElseThrow().parentKey());
        assertEquals("O1", r.objective("O3").orElseThrow().parentKey());
        assertEquals(List.of("O3"), r.alignedTo("O1").stream().map(o -> o.key()).toList());
        // the unit: O1 and O2 are both top-level now, O3 counts inside O1
        assertEquals((0.7 + 0.2) / 2, r.unit("Acme/Sales").orElseThrow().progress(), 1e-9);

        assertNull(r.kpi("K1").orElseThrow().value());
        assertEquals(KpiStatus.NO_DATA, r.kpi("K2").orElseThrow().status());
        assertNull(r.kpi("USES-K1").orElseThrow().value(), "a KPI computed from one on a loop sees no value there");
        assertEquals(10.0, r.kpi("VISITS").orElseThrow().value(), 1e-9);

        List<Finding> f = r.findings();
        assertEquals(List.of("O1", "O2"), f.stream().filter(x -> x.code() == FindingCode.ALIGNMENT_LOOP).map(Finding::subject)
                .toList());
        assertEquals(List.of("K1", "K2"), f.stream().filter(x -> x.code() == FindingCode.KPI_LOOP).map(Finding::subject)
                .toList());
        assertTrue(f.stream().noneMatch(x -> x.code() == FindingCode.ORPHAN_OBJECTIVE && x.subject().startsWith("O")),
                "a looped objective is named for its loop, not as an orphan");
    }

    @Test
    void theLiveModelAgreesAndReloadsWhenALoopAppearsOrGoes() {
        LiveCycle live = LiveCycle.of(looped(), DAY, 1);
        assertEquals(engine.report(looped(), DAY).objectives(), live.report(DAY).objectives());

        // a check-in inside the loop: applied like any other
        live.apply(new CycleChanges(null, null, null, null, List.of(checkIn(43, 21, "9")), null, null), 2);
        CycleSnapshot after = new CycleSnapshot(Q4, UNITS, looped().objectives(), looped().keyResults(),
                List.of(checkIn(40, 20, "8"), checkIn(41, 21, "2"), checkIn(42, 22, "6"), checkIn(43, 21, "9")),
                looped().kpis(), looped().measurements());
        assertEquals(engine.report(after, DAY).objectives(), live.report(DAY).objectives());
        assertEquals(engine.report(after, DAY).findings(), live.report(DAY).findings());

        // the loop is broken by re-aligning O2 to nothing: the model asks to be reloaded
        assertThrows(IllegalStateException.class, () -> live.apply(new CycleChanges(null, null,
                List.of(objective(11, "O2", null)), null, null, null, null), 3));
        assertTrue(live.isBroken());
    }

    private static ObjectiveRow objective(long id, String key, Long parent) {
        return new ObjectiveRow(id, key, key, 2, parent, "owner", BigDecimal.ONE, null, null);
    }

    private static KeyResultRow kr(long id, String key, long objective) {
        return new KeyResultRow(id, key, key, objective, KeyResultType.NUMERIC, BigDecimal.ZERO, BigDecimal.TEN,
                BigDecimal.ONE, "owner", null, null, null);
    }

    private static CheckInRow checkIn(long id, long kr, String value) {
        return new CheckInRow(id, kr, LocalDate.of(2026, 11, 10), new BigDecimal(value), null,
                Instant.parse("2026-11-10T09:00:00Z").plusSeconds(id));
    }

    private static KpiRow ratio(long id, String key, Long numerator, Long denominator) {
        return new KpiRow(id, key, key, 2, "owner", Direction.HIGHER_IS_BETTER, KpiKind.LAGGING, BigDecimal.ONE,
                BigDecimal.ZERO, TimeAggregation.SUM, null, List.of(), numerator, denominator);
    }

    private static KpiRow measured(long id, String key) {
        return new KpiRow(id, key, key, 2, "owner", Direction.HIGHER_IS_BETTER, KpiKind.LEADING, BigDecimal.ONE,
                BigDecimal.ZERO, TimeAggregation.SUM, null, List.of(), null, null);
    }
}
