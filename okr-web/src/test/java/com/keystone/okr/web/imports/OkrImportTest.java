package com.keystone.okr.web.imports;

import static com.keystone.okr.web.imports.ImportFixture.csv;
import static com.keystone.okr.web.imports.ImportFixture.error;
import static com.keystone.okr.web.imports.ImportFixture.places;
import static com.keystone.okr.web.imports.Views.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.Cycle;
import com.keystone.okr.domain.objective.KeyResultType;
import com.keystone.okr.domain.person.Person;
import com.keystone.okr.domain.unit.OrgUnit;
import com.keystone.okr.web.imports.Views.KeyResultView;
import com.keystone.okr.web.imports.Views.ObjectiveView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OkrImportTest {

    static final String HEADER = "cycle,unit_path,objective_key,objective,parent_objective_key,objective_weight,objective_owner,"
            + "kr_key,key_result,kr_type,start,target,kr_weight,kr_owner,kpi_key";
    private static final int COLUMNS = HEADER.split(",").length;

    private final ImportFixture fx = ImportFixture.h2();

    @AfterEach
    void close() {
        fx.close();
    }

    /** A row of {@link #HEADER}: the values given, the remaining columns empty. */
    static String row(String... values) {
        List<String> all = new ArrayList<>(Arrays.asList(values));
        while (all.size() < COLUMNS) {
            all.add("");
        }
        return String.join(",", all);
    }

    static final String COMPANY_OKRS = csv(HEADER,
            row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "ceo", "KR-1", "Revenue 10M", "CURRENCY", "5000000", "10000000", "2", "alice"),
            row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "ceo", "KR-2", "Launch in the EU", "MILESTONE"),
            row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers", "CO-1", "0.5"),
            row("2026-Q4", "Acme/Sales/Inbound", "IN-1", "Answer every lead", "SA-1", "", "alice", "KR-3", "Leads answered", "PERCENT", "60", "95"));

    private ObjectiveView objective(String key) {
        return fx.read(em -> Views.objective(em, "2026-Q4", key));
    }

    private KeyResultView keyResult(String key) {
        return fx.read(em -> Views.keyResult(em, "2026-Q4", key));
    }

    @Test
    void importsObjectivesAndKeyResultsCreatingTheUnitsAndTheQuarter() {
        fx.users("ceo", "alice");

        assertEquals(new ImportResult(6, 0, 0), fx.importing(ImportKind.OKRS, COMPANY_OKRS), "3 objectives and 3 key results");

        assertEquals(new ObjectiveView("2026-Q4", "CO-1", "Grow revenue", "Acme", null, objective("CO-1").weight(), "ceo"),
                objective("CO-1"));
        assertTrue(same("1", objective("CO-1").weight()), "weight defaults to 1");
        ObjectiveView sales = objective("SA-1");
        assertEquals("Acme/Sales", sales.unitPath());
        assertEquals("CO-1", sales.parentKey());
        assertTrue(same("0.5", sales.weight()));
        assertNull(sales.owner());
        assertEquals("SA-1", objective("IN-1").parentKey());

        KeyResultView kr1 = keyResult("KR-1");
        assertEquals("CO-1", kr1.objectiveKey());
        assertEquals(KeyResultType.CURRENCY, kr1.type());
        assertTrue(same("5000000", kr1.start()) && same("10000000", kr1.target()) && same("2", kr1.weight()));
        assertEquals("alice", kr1.owner());
        KeyResultView kr2 = keyResult("KR-2");
        assertEquals(KeyResultType.MILESTONE, kr2.type());
        assertTrue(same("0", kr2.start()) && same("1", kr2.target()));

        assertEquals(List.of("Acme", "Acme/Sales", "Acme/Sales/Inbound"), fx.read(em -> em.createQuery(
                "select u.path from OrgUnit u order by u.depth", String.class).getResultList()));
        Cycle q4 = fx.read(em -> em.createQuery("select c from Cycle c", Cycle.class).getSingleResult());
        assertEquals("2026-Q4", q4.getName());
        assertEquals(LocalDate.of(2026, 10, 1), q4.getStartDate());
        assertEquals(LocalDate.of(2026, 12, 31), q4.getEndDate());
    }

    @Test
    void reimportingTheSameFileUpdatesEveryKeyAndAddsNothing() {
        fx.users("ceo", "alice");
        fx.importing(ImportKind.OKRS, COMPANY_OKRS);
        Map<String, Long> before = fx.counts();

        assertEquals(new ImportResult(0, 6, 0), fx.importing(ImportKind.OKRS, COMPANY_OKRS));

        assertEquals(before, fx.counts());
        assertEquals("CO-1", objective("SA-1").parentKey());
    }

    @Test
    void aReimportChangesWhatTheFileChanges() {
        fx.users("ceo", "alice");
        fx.importing(ImportKind.OKRS, COMPANY_OKRS);

        ImportResult result = fx.importing(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue fast", "", "3", "alice", "KR-1", "Revenue 12M", "CURRENCY", "5000000", "12000000", "", ""),
                row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers", "", "0.5", "", "KR-4", "Ten deals", "NUMERIC", "0", "10")));

        assertEquals(new ImportResult(1, 3, 0), result);
        ObjectiveView co1 = objective("CO-1");
        assertEquals("Grow revenue fast", co1.title());
        assertTrue(same("3", co1.weight()));
        assertEquals("alice", co1.owner());
        assertNull(objective("SA-1").parentKey(), "an empty parent_objective_key removes the alignment");
        KeyResultView kr1 = keyResult("KR-1");
        assertTrue(same("12000000", kr1.target()));
        assertTrue(same("1", kr1.weight()), "an empty weight is the default 1");
        assertNull(kr1.owner(), "an empty owner removes the owner");
        assertEquals("CO-1", keyResult("KR-2").objectiveKey(), "KR-2, not in the file, is left alone");
    }

    @Test
    void optionalColumnsMissingFromTheHeaderLeaveStoredValuesAlone() {
        fx.users("ceo", "alice");
        fx.importing(ImportKind.OKRS, COMPANY_OKRS);

        ImportResult result = fx.importing(ImportKind.OKRS, csv("cycle,unit_path,objective_key,objective,kr_key,key_result",
                "2026-Q4,Acme/Sales,SA-1,Win EU customers,,", "2026-Q4,Acme,CO-1,Grow revenue,KR-1,Revenue ten million"));

        assertEquals(new ImportResult(0, 3, 0), result);
        assertEquals("CO-1", objective("SA-1").parentKey());
        assertEquals("ceo", objective("CO-1").owner());
        KeyResultView kr1 = keyResult("KR-1");
        assertEquals("Revenue ten million", kr1.title());
        assertEquals(KeyResultType.CURRENCY, kr1.type());
        assertEquals("alice", kr1.owner());
        assertTrue(same("2", kr1.weight()));
    }

    @Test
    void aChildObjectiveMayComeBeforeItsParent() {
        String childFirst = csv(HEADER,
                row("2026-Q4", "Acme/Sales/Inbound", "IN-1", "Answer every lead", "SA-1"),
                row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers", "CO-1"),
                row("2026-Q4", "Acme", "CO-1", "Grow revenue"));

        assertEquals(new ImportResult(3, 0, 0), fx.importing(ImportKind.OKRS, childFirst));

        assertEquals("SA-1", objective("IN-1").parentKey());
        assertEquals("CO-1", objective("SA-1").parentKey());
    }

    @Test
    void aParentMayAlreadyBeStored() {
        fx.importing(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Acme", "CO-1", "Grow revenue")));

        assertEquals(new ImportResult(1, 0, 0),
                fx.importing(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers", "CO-1"))));

        assertEquals("CO-1", objective("SA-1").parentKey());
    }

    @Test
    void anAlignmentLoopInTheFileIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "A", "Objective A", "B"),
                row("2026-Q4", "Acme", "B", "Objective B", "A")));

        assertEquals(List.of(error(3, "parent_objective_key")), places(errors));
        assertTrue(errors.get(0).message().contains("loop"), errors.get(0).message());
    }

    @Test
    void anAlignmentLoopThroughStoredObjectivesIsRefusedAndTheStoredCascadeIsKept() {
        fx.importing(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Acme", "A", "Objective A", "B"), row("2026-Q4", "Acme", "B", "Objective B")));

        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Acme", "B", "Objective B", "A")));

        assertEquals(List.of(error(2, "parent_objective_key")), places(errors));
        assertEquals("B", objective("A").parentKey());
        assertNull(objective("B").parentKey());
    }

    @Test
    void reversingAStoredAlignmentInOneFileIsAcceptedWhateverTheRowOrder() {
        fx.importing(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Acme", "A", "Objective A", "B"), row("2026-Q4", "Acme", "B", "Objective B")));

        assertEquals(new ImportResult(0, 2, 0), fx.importing(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "B", "Objective B", "A"),
                row("2026-Q4", "Acme", "A", "Objective A", ""))));

        assertEquals("A", objective("B").parentKey());
        assertNull(objective("A").parentKey());
    }

    @Test
    void anAlignmentToAnObjectiveOfASiblingUnitIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme/Marketing", "MK-1", "Be known in the EU"),
                row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers", "MK-1")));

        assertEquals(List.of(error(3, "parent_objective_key")), places(errors));
        assertTrue(errors.get(0).message().contains("same unit or an ancestor"), errors.get(0).message());
    }

    @Test
    void anUnknownParentIsRefused() {
        assertEquals(List.of(error(2, "parent_objective_key")), places(fx.rejected(ImportKind.OKRS,
                csv(HEADER, row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers", "CO-9")))));
    }

    @Test
    void theFirstPathOfAnEmptyDatabaseDefinesTheRootAndAPathUnderAnotherRootIsRefused() {
        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers"),
                row("2026-Q4", "Globex/Sales", "GS-1", "Sell more")));

        assertEquals(List.of(error(3, "unit_path")), places(errors));
        assertTrue(errors.get(0).message().contains("company unit 'Acme'"), errors.get(0).message());
    }

    @Test
    void aPathUnderAnotherRootThanTheStoredOneIsRefused() {
        fx.run(em -> em.persist(OrgUnit.root("Acme")));

        assertEquals(List.of(error(2, "unit_path")),
                places(fx.rejected(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Globex", "GX-1", "Sell more")))));
    }

    @Test
    void aQuarterIsCreatedButAnUnknownCycleOfAnotherNameIsRefused() {
        assertEquals(List.of(error(2, "cycle")),
                places(fx.rejected(ImportKind.OKRS, csv(HEADER, row("FY2026", "Acme", "CO-1", "Grow revenue")))));

        fx.importing(ImportKind.OKRS, csv(HEADER, row("2026-q4", "Acme", "CO-1", "Grow revenue")));
        assertEquals("2026-Q4", objective("CO-1").cycle(), "2026-q4 is the quarter 2026-Q4");
    }

    @Test
    void anUnknownUserIsRefusedOnItsColumn() {
        fx.users("alice");

        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "nobody", "KR-1", "Revenue", "NUMERIC", "0", "10", "", "ALICE"),
                row("2026-Q4", "Acme", "CO-2", "Hire", "", "", "Alice", "KR-2", "Hires", "NUMERIC", "0", "10", "", "ghost")));

        assertEquals(List.of(new RowError(2, "objective_owner", "no user 'nobody'"), new RowError(3, "kr_owner", "no user 'ghost'")),
                errors);
    }

    @Test
    void aDeactivatedPersonCannotBecomeAnOwnerButKeepsWhatTheyOwn() {
        fx.users("ceo", "alice", "leaver");
        String owned = csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "leaver", "KR-1", "Revenue", "NUMERIC", "0", "10", "", "leaver"));
        fx.importing(ImportKind.OKRS, owned);
        fx.run(em -> em.createQuery("select p from Person p where p.username = 'leaver'", Person.class).getSingleResult()
                .deactivate());

        assertEquals(new ImportResult(0, 2, 0), fx.importing(ImportKind.OKRS, owned),
                "re-importing what the leaver already owns changes nothing");
        assertEquals("leaver", objective("CO-1").owner());

        Map<String, Long> before = fx.counts();
        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "leaver", "KR-2", "Costs", "NUMERIC", "0", "10", "", "leaver"),
                row("2026-Q4", "Acme", "CO-2", "Hire", "", "", "leaver")));
        assertEquals(List.of(new RowError(2, "kr_owner", "user 'leaver' is deactivated: choose an active person as the owner"),
                new RowError(3, "objective_owner", "user 'leaver' is deactivated: choose an active person as the owner")),
                errors);
        assertEquals(before, fx.counts(), "nothing stored");
    }

    @Test
    void aKeyResultLinksToAStoredKpiAndAnUnknownKpiIsRefused() {
        fx.importing(ImportKind.KPIS, csv("kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation",
                "NPS,Acme,Net promoter score,HIGHER_IS_BETTER,LAGGING,50,30,LAST"));

        assertEquals(List.of(error(3, "kpi_key")), places(fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Delight customers", "", "", "", "KR-1", "NPS 50", "NUMERIC", "20", "50", "", "", "NPS"),
                row("2026-Q4", "Acme", "CO-1", "Delight customers", "", "", "", "KR-2", "CSAT", "NUMERIC", "20", "50", "", "", "CSAT")))));

        fx.importing(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Delight customers", "", "", "", "KR-1", "NPS 50", "NUMERIC", "20", "50", "", "", "NPS")));
        assertEquals("NPS", keyResult("KR-1").kpiKey());
    }

    @Test
    void objectiveColumnsThatDisagreeBetweenTheRowsOfOneObjectiveAreRefused() {
        fx.users("ceo", "alice");

        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "1", "ceo", "KR-1", "Revenue", "NUMERIC", "0", "10"),
                row("2026-Q4", "Acme", "CO-1", "Grow Revenue", "", "1.0", "ceo", "KR-2", "Margin", "NUMERIC", "0", "10"),
                row("2026-Q4", "Acme/Sales", "CO-1", "Grow revenue", "", "2", "alice", "KR-3", "Deals", "NUMERIC", "0", "10")));

        assertEquals(List.of(error(3, "objective"), error(4, "unit_path"), error(4, "objective_weight"), error(4, "objective_owner")),
                places(errors));
    }

    @Test
    void keyResultColumnsOnARowWithoutKrKeyAreRefused() {
        assertEquals(List.of(error(2, "key_result"), error(2, "target")), places(fx.rejected(ImportKind.OKRS,
                csv(HEADER, row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "", "", "Revenue", "", "", "10")))));
    }

    @Test
    void aKeyResultKeyTwiceInOneCycleIsRefused() {
        assertEquals(List.of(error(3, "kr_key")), places(fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "", "KR-1", "Revenue", "NUMERIC", "0", "10"),
                row("2026-Q4", "Acme", "CO-2", "Hire", "", "", "", "KR-1", "Hires", "NUMERIC", "0", "10")))));
    }

    @Test
    void aStoredKeyResultNamedUnderAnotherObjectiveMovesThere() {
        fx.importing(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "", "KR-1", "Revenue", "NUMERIC", "0", "10"),
                row("2026-Q4", "Acme", "CO-2", "Hire")));

        assertEquals(new ImportResult(0, 2, 0), fx.importing(ImportKind.OKRS,
                csv(HEADER, row("2026-Q4", "Acme", "CO-2", "Hire", "", "", "", "KR-1", "Revenue", "NUMERIC", "0", "10"))));

        assertEquals("CO-2", keyResult("KR-1").objectiveKey());
    }

    @Test
    void anImportCannotMoveAStoredObjectiveToAnotherUnit() {
        fx.importing(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Acme/Sales", "SA-1", "Win EU customers")));

        assertEquals(List.of(error(2, "unit_path")),
                places(fx.rejected(ImportKind.OKRS, csv(HEADER, row("2026-Q4", "Acme/Marketing", "SA-1", "Win EU customers")))));
    }

    @Test
    void aClosedCyclesOkrsCanBeReimportedUnchangedButNotChanged() {
        fx.users("ceo", "alice");
        fx.importing(ImportKind.OKRS, COMPANY_OKRS);
        fx.run(em -> {
            Cycle q4 = em.createQuery("select c from Cycle c", Cycle.class).getSingleResult();
            q4.activate();
            q4.close(ImportFixture.NOW);
        });

        assertEquals(new ImportResult(0, 6, 0), fx.importing(ImportKind.OKRS, COMPANY_OKRS));

        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue a lot", "", "", "ceo"),
                row("2026-Q4", "Acme", "CO-9", "A new objective"),
                row("2026-Q4", "Acme", "CO-1", "Grow revenue a lot", "", "", "ceo", "KR-9", "New KR", "NUMERIC", "0", "1")));
        assertEquals(List.of(error(2, "cycle"), error(3, "cycle")), places(errors));
        assertTrue(errors.get(0).message().contains("closed"), errors.get(0).message());
    }

    @Test
    void everyBadRowIsReportedWithItsRowAndColumn() {
        fx.users("ceo");

        List<RowError> errors = fx.rejected(ImportKind.OKRS, csv(HEADER,
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "ceo", "KR-1", "Revenue", "NUMERIC", "0", "\"1,5\""),
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "ceo", "KR-2", "Deals", "LINEAR", "0", "10"),
                row("2026-Q4", "Acme", "CO-1", "Grow revenue", "", "", "ceo", "KR-3", "Fine", "NUMERIC", "0", "10"),
                row("2026-Q4", "Acme", "CO-2", "", "", "-1"),
                row("2026-Q4", "Acme", "CO-3", "Hire", "", "", "", "KR-4", "Hires", "NUMERIC", "5", "5"),
                row("", "Acme//Sales", "CO-4", "Sell", "", "", "", "KR-5", "Calls", "AT_LEAST", "", "", "x"),
                row("2026-Q4", "Acme", "bad key!", "Bad key")));

        assertEquals(List.of(
                error(2, "target"),
                error(3, "kr_type"),
                error(5, "objective"), error(5, "objective_weight"),
                error(6, "target"),
                error(7, "cycle"), error(7, "kr_weight"), error(7, "unit_path"),
                error(8, "objective_key")), places(errors));
    }
}
