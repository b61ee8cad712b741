package com.keystone.okr.bench;

import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.SnapshotIndex;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the engine takes to compute a whole cycle (every unit, objective, key result, KPI
 * and finding) for a company of a given size, from an already loaded snapshot. How to run it:
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class EngineBenchmark {

    /** Units; each has 3 objectives × 4 key results × 8 check-ins and one KPI. */
    @Param({"100", "1000", "4000"})
    int units;

    private final OkrEngine engine = new OkrEngine();
    private CycleSnapshot snapshot;
    private SnapshotIndex index;
    private final LocalDate asOf = LocalDate.of(2026, 11, 20);

    @Setup
    public void setUp() {
        snapshot = Companies.generate(units, 42);
        index = snapshot.index();
    }

    @Benchmark
    public CycleReport reportFromSnapshot() {
        return engine.report(snapshot, asOf);
    }

    @Benchmark
    public CycleReport reportFromIndex() {
        return engine.report(index, asOf);
    }
}
