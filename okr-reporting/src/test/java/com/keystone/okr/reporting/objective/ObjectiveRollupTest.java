package com.keystone.okr.reporting.objective;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.fixture.Company;
import com.keystone.okr.reporting.quality.FindingCode;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R2: objective progress through the cascade. */
class ObjectiveRollupTest {

    private static final double EPS = 1e-12;
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-15");
    private final OkrEngine engine = new OkrEngine();

    @Test
    void progressIsTheWeightedMeanOfTheKeyResults() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("A", "O", "0", "10");
        c.numeric("B", "O", "0", "10").weight("3");
        c.checkIn("A", "2026-10-10", "5");  // 0.5
        c.checkIn("B", "2026-10-10", "10"); // 1.0
        ObjectiveResult o = engine.report(c.snapshot(), AS_OF).objective("O").orElseThrow();
        assertEquals((1 * 0.5 + 3 * 1.0) / 4, o.progress(), EPS); // 0.875
        assertTrue(o.measurable());
    }

    @Test
    void alignedObjectivesContributeWithTheirOwnWeight() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("TOP", "Acme");
        c.numeric("T1", "TOP", "0", "10");
        c.checkIn("T1", "2026-10-10", "2");                       // 0.2
        c.objective("SALES", "Acme/Sales").alignedTo("TOP").weight("2");
        c.numeric("S1", "SALES", "0", "4");
        c.checkIn("S1", "2026-10-10", "3");                       // 0.75
        c.objective("SAME_UNIT", "Acme").alignedTo("TOP");        // a child in the same unit
        c.numeric("U1", "SAME_UNIT", "0", "10");
        c.checkIn("U1", "2026-10-10", "1");                       // 0.1
        CycleReport r = engine.report(c.snapshot(), AS_OF);

        assertEquals(0.75, r.objective("SALES").orElseThrow().progress(), EPS);
        assertEquals((0.2 + 2 * 0.75 + 0.1) / 4, r.objective("TOP").orElseThrow().progress(), EPS); // 0.45
    }

    @Test
    void grandchildrenReachTheTopThroughTheirParents() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("L0", "Acme");
        c.objective("L1", "Acme/Eng").alignedTo("L0");
        c.objective("L2", "Acme/Eng/Platform").alignedTo("L1");
        c.numeric("K", "L2", "0", "10");
        c.checkIn("K", "2026-10-10", "6");
        CycleReport r = engine.report(c.snapshot(), AS_OF);
        assertEquals(0.6, r.objective("L0").orElseThrow().progress(), EPS);
        assertEquals("L1", r.objective("L2").orElseThrow().parentKey());
    }

    @Test
    void zeroWeightContributorsAreShownButNotCounted() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("A", "O", "0", "10");
        c.numeric("ZERO", "O", "0", "10").weight("0");
        c.checkIn("A", "2026-10-10", "4");
        c.checkIn("ZERO", "2026-10-10", "10");
        ObjectiveResult o = engine.report(c.snapshot(), AS_OF).objective("O").orElseThrow();
        assertEquals(0.4, o.progress(), EPS);
        Contributor zero = o.contributors().get(1);
        assertEquals("ZERO", zero.key());
        assertFalse(zero.counted());
        assertEquals(0.0, zero.share());
        assertEquals(1.0, zero.progress());
    }

    @Test
    void sharesExplainTheProgressAndAddUpToIt() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("A", "O", "0", "10").weight("1");
        c.numeric("B", "O", "0", "10").weight("2");
        c.objective("CHILD", "Acme/Ops").alignedTo("O").weight("1");
        c.numeric("C", "CHILD", "0", "10");
        c.checkIn("A", "2026-10-10", "10");
        c.checkIn("B", "2026-10-10", "5");
        c.checkIn("C", "2026-10-10", "2");
        ObjectiveResult o = engine.report(c.snapshot(), AS_OF).objective("O").orElseThrow();
        // (1*1 + 2*0.5 + 1*0.2) / 4 = 0.55
        assertEquals(0.55, o.progress(), EPS);
        List<Contributor> parts = o.contributors();
        assertEquals(List.of("A", "B", "CHILD"), parts.stream().map(Contributor::key).toList());
        assertEquals(ContributorKind.KEY_RESULT, parts.get(0).kind());
        assertEquals(ContributorKind.OBJECTIVE, parts.get(2).kind());
        assertEquals(0.25, parts.get(0).share(), EPS);
        assertEquals(0.25, parts.get(1).share(), EPS);
        assertEquals(0.05, parts.get(2).share(), EPS);
        assertEquals(o.progress(), parts.stream().mapToDouble(Contributor::share).sum(), EPS);
    }

    @Test
    void objectiveWithoutContributorsHasProgressZeroAndIsUnmeasurable() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("EMPTY", "Acme");
        ObjectiveResult o = engine.report(c.snapshot(), AS_OF).objective("EMPTY").orElseThrow();
        assertEquals(0.0, o.progress());
        assertFalse(o.measurable());
        assertTrue(o.contributors().isEmpty());
    }

    @Test
    void objectiveWhoseContributorsAllWeighZeroIsUnmeasurable() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("A", "O", "0", "10").weight("0");
        c.objective("CHILD", "Acme").alignedTo("O").weight("0");
        c.checkIn("A", "2026-10-10", "10");
        ObjectiveResult o = engine.report(c.snapshot(), AS_OF).objective("O").orElseThrow();
        assertEquals(0.0, o.progress());
        assertFalse(o.measurable());
        assertEquals(2, o.contributors().size());
    }

    @Test
    void unmeasurableChildCountsAsZeroInItsParent() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("O", "Acme");
        c.numeric("A", "O", "0", "10");
        c.checkIn("A", "2026-10-10", "8");
        c.objective("EMPTY", "Acme/Ops").alignedTo("O");
        assertEquals(0.4, engine.report(c.snapshot(), AS_OF).objective("O").orElseThrow().progress(), EPS);
    }

    @Test
    void deepCascadeIsComputedWithoutRunningOutOfStack() {
        Company c = Company.q4(CycleState.ACTIVE);
        int depth = 20_000;
        c.objective("O0", "Acme");
        for (int i = 1; i < depth; i++) {
            c.objective("O" + i, "Acme").alignedTo("O" + (i - 1));
        }
        c.numeric("K", "O" + (depth - 1), "0", "4");
        c.checkIn("K", "2026-10-10", "1");
        CycleReport r = engine.report(c.snapshot(), AS_OF);
        assertEquals(0.25, r.objective("O0").orElseThrow().progress(), EPS);
        assertEquals(0.25, r.unit("Acme").orElseThrow().progress(), EPS); // only O0 is top-level in Acme
    }

    @Test
    void loopInTheCascadeIsNamedByTheCoachNotFollowed() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("A", "Acme");
        c.objective("B", "Acme");
        CycleSnapshot ok = c.snapshot();
        List<ObjectiveRow> looped = new ArrayList<>();
        for (ObjectiveRow o : ok.objectives()) {
            long other = o.key().equals("A") ? c.objectiveId("B") : c.objectiveId("A");
            looped.add(new ObjectiveRow(o.id(), o.key(), o.title(), o.unitId(), other, o.owner(), o.weight(), null, null));
        }
        CycleSnapshot broken = new CycleSnapshot(ok.cycle(), ok.units(), looped, ok.keyResults(), ok.checkIns(),
                ok.kpis(), ok.measurements());
        CycleReport r = engine.report(broken, AS_OF);
        for (String key : List.of("A", "B")) {
            assertEquals(null, r.objective(key).orElseThrow().parentKey(), "the loop's alignment does not count: " + key);
            assertTrue(r.findings().stream().anyMatch(f -> f.code() == FindingCode.ALIGNMENT_LOOP && f.subject().equals(key)),
                    key);
        }
    }

    @Test
    void objectiveAlignedToItselfIsALoop() {
        Company c = Company.q4(CycleState.ACTIVE);
        c.objective("A", "Acme");
        CycleSnapshot ok = c.snapshot();
        ObjectiveRow a = ok.objectives().get(0);
        CycleSnapshot broken = new CycleSnapshot(ok.cycle(), ok.units(),
                List.of(new ObjectiveRow(a.id(), a.key(), a.title(), a.unitId(), a.id(), null, null, null, null)),
                List.of(), List.of(), List.of(), List.of());
        CycleReport r = engine.report(broken, AS_OF);
        assertTrue(r.findings().stream().anyMatch(f -> f.code() == FindingCode.ALIGNMENT_LOOP && f.subject().equals("A")),
                r.findings().toString());
        assertEquals(0, r.objective("A").orElseThrow().progress(), 1e-9, "no contributor: it measures nothing");
    }
}
