package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.OkrImportTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Files of tens of thousands of rows are read with a handful of set-based queries, not one per
 * row: the statements counted here stay far below the number of rows.
 */
class CsvImportScaleTest {

    private static final int KPIS = 200;
    private static final int DAYS = 100;
    private static final int OBJECTIVES = 2_000;
    private static final int KRS_PER_OBJECTIVE = 5;

    private final ImportFixture fx = ImportFixture.h2();

    @AfterEach
    void close() {
        fx.close();
    }

    /** Runs an import and checks how many queries it ran (Hibernate counts the JPQL ones; lazy loads would add statements). */
    private ImportResult measured(String what, int maxQueries, Supplier<ImportResult> importing) {
        Statistics stats = fx.statistics();
        stats.clear();
        long start = System.nanoTime();
        ImportResult result = importing.get();
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s: %s in %d ms, %d queries, %d statements%n", what, result, ms, stats.getQueryExecutionCount(),
                stats.getPrepareStatementCount());
        assertTrue(stats.getQueryExecutionCount() <= maxQueries, what + ": " + stats.getQueryExecutionCount() + " queries");
        return result;
    }

    @Test
    void twentyThousandMeasurementsTakeAHandfulOfQueries() {
        StringBuilder kpis = new StringBuilder(KpiImportTest.HEADER).append('\n');
        for (int k = 0; k < KPIS; k++) {
            kpis.append("K").append(k).append(",Acme/Team ").append(k % 20).append(",KPI ").append(k)
                    .append(",HIGHER_IS_BETTER,LEADING,100,50,SUM,,,,,,\n");
        }
        assertEquals(new ImportResult(KPIS, 0, 0), measured("kpis", 5, () -> fx.importing(ImportKind.KPIS, kpis.toString())));

        StringBuilder values = new StringBuilder("kpi_key,date,value\n");
        StringBuilder changed = new StringBuilder("kpi_key,date,value\n");
        LocalDate day = LocalDate.of(2026, 7, 1);
        for (int d = 0; d < DAYS; d++) {
            for (int k = 0; k < KPIS; k++) {
                values.append("K").append(k).append(',').append(day.plusDays(d)).append(',').append(d + k).append('\n');
                changed.append("K").append(k).append(',').append(day.plusDays(d)).append(',').append(d + k + 0.5).append('\n');
            }
        }
        int rows = KPIS * DAYS;
        assertEquals(new ImportResult(rows, 0, 0), measured("measurements", 5, () -> fx.importing(ImportKind.MEASUREMENTS, values.toString())));
        assertEquals(new ImportResult(0, 0, rows), measured("same measurements", 5, () -> fx.importing(ImportKind.MEASUREMENTS, values.toString())));
        assertEquals(new ImportResult(0, rows, 0), measured("changed measurements", 5, () -> fx.importing(ImportKind.MEASUREMENTS, changed.toString())));
        assertEquals(rows, fx.count("AuditEntry"));
    }

    @Test
    void tenThousandKeyResultsAndTwentyThousandCheckInsTakeAHandfulOfQueries() {
        StringBuilder okrs = new StringBuilder(OkrImportTest.HEADER).append('\n');
        for (int o = 0; o < OBJECTIVES; o++) {
            String parent = o < 10 ? "" : "O" + (o % 10);
            String unit = o < 10 ? "Acme" : "Acme/Team " + (o % 10);
            for (int k = 0; k < KRS_PER_OBJECTIVE; k++) {
                okrs.append(row("2026-Q4", unit, "O" + o, "Objective " + o, parent, "", "", "KR" + o + "-" + k, "Key result",
                        "NUMERIC", "0", "100")).append('\n');
            }
        }
        int objectivesAndKrs = OBJECTIVES * (1 + KRS_PER_OBJECTIVE);
        assertEquals(new ImportResult(objectivesAndKrs, 0, 0), measured("okrs", 10, () -> fx.importing(ImportKind.OKRS, okrs.toString())));
        assertEquals(new ImportResult(0, objectivesAndKrs, 0), measured("same okrs", 10, () -> fx.importing(ImportKind.OKRS, okrs.toString())));

        StringBuilder checkIns = new StringBuilder("cycle,kr_key,date,value,confidence,comment\n");
        for (int o = 0; o < OBJECTIVES; o++) {
            for (int k = 0; k < KRS_PER_OBJECTIVE; k++) {
                checkIns.append("2026-Q4,KR").append(o).append('-').append(k).append(",2026-10-05,").append(k).append(",7,\n");
                checkIns.append("2026-Q4,KR").append(o).append('-').append(k).append(",2026-10-12,").append(k + 1).append(",,fine\n");
            }
        }
        int rows = OBJECTIVES * KRS_PER_OBJECTIVE * 2;
        // cycles, key results, and the stored check-ins of every thousand key results
        int maxQueries = 2 + OBJECTIVES * KRS_PER_OBJECTIVE / Preload.CHUNK;
        assertEquals(new ImportResult(rows, 0, 0), measured("check-ins", maxQueries, () -> fx.importing(ImportKind.CHECKINS, checkIns.toString())));
        assertEquals(new ImportResult(0, 0, rows), measured("same check-ins", maxQueries, () -> fx.importing(ImportKind.CHECKINS, checkIns.toString())));
    }
}
