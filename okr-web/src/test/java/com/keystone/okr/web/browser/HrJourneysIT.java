package com.keystone.okr.web.browser;

import static com.keystone.okr.web.browser.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * HR across quarters and people (issue 10, item 5), in the demo company: HR opens the quarterly
 * review and sees each unit's figures beside the previous quarter's with the change, the same as
 * the REST API's grades say, and in the export; HR filters the people view to a unit and exports it,
 * and the file holds exactly the people of that unit and below with what each owns.
 */
@ExtendWith(BrowserExtension.class)
class HrJourneysIT {

    private static final String PERFORMANCE = "Acme/Marketing/Performance";

    @Test
    void hrComparesTheQuarterWithThePreviousOneAndSeesThePreviousFiguresAndTheChanges(Browser browser, Api api)
            throws IOException {
        String current = api.currentCycle();
        String previous = previousCycle(api, current);
        JsonObject previousCycle = expect(200, api.get("hr", "cycles/" + previous)).object();
        assertEquals("CLOSED", previousCycle.getString("state"), "the demo grades the quarter before");

        browser.signInAs("hr");
        browser.go("/app/review.xhtml");
        String note = browser.text(By.id("review:compared"));
        assertTrue(note.contains("Compared with " + previous), note);

        // the company's own objectives: this quarter's projected grades against the previous quarter's frozen ones
        BigDecimal now = average(companyGrades(api, current, false));
        BigDecimal before = average(companyGrades(api, previous, true));
        String cell = "tr:has(> td [data-unit='Acme']) > td:nth-child(6)";
        assertEquals(0, now.compareTo(new BigDecimal(shown(browser, cell + " .kp-now"))), "this quarter's average");
        assertEquals(0, before.compareTo(new BigDecimal(shown(browser, cell + " .kp-prev-figure"))),
                "the previous quarter's average grade, as the API grades it");
        BigDecimal difference = now.subtract(before);
        String change = shown(browser, cell + " .kp-change [aria-hidden]");
        String spoken = shown(browser, cell + " .kp-change .ks-sr-only");
        String tone = (String) browser.js("return document.querySelector(arguments[0]).className", cell + " .kp-change");
        if (difference.signum() == 0) {
            assertEquals("=", change);
            assertTrue(tone.contains("kp-change-NEUTRAL"), tone);
        } else {
            String arrow = difference.signum() > 0 ? "↑ +" : "↓ −";
            assertEquals(arrow + difference.abs().stripTrailingZeros().toPlainString(), change);
            assertTrue(tone.contains(difference.signum() > 0 ? "kp-change-GOOD" : "kp-change-BAD"), tone);
            assertTrue(spoken.contains(difference.signum() > 0 ? "up" : "down") && spoken.contains("previous cycle"),
                    "said in words, not only in colour: " + spoken);
        }
        assertTrue(browser.has(By.cssSelector("#totalAverage .kp-prev-figure")), "the company total is compared too");
        assertTrue(browser.has(By.cssSelector("tr:has(> td [data-unit='Acme/Marketing']) > td:nth-child(7) .kp-prev-figure")),
                "check-in discipline is compared");
        assertTrue(browser.has(By.cssSelector("tr:has(> td [data-unit='Acme/Marketing']) > td:nth-child(8) .kp-prev .kp-prev-badge")),
                "KPI statuses are compared");

        browser.clickable(By.id("review:exportCsv")).click();
        Path csv = browser.awaitDownload(".csv");
        List<List<String>> rows = csv(csv);
        List<String> header = rows.get(0);
        List<String> acme = rows.stream().filter(r -> r.get(0).equals("Acme")).findFirst().orElseThrow();
        assertEquals(previous, acme.get(header.indexOf("Previous cycle")));
        assertEquals(0, before.compareTo(new BigDecimal(acme.get(header.indexOf("Previous average grade")))));
        assertEquals(0, difference.compareTo(new BigDecimal(acme.get(header.indexOf("Average grade change")))));
        assertEquals("final", acme.get(header.indexOf("Previous grades")));
        assertTrue(browser.scriptErrors().isEmpty(), browser.scriptErrors().toString());
    }

    @Test
    void hrFiltersThePeopleViewToAUnitAndExportsIt(Browser browser, Api api) throws IOException {
        String cycle = api.currentCycle();
        Set<String> expectedPeople = peopleIn(api, PERFORMANCE);
        assertTrue(expectedPeople.contains("alice") && expectedPeople.contains("perf.lead"), expectedPeople.toString());
        Map<String, Set<String>> expectedItems = ownedItems(api, cycle, expectedPeople);
        assertFalse(expectedItems.get("alice").isEmpty(), "alice owns key results in the demo");

        browser.signInAs("hr");
        browser.go("/app/people/outcomes.xhtml");
        assertTrue(browser.has(By.id("outcomes:people")), "HR sees the people view:\n" + browser.bodyText());
        browser.complete("outcomes:unitFilter", "Performance", PERFORMANCE);
        browser.until("the table keeps the people of " + PERFORMANCE, d -> rowKeys(browser).equals(expectedPeople));

        browser.clickable(By.id("outcomes:exportCsv")).click();
        Path csv = browser.awaitDownload(".csv");
        List<List<String>> rows = csv(csv);
        List<String> header = rows.get(0);
        int username = header.indexOf("Username");
        int key = header.indexOf("Key");
        Map<String, Set<String>> exported = new TreeMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            Set<String> keys = exported.computeIfAbsent(row.get(username), u -> new TreeSet<>());
            if (!row.get(key).isEmpty()) {
                keys.add(row.get(key));
            }
        }
        assertEquals(expectedItems, exported, "a row per objective and key result each person of the unit owns");
        List<String> aliceRow = rows.stream().filter(r -> r.get(username).equals("alice")).findFirst().orElseThrow();
        assertTrue(aliceRow.get(header.indexOf("Roles")).contains("MEMBER " + PERFORMANCE), aliceRow.toString());

        // the same people and figures through the API, for HR only
        String query = "cycles/" + cycle + "/people?unit=" + URLEncoder.encode(PERFORMANCE, StandardCharsets.UTF_8);
        JsonObject answer = expect(200, api.get("hr", query)).object();
        Set<String> apiPeople = new TreeSet<>();
        for (JsonObject p : answer.getJsonArray("people").getValuesAs(JsonObject.class)) {
            apiPeople.add(p.getString("username"));
            if (p.getString("username").equals("alice")) {
                String discipline = aliceRow.get(header.indexOf("Check-in discipline"));
                assertEquals(0, new BigDecimal(discipline).compareTo(p.getJsonNumber("discipline").bigDecimalValue()
                        .setScale(4, RoundingMode.HALF_UP)), "the export and the API agree on alice's discipline");
            }
        }
        assertEquals(expectedPeople, apiPeople);
        expect(403, api.get("alice", query));

        browser.clickable(By.id("outcomes:exportXlsx")).click();
        Path xlsx = browser.awaitDownload(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Person", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(rows.size() - 1, sheet.getLastRowNum(), "as many rows as the CSV");
        }
        assertEquals("/app/people/outcomes.xhtml", browser.path(), "the page stays where it was");
        assertTrue(browser.scriptErrors().isEmpty(), browser.scriptErrors().toString());
    }

    @Test
    void aMemberSeesThePeopleViewIsNotForThem(Browser browser) {
        browser.signInAs("alice");
        browser.go("/app/people/outcomes.xhtml");
        assertTrue(browser.text(By.id("notAllowed")).contains("Only HR and administrators"), browser.bodyText());
        assertFalse(browser.has(By.id("outcomes:people")));
        assertFalse(browser.has(By.id("nav:m-peopleOutcomes")), "nor is it in her menu");
    }

    // ---- what the API says, to compare with ---------------------------------------------------

    /** The cycle that ended most recently before {@code cycle} started. */
    private static String previousCycle(Api api, String cycle) {
        JsonObject chosen = expect(200, api.get("hr", "cycles/" + cycle)).object();
        LocalDate start = LocalDate.parse(chosen.getString("startDate"));
        JsonObject best = null;
        for (JsonObject c : expect(200, api.get("hr", "cycles")).array().getValuesAs(JsonObject.class)) {
            LocalDate end = LocalDate.parse(c.getString("endDate"));
            if (end.isBefore(start) && (best == null || end.isAfter(LocalDate.parse(best.getString("endDate"))))) {
                best = c;
            }
        }
        assertNotNull(best, "the demo has a cycle before " + cycle);
        return best.getString("name");
    }

    /** The grades of the company unit's own objectives: frozen ones, or those their progress rounds to. */
    private static List<BigDecimal> companyGrades(Api api, String cycle, boolean frozen) {
        JsonObject rollup = expect(200, api.get("hr", "cycles/" + cycle + "/rollup?unit=Acme&depth=0")).object();
        JsonObject company = rollup.getJsonArray("units").getJsonObject(0);
        assertEquals("Acme", company.getString("path"));
        List<BigDecimal> grades = new ArrayList<>();
        for (JsonObject o : company.getJsonArray("objectives").getValuesAs(JsonObject.class)) {
            grades.add(frozen ? o.getJsonNumber("grade").bigDecimalValue()
                    : BigDecimal.valueOf(o.getJsonNumber("progress").doubleValue()).setScale(9, RoundingMode.HALF_UP)
                            .setScale(1, RoundingMode.HALF_UP));
        }
        assertFalse(grades.isEmpty(), "the company has objectives in " + cycle);
        return grades;
    }

    private static BigDecimal average(List<BigDecimal> grades) {
        return grades.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(grades.size()), 2, RoundingMode.HALF_UP);
    }

    /** The people with a role in the unit or a unit below it. */
    private static Set<String> peopleIn(Api api, String unit) {
        Set<String> people = new TreeSet<>();
        for (JsonObject p : expect(200, api.get("hr", "people?size=500")).array().getValuesAs(JsonObject.class)) {
            for (JsonObject m : p.getJsonArray("memberships").getValuesAs(JsonObject.class)) {
                String path = m.getString("unitPath");
                if (path.equals(unit) || path.startsWith(unit + "/")) {
                    people.add(p.getString("username"));
                }
            }
        }
        return people;
    }

    /** Each person's objectives and key results in the cycle, by key, from the roll-up's owners. */
    private static Map<String, Set<String>> ownedItems(Api api, String cycle, Set<String> people) {
        Map<String, Set<String>> owned = new TreeMap<>();
        for (String p : people) {
            owned.put(p, new TreeSet<>());
        }
        JsonObject rollup = expect(200, api.get("hr", "cycles/" + cycle + "/rollup")).object();
        for (JsonObject u : rollup.getJsonArray("units").getValuesAs(JsonObject.class)) {
            for (JsonObject o : u.getJsonArray("objectives").getValuesAs(JsonObject.class)) {
                add(owned, o);
                for (JsonObject k : o.getJsonArray("keyResults").getValuesAs(JsonObject.class)) {
                    add(owned, k);
                }
            }
        }
        return owned;
    }

    private static void add(Map<String, Set<String>> owned, JsonObject item) {
        String owner = item.containsKey("owner") && !item.isNull("owner") ? item.getString("owner") : null;
        if (owner != null && owned.containsKey(owner)) {
            owned.get(owner).add(item.getString("key"));
        }
    }

    // ---- what the page and the files show ------------------------------------------------------

    /** The text of an element, the words only screen readers get left out unless asked for. */
    private static String shown(Browser browser, String css) {
        Object text = browser.js("var e = document.querySelector(arguments[0]); if (!e) return null;"
                + " var c = e.cloneNode(true); if (!c.classList.contains('ks-sr-only'))"
                + " c.querySelectorAll('.ks-sr-only').forEach(function (s) { s.remove(); });"
                + " return c.textContent.trim();", css);
        assertNotNull(text, css + " is on the page:\n" + browser.bodyText());
        return (String) text;
    }

    /** The usernames of the people view's rows (their row keys). */
    private static Set<String> rowKeys(Browser browser) {
        Set<String> keys = new TreeSet<>();
        for (var person : browser.driver().findElements(By.cssSelector("#outcomes\\:people [data-username]"))) {
            keys.add(person.getAttribute("data-username"));
        }
        return keys;
    }

    private static List<List<String>> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        return parseCsv(text);
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
