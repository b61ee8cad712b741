package com.keystone.okr.bench;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.LiveCycle;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleChanges;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.KpiRow;
import com.keystone.okr.reporting.snapshot.MeasurementRow;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One write's cost in the live model against a whole recompute, at the sizes (S 50, M 500,
 * L 2,000, XL 8,000 units of the enterprise shape, see {@link Companies#enterprise}): a check-in
 * applied (its key result, objective, the cascade above it, the units, the findings, and the new
 * report sharing the rest), a measurement applied (its KPI, the KPIs computed from it, linked key
 * results), and the engine computing the whole cycle from an index already in memory.
 * Check-ins reuse a pool of ids (a same id replaces the row), so the model does not grow
 * during the measurement. How to run it: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx8g"})
public class LiveCycleBenchmark {

    @Param({"50", "500", "2000", "8000"})
    int units;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private final OkrEngine engine = new OkrEngine();
    private LiveCycle live;
    private SnapshotIndex index;
    private List<KeyResultRow> keyResults;
    private List<KpiRow> measured;
    private final Random random = new Random(7);
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        CycleSnapshot snapshot = Companies.enterprise(units, 42);
        System.out.printf("%n%d units: %,d objectives, %,d key results, %,d check-ins, %,d KPIs, %,d measurements%n", units,
                snapshot.objectives().size(), snapshot.keyResults().size(), snapshot.checkIns().size(), snapshot.kpis().size(),
                snapshot.measurements().size());
        live = LiveCycle.of(snapshot, TODAY, 0);
        index = snapshot.index();
        keyResults = snapshot.keyResults();
        measured = snapshot.kpis().stream().filter(k -> !k.isComputed()).toList();
    }

    @Benchmark
    public CycleReport oneCheckIn() {
        KeyResultRow kr = keyResults.get(random.nextInt(keyResults.size()));
        long id = 1_000_000_000L + (next++ % 10_000);
        CheckInRow c = new CheckInRow(id, kr.id(), TODAY.minusDays(random.nextInt(30)), BigDecimal.valueOf(random.nextInt(100)),
                5, Instant.parse("2026-11-20T10:00:00Z").plusSeconds(next));
        live.apply(new CycleChanges(null, null, null, null, List.of(c), null, null), next);
        return live.report(TODAY);
    }

    @Benchmark
    public CycleReport oneMeasurement() {
        KpiRow k = measured.get(random.nextInt(measured.size()));
        MeasurementRow m = new MeasurementRow(k.id(), TODAY.minusDays(random.nextInt(30)), BigDecimal.valueOf(random.nextInt(50)));
        live.apply(new CycleChanges(null, null, null, null, null, null, List.of(m)), ++next);
        return live.report(TODAY);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public CycleReport fullRecompute() {
        return engine.report(index, TODAY);
    }
}
