package com.keystone.okr.reporting.crosscheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.LiveCycle;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The live model's promise: after any sequence of writes, every figure it shows (as of its live
 * date and as of past and future dates, which it keeps until a write touches them) equals a
 * computation from scratch of the same rows. Thousands of random writes over random companies,
 * compared after each batch on every unit, objective, key result, KPI and finding.
 * Reproducible: a failure names its seed; {@code -Dokr.seed=N} runs that company alone.
 */
class LiveCycleEqualsFullTest {

    private static final long BASE_SEED = 20_261_205L;
    private static final int COMPANIES = 60;
    private static final int BATCHES = 40;

    private final OkrEngine engine = new OkrEngine();

    @Test
    void incrementalUpdatesEqualAFullRecomputeAfterEveryBatchOfRandomWrites() {
        String only = System.getProperty("okr.seed");
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < (only == null ? COMPANIES : 1); i++) {
            seeds.add(only == null ? BASE_SEED + i : Long.parseLong(only));
        }
        Map<String, Integer> seen = new TreeMap<>();
        int writes = 0;
        for (long seed : seeds) {
            writes += runCompany(seed, seen);
        }
        if (only == null) {
            assertTrue(writes >= 5_000, "thousands of writes, not " + writes);
            for (String kind : List.of("check-in", "back-dated check-in", "measurement", "measurement replacing another",
                    "key result weight", "key result target", "key result KPI link", "objective weight", "alignment",
                    "new objective", "KPI thresholds", "KPI kind", "KPI children", "new roll-up KPI", "new unit",
                    "cycle close")) {
                assertTrue(seen.getOrDefault(kind, 0) > 0, "the writes never made a " + kind + ": " + seen);
            }
        }
    }

    private int runCompany(long seed, Map<String, Integer> seen) {
        CycleSnapshot start = RandomCompany.generate(seed);
        RandomWrites writes = new RandomWrites(start, seed);
        Random random = new Random(seed * 31);
        CycleInfo cycle = start.cycle();
        LocalDate liveDate = cycle.startDate().plusDays(random.nextInt((int) cycle.totalDays()));
        List<LocalDate> otherDates = List.of(cycle.startDate().minusDays(1), liveDate.minusDays(3),
                cycle.startDate().plusDays(random.nextInt((int) cycle.totalDays())), cycle.endDate().plusDays(2));
        LiveCycle live = LiveCycle.of(start, liveDate, 0);
        int count = 0;
        for (int batch = 1; batch <= BATCHES; batch++) {
            CycleChanges changes;
            if (batch == BATCHES && random.nextInt(3) == 0) {
                changes = writes.close();
            } else {
                int size = 1 + random.nextInt(batch % 10 == 0 ? 40 : 6);
                changes = writes.batch(size);
                count += size;
            }
            live.apply(changes, batch);
            assertEquals(batch, live.version());
            CycleSnapshot truth = writes.snapshot();
            compare(seed, batch, engine.report(truth, liveDate), live.report(liveDate));
            LocalDate other = otherDates.get(random.nextInt(otherDates.size()));
            compare(seed, batch, engine.report(truth, other), live.report(other));
            if (batch % 13 == 0) {
                LocalDate next = liveDate.plusDays(1); // a new day begins
                live.moveTo(next);
                liveDate = next;
                compare(seed, batch, engine.report(truth, liveDate), live.report(liveDate));
            }
        }
        writes.seen.forEach((k, v) -> seen.merge(k, v, Integer::sum));
        return count;
    }

    private static void compare(long seed, int batch, CycleReport expected, CycleReport actual) {
        String where = "company of seed " + seed + " (rerun with -Dokr.seed=" + seed + "), after batch " + batch
                + " as of " + expected.asOf() + ": ";
        same(where + "units", expected.units(), actual.units());
        same(where + "objectives", expected.objectives(), actual.objectives());
        same(where + "key results", expected.keyResults(), actual.keyResults());
        same(where + "KPIs", expected.kpis(), actual.kpis());
        same(where + "findings", expected.findings(), actual.findings());
        assertEquals(expected.state(), actual.state(), where + "state");
        assertEquals(expected.expected(), actual.expected(), where + "expected progress");
        for (var u : expected.units()) {
            same(where + "objectives of " + u.path(), expected.objectivesOf(u.path()), actual.objectivesOf(u.path()));
            same(where + "findings of " + u.path(), expected.findingsOf(u.path()), actual.findingsOf(u.path()));
        }
        for (var o : expected.objectives()) {
            same(where + "aligned to " + o.key(), expected.alignedTo(o.key()), actual.alignedTo(o.key()));
            same(where + "key results of " + o.key(), expected.keyResultsOf(o.key()), actual.keyResultsOf(o.key()));
        }
    }

    private static <T> void same(String what, List<T> expected, List<T> actual) {
        if (expected.equals(actual)) {
            return;
        }
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!Objects.equals(expected.get(i), actual.get(i))) {
                fail(what + " differ at " + i + ":\n  full:        " + expected.get(i) + "\n  incremental: " + actual.get(i));
            }
        }
        fail(what + ": " + expected.size() + " in full, " + actual.size() + " incrementally");
    }
}
