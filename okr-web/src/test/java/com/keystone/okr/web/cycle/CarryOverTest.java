package com.keystone.okr.web.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.InvalidInputException;
import com.keystone.okr.domain.audit.AuditAction;
import com.keystone.okr.domain.audit.AuditSubject;
import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.kpi.Direction;
import com.keystone.okr.domain.kpi.Kpi;
import com.keystone.okr.domain.kpi.KpiKind;
import com.keystone.okr.domain.kpi.TimeAggregation;
import com.keystone.okr.domain.objective.KeyResult;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.objective.Objective;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.persistence.TestDatabase.Kind;
import com.keystone.okr.persistence.cycle.CycleRepository;
import com.keystone.okr.persistence.journal.ChangeJournal;
import com.keystone.okr.persistence.journal.ChangeKind;
import com.keystone.okr.persistence.objective.KeyResultRepository;
import com.keystone.okr.persistence.objective.ObjectiveRepository;
import com.keystone.okr.persistence.snapshot.CycleSnapshotLoader;
import com.keystone.okr.persistence.unit.OrgUnitRepository;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.web.cycle.CarryOverReport.Item;
import com.keystone.okr.web.cycle.CarryOverReport.Reason;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Carry-over on a real database (H2 and PostgreSQL), with the figures of the engine: what is
 * carried, what is skipped and why, the starts, the alignments, the audit and the journal.
 */
class CarryOverTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 31);
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    /** An audit entry as the carry-over asked for it. */
    private record Entry(AuditSubject subject, String key, AuditAction action, String before, String after) {
    }

    private final List<Entry> audit = new ArrayList<>();

    /**
     * Acme with Sales (and its team Inbound) and Marketing, cycle 2026-Q4:
     * CO-1 (Acme, unfinished) ← SA-1 (Sales: CO-1's child; KRs SA-1-A at 40 of 0→100, SA-1-B reached,
     * SA-1-K linked to the KPI LEADS at 30 of 10→50) ← IN-1 (Inbound, no check-in: start stays);
     * SA-2 (Sales, finished: its KR reached 10 of 0→10); MK-1 (Marketing). SA-1's owner is deactivated.
     */
    private static void company(EntityManager em) {
        OrgUnitRepository units = new OrgUnitRepository(em);
        OrgUnit acme = units.ensurePath("Acme");
        OrgUnit sales = units.ensurePath("Acme/Sales");
        OrgUnit inbound = units.ensurePath("Acme/Sales/Inbound");
        OrgUnit marketing = units.ensurePath("Acme/Marketing");
        Person bob = new Person("bob", "Bob");
        em.persist(bob);
        Person gone = new Person("gone", "Gone");
        gone.deactivate();
        em.persist(gone);
        Cycle q4 = new CycleRepository(em).add(Cycle.quarter("2026-Q4"));
        q4.activate();
        Kpi leads = new Kpi("LEADS", "Leads", sales, Direction.HIGHER_IS_BETTER, KpiKind.LEADING, new BigDecimal("50"),
                new BigDecimal("20"), TimeAggregation.SUM);
        em.persist(leads);
        em.persist(leads.measure(LocalDate.of(2026, 10, 5), new BigDecimal("12"), AT, "bob"));
        em.persist(leads.measure(LocalDate.of(2026, 11, 5), new BigDecimal("18"), AT, "bob"));

        Objective co1 = objective(em, q4, "CO-1", acme, bob, null);
        kr(em, co1, "CO-1-A", "0", "10", "3");
        Objective sa1 = objective(em, q4, "SA-1", sales, gone, co1);
        sa1.reweigh(new BigDecimal("2.5"));
        KeyResult a = kr(em, sa1, "SA-1-A", "0", "100", "40");
        a.reweigh(new BigDecimal("3"));
        a.assignOwner(bob);
        kr(em, sa1, "SA-1-B", "5", "15", "15");
        KeyResult k = new KeyResult(sa1, "SA-1-K", "Leads in", KeyResultType.NUMERIC, new BigDecimal("10"),
                new BigDecimal("50"));
        k.linkKpi(leads);
        em.persist(k);
        Objective in1 = objective(em, q4, "IN-1", inbound, bob, sa1);
        kr(em, in1, "IN-1-A", "7", "9", null);
        Objective sa2 = objective(em, q4, "SA-2", sales, bob, null);
        kr(em, sa2, "SA-2-A", "0", "10", "10");
        Objective mk1 = objective(em, q4, "MK-1", marketing, bob, null);
        kr(em, mk1, "MK-1-A", "0", "10", "1");
    }

    private static Objective objective(EntityManager em, Cycle c, String key, OrgUnit unit, Person owner, Objective parent) {
        Objective o = new Objective(c, key, "Title of " + key, unit);
        o.describe("Why " + key);
        o.assignOwner(owner);
        o.alignTo(parent);
        return new ObjectiveRepository(em).add(o);
    }

    private static KeyResult kr(EntityManager em, Objective o, String key, String start, String target, String value) {
        KeyResult kr = new KeyResult(o, key, "Title of " + key, KeyResultType.NUMERIC, new BigDecimal(start),
                new BigDecimal(target));
        em.persist(kr);
        if (value != null) {
            em.persist(kr.checkIn(LocalDate.of(2026, 11, 1), new BigDecimal("1"), null, null, "bob", AT));
            em.persist(kr.checkIn(LocalDate.of(2026, 11, 10), new BigDecimal(value), 7, "latest", "bob", AT));
        }
        return kr;
    }

    private CarryOverReport carry(TestDatabase db, String to, String unit, boolean unfinishedOnly) {
        return db.inTransaction(em -> {
            Cycle q4 = new CycleRepository(em).findByName("2026-Q4").orElseThrow();
            CycleReport report = new OkrEngine().report(new CycleSnapshotLoader(em).load(q4), AS_OF);
            CarryOver carry = new CarryOver(em, (s, k, a, b, af) -> audit.add(new Entry(s, k, a, b, af)));
            OrgUnit scope = new OrgUnitRepository(em).findByPath(unit).orElseThrow();
            return carry.carry(q4, report, carry.target(q4, to), scope, unfinishedOnly);
        });
    }

    private static Set<String> keys(List<Item> items, Reason reason) {
        return items.stream().filter(i -> i.reason() == reason).map(Item::key).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aUnitsUnfinishedObjectivesGoIntoTheNewQuarterWithTheLastValuesAsStartsAndTheirAlignmentsKept(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(CarryOverTest::company);
            long before = db.inTransaction(em -> new ChangeJournal(em).version());

            CarryOverReport r = carry(db, "2027-Q1", "Acme/Sales", true);

            assertTrue(r.cycleCreated());
            assertEquals(List.of("SA-1", "IN-1"), r.carried().stream().map(CarryOverReport.CarriedObjective::key).toList(),
                    "Sales' unfinished objective and its team's, not the company's nor Marketing's");
            assertEquals(Set.of("SA-2", "SA-1-B"), keys(r.skipped(), Reason.FINISHED),
                    "the finished objective and the reached key result stay behind");
            assertEquals(Set.of("SA-1"), keys(r.notes(), Reason.ALIGNMENT_DROPPED), "CO-1 was not carried");
            assertEquals(Set.of("SA-1"), keys(r.notes(), Reason.OWNER_INACTIVE));
            assertEquals(3, r.keyResultsCarried());
            db.run(em -> {
                Cycle q1 = new CycleRepository(em).findByName("2027-Q1").orElseThrow();
                assertEquals(CycleState.PLANNING, q1.getState());
                assertEquals(LocalDate.of(2027, 1, 1), q1.getStartDate());
                assertEquals(LocalDate.of(2027, 3, 31), q1.getEndDate());
                Map<String, Objective> objectives = new ObjectiveRepository(em).ofCycle(q1).stream()
                        .collect(Collectors.toMap(Objective::getKey, o -> o));
                assertEquals(Set.of("SA-1", "IN-1"), objectives.keySet());
                Objective sa1 = objectives.get("SA-1");
                assertNull(sa1.getParent(), "its parent stayed behind");
                assertNull(sa1.getOwner(), "a deactivated owner is not named again");
                assertEquals(0, new BigDecimal("2.5").compareTo(sa1.getWeight()));
                assertEquals("Title of SA-1", sa1.getTitle());
                assertEquals("Why SA-1", sa1.getDescription());
                assertEquals("Acme/Sales", sa1.getUnit().getPath());
                assertEquals(sa1, objectives.get("IN-1").getParent(), "aligned to the copy of its parent");
                assertEquals("bob", objectives.get("IN-1").getOwner().getUsername());

                Map<String, KeyResult> krs = new KeyResultRepository(em).ofCycle(q1).stream()
                        .collect(Collectors.toMap(KeyResult::getKey, k -> k));
                assertEquals(Set.of("SA-1-A", "SA-1-K", "IN-1-A"), krs.keySet());
                KeyResult a = krs.get("SA-1-A");
                assertEquals(0, new BigDecimal("40").compareTo(a.getStartValue()), "the latest check-in's value");
                assertEquals(0, new BigDecimal("100").compareTo(a.getTargetValue()));
                assertEquals(0, new BigDecimal("3").compareTo(a.getWeight()));
                assertEquals("bob", a.getOwner().getUsername());
                KeyResult k = krs.get("SA-1-K");
                assertEquals("LEADS", k.getKpi().getKey(), "a KPI-linked key result stays linked");
                assertEquals(0, new BigDecimal("30").compareTo(k.getStartValue()), "the KPI's value for the cycle (12 + 18)");
                assertEquals(0, new BigDecimal("7").compareTo(krs.get("IN-1-A").getStartValue()), "no value: the start stays");
                assertEquals("SA-1", krs.get("SA-1-K").getObjective().getKey());
                Map<ChangeKind, Set<Long>> changed = new ChangeJournal(em).changes(before, new ChangeJournal(em).version());
                assertTrue(changed.get(ChangeKind.OBJECTIVE).contains(sa1.getId()), "the live models hear of the copies");
                assertTrue(changed.get(ChangeKind.KEY_RESULT).contains(a.getId()));
            });
            assertTrue(audit.contains(new Entry(AuditSubject.OBJECTIVE, "2027-Q1/IN-1", AuditAction.CARRIED_OVER,
                    "2026-Q4/IN-1", "Title of IN-1, aligned to SA-1")), audit::toString);
            assertTrue(audit.contains(new Entry(AuditSubject.KEY_RESULT, "2027-Q1/SA-1-A", AuditAction.CARRIED_OVER,
                    "2026-Q4/SA-1-A", "Title of SA-1-A (start 40)")), audit::toString);
            assertTrue(audit.stream().anyMatch(e -> e.action() == AuditAction.CYCLE_CREATED && e.key().equals("2027-Q1")));
            assertTrue(audit.stream().anyMatch(e -> e.subject() == AuditSubject.CYCLE && e.action() == AuditAction.CARRIED_OVER
                    && e.after().contains("2 objectives and 3 key results")), audit::toString);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void carryingTwiceCarriesNothingNewAndSaysWhy(Kind kind) {
        try (TestDatabase db = TestDatabase.fresh(kind)) {
            db.run(CarryOverTest::company);
            carry(db, "2027-Q1", "Acme/Sales", true);

            CarryOverReport again = carry(db, "2027-Q1", "Acme/Sales", true);

            assertFalse(again.cycleCreated());
            assertTrue(again.nothingCarried(), again.toString());
            assertEquals(Set.of("SA-1", "IN-1"), keys(again.skipped(), Reason.ALREADY_THERE));
            assertEquals(2L, (long) db.inTransaction(em -> em.createQuery("select count(o) from Objective o where o.cycle.name = "
                    + "'2027-Q1'", Long.class).getSingleResult()));
        }
    }

    @Test
    void theWholeCompanyWithFinishedOnesKeepsAReachedStartAndAlignsToAParentAlreadyThere() {
        try (TestDatabase db = TestDatabase.fresh(Kind.H2)) {
            db.run(CarryOverTest::company);
            // an admin carried the company's objective first, by itself: its own unit only would be Acme and below, so
            // make CO-1 exist in the target the way a person would, by hand
            db.run(em -> {
                Cycle q1 = new CycleRepository(em).add(Cycle.quarter("2027-Q1"));
                new ObjectiveRepository(em).add(new Objective(q1, "CO-1", "Made by hand", new OrgUnitRepository(em)
                        .findByPath("Acme").orElseThrow()));
            });

            CarryOverReport r = carry(db, "2027-Q1", "Acme/Sales", false);

            assertFalse(r.cycleCreated());
            assertEquals(List.of("SA-1", "SA-2", "IN-1"), r.carried().stream().map(CarryOverReport.CarriedObjective::key)
                    .toList(), "finished ones too");
            assertEquals(Set.of("SA-1"), keys(r.notes(), Reason.ALIGNED_TO_EXISTING));
            assertEquals(Set.of("SA-1-B", "SA-2-A"), keys(r.notes(), Reason.START_KEPT),
                    "a start at the target would turn the key result around");
            assertTrue(r.notes().stream().filter(i -> i.key().equals("SA-1-B")).findFirst().orElseThrow().text()
                    .render(Locale.forLanguageTag("pt-BR")).contains("mantém o valor inicial 5"));
            db.run(em -> {
                Cycle q1 = new CycleRepository(em).findByName("2027-Q1").orElseThrow();
                Objective sa1 = new ObjectiveRepository(em).findByKey(q1, "SA-1").orElseThrow();
                assertEquals("CO-1", sa1.getParent().getKey(), "aligned to the CO-1 already there");
                KeyResult b = new KeyResultRepository(em).findByKey(q1, "SA-1-B").orElseThrow();
                assertEquals(0, new BigDecimal("5").compareTo(b.getStartValue()));
            });
            assertTrue(audit.contains(new Entry(AuditSubject.OBJECTIVE, "2027-Q1/CO-1", AuditAction.CHILD_ALIGNED, null,
                    "SA-1 (Acme/Sales, weight 2.5)")), "the parent's history says who joined it: " + audit);
        }
    }

    @Test
    void aTargetThatIsNotALaterOpenCycleIsRefusedNamingToAndNothingIsStored() {
        try (TestDatabase db = TestDatabase.fresh(Kind.H2)) {
            db.run(CarryOverTest::company);
            db.run(em -> {
                new CycleRepository(em).add(Cycle.quarter("2026-Q3"));
                Cycle closed = new CycleRepository(em).add(Cycle.quarter("2027-Q2"));
                closed.activate();
                closed.close(AT);
            });
            for (String to : new String[] {null, " ", "2026-Q4", "2026-Q3", "2026-q3", "Next year", "2027-Q2"}) {
                InvalidInputException e = assertThrows(InvalidInputException.class, () -> carry(db, to, "Acme", true), to);
                assertEquals("to", e.getField(), to);
            }
            assertEquals(3L, (long) db.inTransaction(em -> em.createQuery("select count(c) from Cycle c", Long.class)
                    .getSingleResult()), "no cycle made");
            assertTrue(audit.isEmpty());
        }
    }
}
