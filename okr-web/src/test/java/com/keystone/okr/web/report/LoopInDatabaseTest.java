package com.keystone.okr.web.report;

import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.numericKr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.quality.FindingCode;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Loops written into the database behind Keystone's back (SQL, a restore of a damaged copy):
 * the cycle still loads into its live model and reports, with the loops named by the coach.
 */
class LoopInDatabaseTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCycleWithLoopsWrittenBySqlStillReportsAndNamesThem(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
                q4.activate();
                OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
                for (String key : new String[] {"O-1", "O-2"}) {
                    Objective o = new ObjectiveRepository(em).add(new Objective(q4, key, key, sales));
                    new KeyResultRepository(em).add(numericKr(o, key + "-KR"));
                }
                new KpiRepository(em).add(measuredKpi("A", sales));
                new KpiRepository(em).add(measuredKpi("B", sales));
            });
            db.run(em -> {
                em.createNativeQuery("update objective set parent_id = (select id from objective where objective_key = 'O-2') "
                        + "where objective_key = 'O-1'").executeUpdate();
                em.createNativeQuery("update objective set parent_id = (select id from objective where objective_key = 'O-1') "
                        + "where objective_key = 'O-2'").executeUpdate();
                // A = B / B and B = A / A
                em.createNativeQuery("update kpi set numerator_id = (select id from kpi where kpi_key = 'B'), "
                        + "denominator_id = (select id from kpi where kpi_key = 'B') where kpi_key = 'A'").executeUpdate();
                em.createNativeQuery("update kpi set numerator_id = (select id from kpi where kpi_key = 'A'), "
                        + "denominator_id = (select id from kpi where kpi_key = 'A') where kpi_key = 'B'").executeUpdate();
            });
            CycleReport r = db.inTransaction(em -> new LiveCycleFeed(new ChangeJournal(em), new CycleSnapshotLoader(em))
                    .load(new CycleRepository(em).findByName("2026-Q4").orElseThrow(), DAY).report(DAY));
            assertNull(r.objective("O-1").orElseThrow().parentKey());
            assertEquals(2, r.findings().stream().filter(f -> f.code() == FindingCode.ALIGNMENT_LOOP).count(),
                    r.findings().toString());
            assertEquals(2, r.findings().stream().filter(f -> f.code() == FindingCode.KPI_LOOP).count(),
                    r.findings().toString());
            assertNull(r.kpi("A").orElseThrow().value());
        }
    }
}
