package com.keystone.okr.web.browser;

import static com.keystone.okr.web.browser.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * What people do with Keystone in a browser, end to end: a member checks in on her key result
 * from "My work" (and is stopped, with a message at the field, when the input is wrong), the
 * language switch, and the layout on a phone.
 */
@ExtendWith(BrowserExtension.class)
class BrowserJourneysIT {

    @Test
    void aMemberChecksInOnHerKeyResultFromMyWorkAndSeesTheNewValue(Browser browser, Api api) {
        String cycle = api.currentCycle();
        String kr = BrowserSecurityIT.newKeyResultOfAlice(api, cycle);
        browser.signInAs("alice");
        assertEquals("0 / 100", valueOf(browser, kr), "no check-in yet: the start value");

        openCheckIn(browser, kr);
        fill(browser, "42", "7", "Two big campaigns landed");
        browser.clickToNewPage(By.id("checkin:save"));

        browser.until("the saved message", d -> browser.bodyText().contains("Check-in saved."));
        assertEquals("42 / 100", valueOf(browser, kr), "the dashboard shows the new value");
        List<JsonObject> stored = api.checkIns(cycle, kr);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals(42, stored.get(0).getJsonNumber("value").intValue());
        assertEquals(7, stored.get(0).getInt("confidence"));
        assertEquals("Two big campaigns landed", stored.get(0).getString("comment"));
        assertEquals("alice", stored.get(0).getString("author"));
    }

    @Test
    void aCheckInWithConfidenceElevenShowsAMessageAtTheFieldStoresNothingAndCanBeCorrected(Browser browser, Api api) {
        String cycle = api.currentCycle();
        String kr = BrowserSecurityIT.newKeyResultOfAlice(api, cycle);
        browser.signInAs("alice");

        openCheckIn(browser, kr);
        fill(browser, "42", "11", "Too sure");
        browser.clickAjax(By.id("checkin:save"));
        String message = fieldMessage(browser, "confidence");
        assertTrue(message.contains("1") && message.contains("10"), "the message says the range: " + message);
        assertEquals(0, api.checkIns(cycle, kr).size(), "nothing stored with confidence 11");
        assertTrue(browser.visible(By.id("checkin:save")).isDisplayed(), "the dialog stays open to correct the input");

        replace(browser, By.id("checkin:confidence_input"), "8");
        browser.clickToNewPage(By.id("checkin:save"));
        List<JsonObject> stored = api.checkIns(cycle, kr);
        assertEquals(1, stored.size(), stored.toString());
        assertEquals(8, stored.get(0).getInt("confidence"), "the corrected confidence is stored, not a clamped or lost one");
    }

    @Test
    void aCheckInWithoutAValueShowsAMessageAtTheFieldAndStoresNothing(Browser browser, Api api) {
        String cycle = api.currentCycle();
        String kr = BrowserSecurityIT.newKeyResultOfAlice(api, cycle);
        browser.signInAs("alice");

        openCheckIn(browser, kr);
        fill(browser, "", "7", "No value");
        browser.clickAjax(By.id("checkin:save"));
        String message = fieldMessage(browser, "value");
        assertTrue(!message.isBlank(), "a message at the value field:\n" + browser.text(By.id("checkin")));
        assertEquals(0, api.checkIns(cycle, kr).size(), "nothing stored without a value");
        assertTrue(browser.visible(By.id("checkin:save")).isDisplayed(), "the dialog stays open to correct the input");
    }

    @Test
    void theCoachFiltersByAUnitPickedByTypingAndKeepsTheUnitsBelowIt(Browser browser, Api api) {
        String cycle = api.currentCycle();
        JsonArray all = Json.createReader(new StringReader(expect(200, api.get("hr", "cycles/" + cycle + "/findings")).body()))
                .readArray();
        long ofMarketing = all.getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("unitPath").equals("Acme/Marketing") || f.getString("unitPath").startsWith("Acme/Marketing/"))
                .count();
        assertTrue(ofMarketing > 0, "the demo company has findings in Marketing: " + all);
        browser.signInAs("hr");
        browser.go("/app/coach.xhtml");
        browser.complete("coach:unitFilter", "Marke", "Acme/Marketing");
        browser.until("the table shows Marketing's findings only", d -> unitsShown(browser).stream()
                .allMatch(u -> u.equals("Acme/Marketing") || u.startsWith("Acme/Marketing/")));
        List<String> units = unitsShown(browser);
        assertEquals(Math.min(25, ofMarketing), units.size(), "every finding of Marketing and its teams, a page at most: "
                + units);
        browser.choose("coach:severityFilter", "Warning", false);
        browser.until("the table shows Marketing's warnings only", d -> d.findElements(
                By.xpath("//tbody[@id='coach:findings_data']/tr[@data-ri]/td[1]")).stream()
                .allMatch(td -> td.getText().strip().equals("Warning")));
        assertTrue(unitsShown(browser).stream().allMatch(u -> u.equals("Acme/Marketing") || u.startsWith("Acme/Marketing/")),
                "both filters hold: " + unitsShown(browser));
    }

    @Test
    void theKpiBoardShowsAUnitPickedByTyping(Browser browser) {
        browser.signInAs("ceo");
        browser.go("/app/kpis.xhtml");
        browser.complete("kpis:unit", "Perfor", "Acme/Marketing/Performance");
        By rows = By.xpath("//tbody[@id='kpis:table_data']/tr[@data-ri]");
        browser.until("the board shows Performance's KPIs only", d -> {
            List<WebElement> shown = d.findElements(rows);
            return !shown.isEmpty() && shown.stream().allMatch(r -> r.getText().contains("Acme/Marketing/Performance"));
        });
    }

    @Test
    void anAdminReadsTheHistoryOfAUnitAndAPersonAndALeadThatOfAKpiOfTheirUnit(Browser browser, Api api) {
        String name = "History " + Api.uniqueKey("h");
        expect(201, api.post("admin", "units", "{\"parentPath\":\"Acme/Marketing\",\"name\":\"" + name + "\"}"));
        expect(200, api.put("admin", "units/" + com.keystone.okr.web.it.ApiClient.unitPath("Acme/Marketing/" + name),
                "{\"name\":\"" + name + " B\"}"));
        browser.signInAs("admin");
        browser.go("/app/admin/units.xhtml");
        browser.clickAjax(By.cssSelector("button[id$=':history'][data-path='Acme/Marketing/" + name + " B']"));
        browser.until("the unit's history shows", d -> browser.text(By.id("auditHistory:body")).contains("Unit renamed"));
        assertTrue(browser.text(By.id("auditHistory:body")).contains("Acme/Marketing/" + name + " B"),
                browser.text(By.id("auditHistory:body")));

        browser.go("/app/admin/people.xhtml");
        browser.clickAjax(By.cssSelector("button[id$=':history'][data-username='alice']"));
        browser.until("alice's history opens", d -> browser.text(By.id("auditHistory:body")).contains("alice"));

        browser.go("/app/index.xhtml"); // away from the open dialog
        browser.signOut();
        browser.signInAs("marketing.lead");
        browser.go("/app/kpis.xhtml?unit=Acme/Marketing&below=true");
        List<WebElement> buttons = browser.driver().findElements(By.cssSelector("button[id$=':history']"));
        assertFalse(buttons.isEmpty(), "a lead reads the history of their unit's KPIs");
        browser.clickAjax(By.cssSelector("button[id$=':history']"));
        browser.until("the KPI's history opens", d -> browser.text(By.id("auditHistory:body")).contains("History of"));
        assertTrue(browser.scriptErrors().isEmpty(), browser.scriptErrors().toString());

        browser.go("/app/index.xhtml");
        browser.signOut();
        browser.signInAs("alice");
        browser.go("/app/kpis.xhtml?unit=Acme/Marketing&below=true");
        assertTrue(browser.driver().findElements(By.cssSelector("button[id$=':history']")).isEmpty(),
                "a member is offered no history");
    }

    private static List<String> unitsShown(Browser browser) {
        return browser.driver().findElements(By.xpath("//tbody[@id='coach:findings_data']/tr[@data-ri]/td[3]")).stream()
                .map(td -> td.getText().strip()).toList();
    }

    @Test
    void choosingPortugueseShowsPagesCoachFindingsAndRefusalsInPortuguese(Browser browser) {
        browser.signInAs("ceo");
        browser.choose("context:language", "Português (Brasil)", true);
        assertEquals("Meu trabalho", browser.text(By.tagName("h1")));
        assertEquals("pt-BR", browser.js("return document.documentElement.lang;"));
        browser.go("/app/index.xhtml");
        assertEquals("Meu trabalho", browser.text(By.tagName("h1")), "the choice lasts for the session");

        // the coach's findings: the demo company's KPIs are all lagging
        String coach = browser.text(By.id("dashboard:coach"));
        assertTrue(coach.contains("Sem indicador antecedente") && coach.contains("são indicadores consequentes"),
                "the coach speaks Portuguese: " + coach);

        // a refusal of the model, shown at its field: a key result whose target is its start
        String key = Api.uniqueKey("PT");
        browser.go("/app/editor.xhtml");
        browser.type(By.id("editor:key"), key);
        browser.choose("editor:unit", "Acme", false);
        browser.type(By.id("editor:title"), "Clientes apaixonados");
        browser.type(By.id("editor:krs:0:krKey"), key + "-KR1");
        browser.type(By.id("editor:krs:0:krTitle"), "Dez estudos de caso");
        browser.type(By.id("editor:krs:0:krStart"), "10");
        browser.type(By.id("editor:krs:0:krTarget"), "10");
        browser.clickAjax(By.id("editor:save"));
        assertEquals("/app/editor.xhtml", browser.path(), "nothing was saved");
        String page = browser.bodyText();
        assertTrue(page.contains("não pode ser igual ao início"), "the refusal is in Portuguese:\n" + page);

        browser.choose("context:language", "English", true);
        assertEquals("New objective", browser.text(By.tagName("h1")), "back in English");
        browser.go("/app/index.xhtml");
        assertEquals("My work", browser.text(By.tagName("h1")));
    }

    @Test
    void aPastDateOrAClosedCycleIsReadNotChanged(Browser browser, Api api) {
        browser.signInAs("marketing.lead");
        browser.go("/app/objective.xhtml?key=MK-1");
        assertTrue(browser.has(By.id("objective:edit")) && browser.has(By.id("objective:align")), "today, the lead edits");

        // "as of" a past date: the figures of that day, and nothing to change
        String past = java.time.LocalDate.now().minusDays(7).toString();
        WebElement asOf = browser.clickable(By.id("context:asOf_input"));
        asOf.clear();
        asOf.sendKeys(past, Keys.TAB);
        browser.until("the page shows " + past, d -> browser.has(By.id("history")));
        browser.settle();
        assertTrue(browser.text(By.id("history")).contains(past), browser.text(By.id("history")));
        assertFalse(browser.has(By.id("objective:edit")), "no editing in the past");
        assertFalse(browser.has(By.id("objective:align")), "no aligning in the past");
        browser.go("/app/alignment.xhtml");
        assertFalse(browser.has(By.id("newObjective")), "no new objective in the past");
        browser.go("/app/editor.xhtml?key=MK-1");
        assertFalse(browser.has(By.id("editor")), "the editor says why instead:\n" + browser.bodyText());
        assertTrue(browser.bodyText().contains("the past is read, not edited"), browser.bodyText());
        browser.clickToNewPage(By.id("history:today"));

        // the closed quarter: grades are frozen, and the pages offer no check-in
        browser.go("/app/objective.xhtml?key=PF-1");
        assertTrue(browser.has(By.cssSelector("[id$=':checkin']")), "today, the lead checks in on PF-1");
        browser.choose("context:cycle", api.closedCycle(), true);
        browser.go("/app/objective.xhtml?key=PF-1");
        assertTrue(browser.has(By.id("objective:grades")), "the closed cycle's grades are shown");
        assertFalse(browser.has(By.cssSelector("[id$=':checkin']")), "no check-in on a closed cycle");
        browser.go("/app/index.xhtml");
        assertFalse(browser.has(By.cssSelector("[id$=':checkin']")), "nor on My work");
    }

    @Test
    void myWorkFitsAPhoneScreenWithoutSidewaysScrolling(Browser browser) {
        browser.signInAs("alice");
        browser.emulatePhone(390, 844);
        browser.go("/app/index.xhtml");
        assertEquals(390L, browser.js("return window.innerWidth;"), "the viewport is a phone's");
        long scrollWidth = (Long) browser.js("return document.documentElement.scrollWidth;");
        long bodyScrollWidth = (Long) browser.js("return document.body.scrollWidth;");
        assertTrue(scrollWidth <= 390 + 1 && bodyScrollWidth <= 390 + 1,
                "no horizontal scrollbar: the page is " + scrollWidth + " px (body " + bodyScrollWidth + " px) wide on a 390 px screen; "
                        + "widest elements: " + widest(browser));
        assertTrue(browser.has(By.id("dashboard:myKrs")), "the dashboard is there");
    }

    /** The elements that stick out of the viewport, for the failure message. */
    private static Object widest(Browser browser) {
        return browser.js("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' right='"
                + " + Math.round(e.getBoundingClientRect().right));");
    }

    // ---- the dashboard and its check-in dialog -------------------------------------------------

    private static By rowOf(String kr) {
        return By.xpath("//tbody[@id='dashboard:myKrs_data']/tr[.//a[normalize-space()='" + kr + "']]");
    }

    /** The "value" column of a key result: "current / target". */
    private static String valueOf(Browser browser, String kr) {
        return browser.driver().findElement(rowOf(kr)).findElement(By.xpath("./td[4]")).getText()
                .replace("Value", "").strip();
    }

    private static void openCheckIn(Browser browser, String kr) {
        browser.clickAjax(By.xpath("//tbody[@id='dashboard:myKrs_data']/tr[.//a[normalize-space()='" + kr
                + "']]//button[contains(@id,':checkin')]"));
        browser.visible(By.id("checkin:value_input"));
        assertTrue(browser.text(By.id("checkin")).contains(kr), "the dialog is for " + kr);
    }

    private static void fill(Browser browser, String value, String confidence, String comment) {
        replace(browser, By.id("checkin:value_input"), value);
        browser.driver().findElement(By.id("checkin:value_input")).sendKeys(Keys.TAB);
        replace(browser, By.id("checkin:confidence_input"), confidence);
        browser.driver().findElement(By.id("checkin:confidence_input")).sendKeys(Keys.TAB);
        replace(browser, By.id("checkin:comment"), comment);
    }

    /** Selects what a field holds and types over it, as a person does (widgets with masks ignore clear()). */
    private static void replace(Browser browser, By field, String text) {
        WebElement e = browser.clickable(field);
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        e.sendKeys(Keys.DELETE);
        if (!text.isEmpty()) {
            e.sendKeys(text);
        }
    }

    /** The message PrimeFaces shows next to a field of the check-in form. */
    private static String fieldMessage(Browser browser, String field) {
        By message = By.cssSelector("[id='checkin'] .ks-form-row:has([id='checkin:" + field + "']) .ui-message");
        return browser.until("a message at " + field, d -> {
            String t = d.findElements(message).stream().map(WebElement::getText).reduce("", String::concat);
            return t.isBlank() ? null : t;
        });
    }
}
