package com.keystone.okr.web.report;

import static com.keystone.okr.web.report.ReviewFixture.END;
import static com.keystone.okr.web.report.ReviewFixture.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.domain.cycle.CycleState;
import com.keystone.okr.domain.person.UnitRole;
import com.keystone.okr.persistence.person.PersonEntry;
import com.keystone.okr.persistence.person.UnitRoleEntry;
import com.keystone.okr.reporting.CycleReport;
import com.keystone.okr.reporting.OkrEngine;
import com.keystone.okr.reporting.snapshot.CheckInRow;
import com.keystone.okr.reporting.snapshot.CycleInfo;
import com.keystone.okr.reporting.snapshot.CycleSnapshot;
import com.keystone.okr.reporting.snapshot.KeyResultRow;
import com.keystone.okr.reporting.snapshot.ObjectiveRow;
import com.keystone.okr.web.report.PeopleOutcomes.Item;
import com.keystone.okr.web.report.PeopleOutcomes.Kind;
import com.keystone.okr.web.report.PeopleOutcomes.Owners;
import com.keystone.okr.web.report.PeopleOutcomes.Person;
import com.keystone.okr.web.report.PeopleOutcomes.Sheet;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The people view's rows, checked against a plain computation from the snapshot's rows (owners,
 * frozen grades, check-in dates), and its exports read back. The company is {@link ReviewFixture}'s
 * with the key results given owners: ceo K1 (frozen 0.9) and K2 (KPI-linked), sales.lead K3
 * (frozen 0.1, overridden to 0.4), alice K4 and K5; the objectives are ceo's O1, sales.lead's O2 and
 * inbound.lead's O3 (a deactivated person); nobody owns nothing.
 */
class PeopleOutcomesTest {

    private static final Map<String, String> KR_OWNERS = Map.of("K1", "ceo", "K2", "ceo", "K3", "sales.lead", "K4",
            "alice", "K5", "alice");

    private static final List<PersonEntry> PEOPLE = List.of(new PersonEntry("alice", "Alice", true),
            new PersonEntry("ceo", "Carla CEO", true), new PersonEntry("inbound.lead", "Ivo Inbound", false),
            new PersonEntry("nobody", "Nobody", true), new PersonEntry("sales.lead", "Sam Sales", true));

    private static final List<UnitRoleEntry> ROLES = List.of(
            new UnitRoleEntry("alice", "Acme/Sales", UnitRole.MEMBER),
            new UnitRoleEntry("ceo", "Acme", UnitRole.LEAD),
            new UnitRoleEntry("sales.lead", "Acme/Sales", UnitRole.LEAD),
            new UnitRoleEntry("sales.lead", "Acme/Sales/Inbound", UnitRole.MEMBER));

    static CycleSnapshot snapshot(CycleState state) {
        CycleSnapshot base = ReviewFixture.snapshot(state);
        boolean closed = state == CycleState.CLOSED;
        List<KeyResultRow> krs = new ArrayList<>();
        for (KeyResultRow k : base.keyResults()) {
            BigDecimal frozen = !closed ? null : k.key().equals("K1") ? d("0.9") : k.key().equals("K3") ? d("0.1") : null;
            BigDecimal override = closed && k.key().equals("K3") ? d("0.4") : null;
            krs.add(new KeyResultRow(k.id(), k.key(), k.title(), k.objectiveId(), k.type(), k.start(), k.target(),
                    k.weight(), KR_OWNERS.get(k.key()), k.kpiId(), frozen, override));
        }
        return new CycleSnapshot(base.cycle(), base.units(), base.objectives(), krs, base.checkIns(), base.kpis(),
                base.measurements());
    }

    private static Sheet sheet(CycleState state, LocalDate asOf) {
        CycleReport report = new OkrEngine().report(snapshot(state), asOf);
        boolean closed = state == CycleState.CLOSED;
        List<Person> rows = PeopleOutcomes.rows(PEOPLE, ROLES, Owners.of(report), closed, asOf);
        CycleInfo c = snapshot(state).cycle();
        return new Sheet(c.name(), state.name(), c.startDate(), c.endDate(), asOf, !closed, rows);
    }

    private static Person person(Sheet sheet, String username) {
        return sheet.people().stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
    }

    // ---- the plain computation, from the snapshot's rows -----------------------------------

    /** The grade a plain reading gives: the override, else the frozen grade of a closed cycle; else progress rounded. */
    private static BigDecimal plainGrade(boolean closed, BigDecimal frozen, BigDecimal override, double progress) {
        if (closed && override != null) {
            return override;
        }
        if (closed && frozen != null) {
            return frozen;
        }
        return BigDecimal.valueOf(progress).setScale(9, RoundingMode.HALF_UP).setScale(1, RoundingMode.HALF_UP);
    }

    /** Whether the key result's latest check-in dated on or before {@code asOf} is within the 14 days up to it. */
    private static boolean plainCheckedIn(CycleSnapshot s, long krId, LocalDate asOf) {
        Optional<LocalDate> latest = s.checkIns().stream().filter(c -> c.keyResultId() == krId)
                .map(CheckInRow::effectiveDate).filter(date -> !date.isAfter(asOf)).max(LocalDate::compareTo);
        return latest.isPresent() && latest.get().isAfter(asOf.minusDays(14));
    }

    @ParameterizedTest
    @EnumSource(value = CycleState.class, names = {"CLOSED", "ACTIVE"})
    void everyPersonsRowsAreWhatTheRowsOfTheSnapshotSay(CycleState state) {
        LocalDate asOf = state == CycleState.CLOSED ? END : LocalDate.of(2026, 9, 20);
        boolean closed = state == CycleState.CLOSED;
        CycleSnapshot s = snapshot(state);
        CycleReport report = new OkrEngine().report(s, asOf);
        Sheet sheet = sheet(state, asOf);
        assertEquals(PEOPLE.stream().map(PersonEntry::username).toList(),
                sheet.people().stream().map(Person::username).toList(), "the people in the order given");

        for (PersonEntry entry : PEOPLE) {
            Person p = person(sheet, entry.username());
            Map<String, Item> items = p.items().stream().collect(Collectors.toMap(Item::key, i -> i));
            List<ObjectiveRow> ownObjectives = s.objectives().stream()
                    .filter(o -> entry.username().equals(o.owner())).toList();
            List<KeyResultRow> ownKrs = s.keyResults().stream().filter(k -> entry.username().equals(k.owner())).toList();
            assertEquals(ownObjectives.size() + ownKrs.size(), items.size(), entry.username() + ": " + items.keySet());

            BigDecimal objectiveSum = BigDecimal.ZERO;
            for (ObjectiveRow o : ownObjectives) {
                Item i = items.get(o.key());
                assertEquals(Kind.OBJECTIVE, i.kind());
                double progress = report.objective(o.key()).orElseThrow().progress();
                assertEquals(progress, i.progress(), 1e-12);
                BigDecimal grade = plainGrade(closed, o.frozenGrade(), o.gradeOverride(), progress);
                assertEquals(0, grade.compareTo(i.grade()), o.key() + " grade " + i.grade() + " expected " + grade);
                objectiveSum = objectiveSum.add(grade);
                assertNull(i.checkedIn());
            }
            int checkIns = 0;
            int checked = 0;
            BigDecimal krSum = BigDecimal.ZERO;
            for (KeyResultRow k : ownKrs) {
                Item i = items.get(k.key());
                assertEquals(Kind.KEY_RESULT, i.kind());
                double progress = report.keyResult(k.key()).orElseThrow().progress();
                BigDecimal grade = plainGrade(closed, k.frozenGrade(), k.gradeOverride(), progress);
                assertEquals(0, grade.compareTo(i.grade()), k.key() + " grade " + i.grade() + " expected " + grade);
                krSum = krSum.add(grade);
                if (k.kpiId() == null) {
                    checkIns++;
                    boolean expected = plainCheckedIn(s, k.id(), asOf);
                    assertEquals(expected, i.checkedIn(), k.key());
                    checked += expected ? 1 : 0;
                } else {
                    assertNull(i.checkedIn(), k.key() + " is linked to a KPI: no check-ins to take");
                }
            }
            assertEquals(ownObjectives.size(), p.figures().objectives());
            assertEquals(ownKrs.size(), p.figures().keyResults());
            assertEquals(checkIns, p.figures().checkInKeyResults(), entry.username());
            assertEquals(checked, p.figures().checkedIn(), entry.username());
            assertEquals(ownObjectives.isEmpty() ? null
                    : objectiveSum.divide(BigDecimal.valueOf(ownObjectives.size()), 2, RoundingMode.HALF_UP),
                    p.figures().averageGrade());
            assertEquals(ownKrs.isEmpty() ? null : krSum.divide(BigDecimal.valueOf(ownKrs.size()), 2, RoundingMode.HALF_UP),
                    p.keyResultAverage());
            assertEquals(entry.active(), p.active());
        }
    }

    @Test
    void aClosedCyclesRowsByHand() {
        Sheet sheet = sheet(CycleState.CLOSED, END);
        Person alice = person(sheet, "alice");
        // K4 checked in on September 17 (13 days before the end); K5 only on October 5, after the end
        assertEquals(2, alice.figures().checkInKeyResults());
        assertEquals(1, alice.figures().checkedIn());
        assertEquals(0.5, alice.figures().discipline());
        assertEquals(List.of("MEMBER Acme/Sales"), alice.roles().stream().map(PeopleOutcomes.Role::text).toList());

        Person ceo = person(sheet, "ceo");
        assertEquals(1, ceo.figures().checkInKeyResults(), "K2 takes its value from the LEADS KPI");
        assertEquals(1.0, ceo.figures().discipline());
        assertEquals(d("0.80"), ceo.figures().averageGrade(), "O1 frozen at 0.8");

        Person sales = person(sheet, "sales.lead");
        Item k3 = sales.items().stream().filter(i -> i.key().equals("K3")).findFirst().orElseThrow();
        assertEquals(0, d("0.4").compareTo(k3.grade()), "the override counts");
        assertTrue(k3.overridden());
        assertEquals("O2", k3.objectiveKey());
        assertEquals(0.0, sales.figures().discipline(), "K3's check-in on September 16 is 14 days old on the 30th");
        assertEquals(List.of(new PeopleOutcomes.Role("LEAD", "Acme/Sales"), new PeopleOutcomes.Role("MEMBER", "Acme/Sales/Inbound")),
                sales.roles());
        assertEquals(d("0.30"), sales.figures().averageGrade(), "O2 overridden to 0.3");

        Person nobody = person(sheet, "nobody");
        assertTrue(nobody.isEmpty());
        assertNull(nobody.figures().discipline());
        assertNull(nobody.keyResultAverage());
        assertFalse(person(sheet, "inbound.lead").active());
        assertEquals(1, person(sheet, "inbound.lead").figures().objectives(), "a deactivated person keeps what they own");
    }

    @Test
    void csvHasARowPerOwnedItemWithThePersonsFiguresAndOneForSomeoneOwningNothing() {
        Sheet sheet = sheet(CycleState.CLOSED, END);
        byte[] bytes = PeopleExports.csv(sheet).content();
        assertEquals("keystone-people-2026-Q3.csv", PeopleExports.csv(sheet).fileName());
        List<List<String>> rows = ReviewExportsTest.parseCsv(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertEquals(PeopleExports.COLUMNS, rows.get(0));
        // alice 2 key results, ceo 1 objective + 2 key results, inbound.lead 1 objective, nobody 1 empty row,
        // sales.lead 1 objective + 1 key result
        assertEquals(1 + 2 + 3 + 1 + 1 + 2, rows.size());
        Map<String, Integer> col = new HashMap<>();
        for (int c = 0; c < PeopleExports.COLUMNS.size(); c++) {
            col.put(PeopleExports.COLUMNS.get(c), c);
        }
        List<String> k4 = rows.stream().filter(r -> r.get(col.get("Key")).equals("K4")).findFirst().orElseThrow();
        assertEquals("Alice", k4.get(col.get("Person")));
        assertEquals("alice", k4.get(col.get("Username")));
        assertEquals("MEMBER Acme/Sales", k4.get(col.get("Roles")));
        assertEquals("Key result", k4.get(col.get("Item")));
        assertEquals("O2", k4.get(col.get("Objective")));
        assertEquals("1", k4.get(col.get("Progress")), "100 of 100");
        assertEquals("1.0", k4.get(col.get("Grade")));
        assertEquals("GREEN", k4.get(col.get("Grade band")));
        assertEquals("2026-09-17", k4.get(col.get("Latest check-in")));
        assertEquals("yes", k4.get(col.get("Checked in within 14 days")));
        assertEquals("0.5", k4.get(col.get("Check-in discipline")), "alice's share, on each of her rows");
        List<String> k3 = rows.stream().filter(r -> r.get(col.get("Key")).equals("K3")).findFirst().orElseThrow();
        assertEquals("0.4", k3.get(col.get("Grade")));
        assertEquals("final (overridden)", k3.get(col.get("Grades")));
        assertEquals("no", k3.get(col.get("Checked in within 14 days")));
        List<List<String>> nobody = rows.stream().filter(r -> r.get(col.get("Username")).equals("nobody")).toList();
        assertEquals(1, nobody.size());
        assertEquals("0", nobody.get(0).get(col.get("Objectives owned")));
        assertEquals("", nobody.get(0).get(col.get("Item")));
        List<String> k2 = rows.stream().filter(r -> r.get(col.get("Key")).equals("K2")).findFirst().orElseThrow();
        assertEquals("", k2.get(col.get("Checked in within 14 days")), "KPI-linked: not counted");
    }

    @Test
    void excelHasTheSameRowsWithNumbersAsNumbers() throws Exception {
        Sheet sheet = sheet(CycleState.CLOSED, END);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(PeopleExports.xlsx(sheet).content()))) {
            org.apache.poi.ss.usermodel.Sheet s = wb.getSheetAt(0);
            assertEquals("Person", s.getRow(0).getCell(0).getStringCellValue());
            assertEquals(9, s.getLastRowNum(), "nine rows after the header, as in the CSV");
            int progress = PeopleExports.COLUMNS.indexOf("Progress");
            int discipline = PeopleExports.COLUMNS.indexOf("Check-in discipline");
            Row first = s.getRow(1);
            assertEquals("Alice", first.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, first.getCell(progress).getCellType());
            assertEquals(0.5, first.getCell(discipline).getNumericCellValue(), 1e-9);
        }
    }

    @Test
    void pdfListsThePeople() throws Exception {
        var reader = new com.lowagie.text.pdf.PdfReader(PeopleExports.pdf(sheet(CycleState.CLOSED, END)).content());
        try {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
            assertTrue(text.contains("Keystone outcomes by person 2026-Q3"), text);
            assertTrue(text.contains("Sam Sales"), text);
        } finally {
            reader.close();
        }
    }
}
