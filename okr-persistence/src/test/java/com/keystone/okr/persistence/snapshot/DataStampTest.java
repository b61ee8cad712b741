package com.keystone.okr.persistence.snapshot;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The data stamp that lets a report be served again: it stays the same while nothing changes,
 * and every kind of change a report depends on gives a stamp never seen before.
 */
class DataStampTest {

    private static final LocalDate OCT_5 = LocalDate.of(2026, 10, 5);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void everyChangeAReportDependsOnChangesTheStampAndNothingElseDoes(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                Cycle q4 = new CycleRepository(em).ensureQuarter("2026-Q4");
                OrgUnit sales = new OrgUnitRepository(em).ensurePath("Acme/Sales");
                Objective o = new ObjectiveRepository(em).add(new Objective(q4, "O-1", "grow", sales));
                new KeyResultRepository(em).add(numericKr(o, "KR-1"));
                new KpiRepository(em).add(measuredKpi("LEADS", sales));
                new KpiRepository(em).add(measuredKpi("CALLS", sales));
                new KpiRepository(em).add(measuredKpi("TOTAL", sales.getParent()));
            });
            List<String> seen = new ArrayList<>();
            seen.add(stamp(db));
            assertEquals(seen.get(0), stamp(db), "nothing changed, same stamp");

            List<Consumer<EntityManager>> changes = List.of(
                    em -> new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n("3"), 7, null, "bob", T0)),
                    em -> new CheckInRepository(em).add(kr(em).checkIn(OCT_5, n("3"), 7, null, "bob", T0.plusSeconds(60))),
                    em -> new MeasurementRepository(em).record(kpi(em, "LEADS"), OCT_5, n("10"), T0, "bob"),
                    em -> new MeasurementRepository(em).record(kpi(em, "LEADS"), OCT_5, n("12"), T0, "bob"),
                    em -> objective(em).retitle("grow faster"),
                    em -> kr(em).reweigh(n("2")),
                    em -> kpi(em, "TOTAL").rollUpFrom(UnitAggregation.SUM, List.of(kpi(em, "CALLS"))),
                    em -> new OrgUnitRepository(em).findByPath("Acme/Sales").orElseThrow().rename("Revenue"),
                    em -> new CycleRepository(em).findByName("2026-Q4").orElseThrow().activate());
            for (Consumer<EntityManager> change : changes) {
                db.run(change);
                String now = stamp(db);
                assertEquals(false, seen.contains(now), "change " + seen.size() + " gives a new stamp: " + now + " " + seen);
                seen.add(now);
                assertEquals(now, stamp(db));
            }
            assertNotEquals(seen.get(0), seen.get(seen.size() - 1));
        }
    }

    private static String stamp(TestDatabase db) {
        return db.inTransaction(em -> new DataStamp(em).current());
    }

    private static Objective objective(EntityManager em) {
        return new ObjectiveRepository(em).findByKey(new CycleRepository(em).findByName("2026-Q4").orElseThrow(), "O-1")
                .orElseThrow();
    }

    private static KeyResult kr(EntityManager em) {
        return new KeyResultRepository(em).findByKey(new CycleRepository(em).findByName("2026-Q4").orElseThrow(), "KR-1")
                .orElseThrow();
    }

    private static Kpi kpi(EntityManager em, String key) {
        return new KpiRepository(em).findByKey(key).orElseThrow();
    }
}
