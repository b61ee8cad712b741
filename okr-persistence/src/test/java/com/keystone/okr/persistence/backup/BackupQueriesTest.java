package com.keystone.okr.persistence.backup;

import static com.keystone.okr.persistence.TestData.T0;
import static com.keystone.okr.persistence.TestData.measuredKpi;
import static com.keystone.okr.persistence.TestData.n;
import static com.keystone.okr.persistence.TestData.numericKr;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditEntry;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.UnitAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.GlobalRole;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.audit.AuditRepository;
import com.keystone.okr.persistence.backup.BackupQueries.AuditLine;
import com.keystone.okr.persistence.backup.BackupQueries.CheckInLine;
import com.keystone.okr.persistence.backup.BackupQueries.CycleLine;
import com.keystone.okr.persistence.backup.BackupQueries.GradeLine;
import com.keystone.okr.persistence.backup.BackupQueries.KpiLine;
import com.keystone.okr.persistence.backup.BackupQueries.MeasurementLine;
import com.keystone.okr.persistence.backup.BackupQueries.MembershipLine;
import com.keystone.okr.persistence.backup.BackupQueries.OkrLine;
import com.keystone.okr.persistence.backup.BackupQueries.PersonLine;
import com.keystone.okr.persistence.backup.BackupQueries.UnitLine;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.kpi.KpiRepository;
import com.keystone.okr.persistence.kpi.MeasurementRepository;
import com.keystone.okr.persistence.objective.CheckInRepository;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.person.PersonRepository;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The backup's reads on both databases: every table's rows with the keys instead of ids, in the
 * order a restore must keep, and all of them from one snapshot while others write.
 */
class BackupQueriesTest {

    private static final LocalDate OCT_5 = LocalDate.of(2026, 10, 5);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void readsEveryTableWithKeysInTheOrderARestoreKeeps(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> {
                OrgUnitRepository units = new OrgUnitRepository(em);
                OrgUnit sales = units.ensurePath("Acme/Sales");
                OrgUnit team = units.ensurePath("Acme/Sales/Inbound");
                units.ensurePath("Acme/Archive").archive();
                Person bob = new Person("bob", "Bob");
                bob.grant(GlobalRole.HR);
                bob.grant(GlobalRole.ADMIN);
                bob.assign(sales, UnitRole.LEAD);
                bob.changePasswordHash("secret-hash-never-exported");
                new PersonRepository(em).add(bob);
                Person ann = new Person("ann", "Ann");
                ann.changeEmail("ann@example.com");
                ann.deactivate();
                new PersonRepository(em).add(ann);

                KpiRepository kpis = new KpiRepository(em);
                Kpi leads = kpis.add(measuredKpi("LEADS", team));
                leads.assignOwner(bob);
                leads.describeUnitOfMeasure("leads");
                Kpi visits = kpis.add(measuredKpi("VISITS", team));
                Kpi total = kpis.add(measuredKpi("TOTAL", sales));
                total.rollUpFrom(UnitAggregation.SUM, List.of(visits, leads));
                Kpi rate = kpis.add(measuredKpi("RATE", sales));
                rate.ratioOf(leads, visits);
                new MeasurementRepository(em).record(leads, OCT_5, n("12.5"), T0, "bob");

                Cycle q3 = new CycleRepository(em).ensureQuarter("2026-Q3");
                Objective top = new ObjectiveRepository(em).add(new Objective(q3, "CO-1", "win", sales.getParent()));
                Objective child = new ObjectiveRepository(em).add(new Objective(q3, "SA-1", "sell", sales));
                child.alignTo(top);
                child.describe("more, faster");
                child.assignOwner(bob);
                child.reweigh(n("2"));
                KeyResult kr = new KeyResultRepository(em).add(numericKr(child, "SA-1-KR1"));
                new CheckInRepository(em).add(kr.checkIn(OCT_5, n("3"), 7, "first", "bob", T0));
                new CheckInRepository(em).add(kr.checkIn(OCT_5, n("4"), null, null, "ann", T0));
                KeyResult linked = new KeyResultRepository(em).add(numericKr(child, "SA-1-KR2"));
                linked.linkKpi(leads);
                child.freezeGrade(n("0.3"));
                child.overrideGrade(n("0.5"), "the market fell", "ceo", T0.plusSeconds(60));
                kr.freezeGrade(n("0.3"));
                top.freezeGrade(n("0.3"));
                q3.close(T0.plusSeconds(30));
                new AuditRepository(em).add(new AuditEntry(T0, "bob", AuditAction.CREATED, AuditSubject.OBJECTIVE,
                        "2026-Q3/CO-1", null, "win", null));
                new AuditRepository(em).add(new AuditEntry(T0, null, AuditAction.SIGN_IN_FAILED, AuditSubject.PERSON, "x",
                        "a,\"b\"\nc", null, "why"));
            });

            assertEquals(List.of(new UnitLine("Acme", false), new UnitLine("Acme/Archive", true),
                    new UnitLine("Acme/Sales", false), new UnitLine("Acme/Sales/Inbound", false)), read(db, BackupQueries::units));
            assertEquals(List.of(new PersonLine("ann", "Ann", "ann@example.com", false, List.of()),
                    new PersonLine("bob", "Bob", null, true, List.of(GlobalRole.ADMIN, GlobalRole.HR))),
                    read(db, BackupQueries::people));
            assertEquals(List.of(new MembershipLine("bob", "Acme/Sales", UnitRole.LEAD)), read(db, BackupQueries::memberships));
            List<CycleLine> cycles = read(db, BackupQueries::cycles);
            assertEquals(1, cycles.size());
            assertEquals(new CycleLine("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30), CycleState.CLOSED,
                    T0.plusSeconds(30)), cycles.get(0));

            List<KpiLine> kpis = read(db, BackupQueries::kpis);
            assertEquals(List.of("LEADS", "VISITS", "TOTAL", "RATE"), kpis.stream().map(KpiLine::key).toList(), "id order");
            assertEquals("bob", kpis.get(0).owner());
            assertEquals("leads", kpis.get(0).unitOfMeasure());
            assertEquals("Acme/Sales/Inbound", kpis.get(0).unitPath());
            assertEquals(List.of("LEADS", "VISITS"), kpis.get(2).children(), "children in id order");
            assertEquals(UnitAggregation.SUM, kpis.get(2).unitAggregation());
            assertEquals("LEADS", kpis.get(3).numeratorKey());
            assertEquals("VISITS", kpis.get(3).denominatorKey());
            assertEquals(0, n("10").compareTo(kpis.get(0).target()));

            List<MeasurementLine> measurements = read(db, BackupQueries::measurements);
            assertEquals(1, measurements.size());
            assertEquals("LEADS", measurements.get(0).kpiKey());
            assertEquals(0, n("12.5").compareTo(measurements.get(0).value()));
            assertEquals(T0, measurements.get(0).recordedAt());
            assertEquals("bob", measurements.get(0).recordedBy());

            List<OkrLine> okrs = read(db, BackupQueries::okrs);
            assertEquals(List.of("CO-1", "SA-1", "SA-1"), okrs.stream().map(OkrLine::objectiveKey).toList());
            assertNull(okrs.get(0).krKey(), "an objective without key results has one line");
            assertEquals(List.of("SA-1-KR1", "SA-1-KR2"), okrs.subList(1, 3).stream().map(OkrLine::krKey).toList());
            OkrLine sa = okrs.get(1);
            assertEquals("CO-1", sa.parentKey());
            assertEquals("more, faster", sa.description());
            assertEquals("bob", sa.objectiveOwner());
            assertEquals(0, n("2").compareTo(sa.objectiveWeight()));
            GradeLine g = sa.objectiveGrade();
            assertEquals(0, n("0.3").compareTo(g.computed()));
            assertEquals(0, n("0.5").compareTo(g.override()));
            assertEquals("the market fell", g.reason());
            assertEquals("ceo", g.by());
            assertEquals(T0.plusSeconds(60), g.at());
            assertEquals(0, n("0.3").compareTo(sa.krGrade().computed()));
            assertEquals("LEADS", okrs.get(2).kpiKey());
            assertNull(okrs.get(2).krGrade().computed());

            List<CheckInLine> checkIns = read(db, BackupQueries::checkIns);
            assertEquals(List.of("bob", "ann"), checkIns.stream().map(CheckInLine::author).toList(), "recording order");
            assertEquals(new CheckInLine("2026-Q3", "SA-1-KR1", OCT_5, checkIns.get(0).value(), 7, "first", "bob", T0),
                    checkIns.get(0));

            List<AuditLine> audit = read(db, BackupQueries::audit);
            assertEquals(List.of("CREATED", "SIGN_IN_FAILED"), audit.stream().map(AuditLine::action).toList());
            assertEquals("a,\"b\"\nc", audit.get(1).oldValue());

            Map<String, Long> rows = db.inTransaction(em -> new BackupQueries(em).companyRows());
            assertEquals(4, rows.get("OrgUnit"));
            assertEquals(2, rows.get("CheckIn"));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void allTablesAreReadAsOfOneMomentWhileOthersWrite(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(em -> new OrgUnitRepository(em).ensurePath("Acme/Sales"));
            EntityManager em = db.emf().createEntityManager();
            try {
                em.getTransaction().begin();
                BackupQueries queries = new BackupQueries(em);
                queries.beginSnapshot();
                assertEquals(2, lines(queries::units).size());
                db.run(other -> {
                    new OrgUnitRepository(other).ensurePath("Acme/Marketing");
                    new PersonRepository(other).add(new Person("zoe", "Zoe"));
                });
                assertEquals(2, lines(queries::units).size(), "a unit committed meanwhile is not in the backup");
                assertTrue(lines(queries::people).isEmpty(), "nor a person, in another table read later");
                queries.endSnapshot();
                em.getTransaction().commit();
            } finally {
                em.close();
            }
            assertEquals(3, read(db, BackupQueries::units).size(), "the next backup has it");
        }
    }

    private static <T> List<T> lines(Consumer<Consumer<T>> query) {
        List<T> out = new ArrayList<>();
        query.accept(out::add);
        return out;
    }

    private static <T> List<T> read(TestDatabase db, java.util.function.BiConsumer<BackupQueries, Consumer<T>> query) {
        return db.inTransaction((Function<EntityManager, List<T>>) em -> {
            List<T> out = new ArrayList<>();
            query.accept(new BackupQueries(em), out::add);
            return out;
        });
    }
}
