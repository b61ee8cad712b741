package com.keystone.okr.web.browser;

import static com.keystone.okr.web.browser.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The pages beyond "My work", each used by the role it is for: every page opens without a
 * script error; a lead creates an objective aligned to the company's in the editor and finds it in the alignment
 * tree and in the company objective's roll-up; an administrator creates a unit and a person who then signs
 * in; HR downloads the quarterly review in each format.
 */
@ExtendWith(BrowserExtension.class)
class BrowserPagesIT {

    /** Every page of the application, as the administrator (who may open them all) sees it. */
    private static final List<String> PAGES = List.of("/app/index.xhtml", "/app/alignment.xhtml",
            "/app/objective.xhtml?key=MK-1", "/app/editor.xhtml?parent=MK-1", "/app/editor.xhtml?key=MK-1",
            "/app/kpis.xhtml", "/app/coach.xhtml", "/app/review.xhtml", "/app/admin/units.xhtml",
            "/app/admin/people.xhtml", "/app/admin/cycles.xhtml", "/app/admin/imports.xhtml", "/app/password.xhtml");

    @Test
    void everyPageOpensForAnAdministratorWithAHeadingAndNoScriptError(Browser browser) {
        browser.signInAs("admin");
        List<String> problems = new ArrayList<>();
        for (String page : PAGES) {
            browser.go(page);
            String title = browser.driver().getTitle();
            if (!browser.path().startsWith("/app/") || title.startsWith("Something went wrong")
                    || title.startsWith("This page expired")) {
                problems.add(page + " showed '" + title + "' at " + browser.driver().getCurrentUrl());
                continue;
            }
            if (!browser.has(By.tagName("h1")) || browser.text(By.tagName("h1")).isBlank()) {
                problems.add(page + " has no heading");
            }
            if (!browser.scriptErrors().isEmpty()) {
                problems.add(page + " had script errors: " + browser.scriptErrors());
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyPageFitsA1280PixelScreenAndAPhoneWithoutSidewaysScrolling(Browser browser) {
        browser.signInAs("admin");
        List<String> problems = new ArrayList<>();
        for (String page : PAGES) {
            browser.go(page);
            long width = (Long) browser.js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
            if (width > Browser.WIDTH + 1) {
                problems.add("1280 px: " + page + " is " + width + " px wide; sticking out: " + tooWide(browser));
            }
            // on a desktop screen no table should need its own scrollbar either
            Object scrolling = browser.js("return Array.from(document.querySelectorAll('.ui-datatable-tablewrapper'))"
                    + ".filter(w => w.offsetParent !== null && w.scrollWidth > w.clientWidth + 1)"
                    + ".map(w => (w.closest('[id]') || w).id + ' ' + w.scrollWidth + '>' + w.clientWidth);");
            if (!((List<?>) scrolling).isEmpty()) {
                problems.add("1280 px: " + page + " has tables wider than their card: " + scrolling);
            }
        }
        browser.emulatePhone(390, 844);
        for (String page : PAGES) {
            browser.go(page);
            assertEquals(390L, browser.js("return window.innerWidth;"), "the viewport is a phone's");
            long width = (Long) browser.js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);");
            if (width > 390 + 1) {
                problems.add("390 px: " + page + " is " + width + " px wide; sticking out: " + tooWide(browser));
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** The elements that stick out of the viewport, for the failure message. */
    private static Object tooWide(Browser browser) {
        return browser.js("return Array.from(document.querySelectorAll('body *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".slice(0, 6).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' right='"
                + " + Math.round(e.getBoundingClientRect().right));");
    }

    @Test
    void aLeadCreatesAnObjectiveAlignedToTheCompanysAndTheCompanyRollUpChanges(Browser browser, Api api) {
        String key = Api.uniqueKey("ED");
        browser.signInAs("marketing.lead");
        browser.go("/app/objective.xhtml?key=CO-2");
        String progressBefore = browser.text(By.id("objective:progress"));
        JsonObject rollupBefore = expect(200, api.get("hr", "cycles/" + api.currentCycle() + "/rollup")).object();

        browser.go("/app/alignment.xhtml");
        browser.clickToNewPage(By.id("newObjective"));
        assertEquals("/app/editor.xhtml", browser.path());
        browser.type(By.id("editor:key"), key);
        browser.choose("editor:unit", "Acme/Marketing/Content", false);
        browser.type(By.id("editor:title"), "Content that converts");
        browser.chooseStartingWith("editor:parent", "CO-2 ");
        browser.type(By.id("editor:krs:0:krKey"), key + "-KR1");
        browser.type(By.id("editor:krs:0:krTitle"), "Publish twelve case studies");
        browser.type(By.id("editor:krs:0:krStart"), "0");
        browser.type(By.id("editor:krs:0:krTarget"), "12");
        browser.clickToNewPage(By.id("editor:save"));

        assertEquals("/app/objective.xhtml", browser.path(), "saving opens the new objective:\n" + browser.bodyText());
        assertTrue(browser.bodyText().contains(key + " · Content that converts"), browser.bodyText());
        JsonObject stored = expect(200, api.get("hr", "cycles/" + api.currentCycle() + "/objectives/" + key)).object();
        assertEquals("CO-2", stored.getString("parentKey"));
        assertEquals("Acme/Marketing/Content", stored.getString("unitPath"));

        // the alignment tree shows it below the company's objective
        browser.go("/app/alignment.xhtml");
        browser.clickAjax(By.id("alignment:expandAll"));
        WebElement node = browser.visible(By.cssSelector(".ok-node[data-key='" + key + "']"));
        assertTrue(node.getText().contains("Content that converts"), node.getText());
        List<WebElement> parentNodes = node.findElements(By.xpath(
                "ancestor::li[contains(@class,'ui-treenode')][2]/*[contains(@class,'ui-treenode-content')]"
                        + "//div[contains(@class,'ok-node')][@data-key='CO-2']"));
        assertEquals(1, parentNodes.size(), "the new objective's node hangs below CO-2's");

        // the company objective now counts it: a new contributor at 0% pulls its progress down
        browser.go("/app/objective.xhtml?key=CO-2");
        String contributors = browser.text(By.id("objective:contributors"));
        assertTrue(contributors.contains(key), "CO-2's roll-up lists the new objective: " + contributors);
        JsonObject rollupAfter = expect(200, api.get("hr", "cycles/" + api.currentCycle() + "/rollup")).object();
        assertTrue(progress(rollupAfter, "CO-2") < progress(rollupBefore, "CO-2"),
                "CO-2's progress falls: " + progress(rollupBefore, "CO-2") + " → " + progress(rollupAfter, "CO-2"));
        assertTrue(companyProgress(rollupAfter) < companyProgress(rollupBefore),
                "and so does the company's: " + companyProgress(rollupBefore) + " → " + companyProgress(rollupAfter));
        assertNotEquals(progressBefore, browser.text(By.id("objective:progress")),
                "the page shows the company objective's new progress");
        String history = browser.text(By.id("objective-history"));
        assertTrue(history.contains("Objective aligned to this one") && history.contains(key)
                && history.contains("Mia Lindqvist"), "CO-2's history says who aligned what to it:\n" + history);
    }

    @Test
    void anAdministratorCreatesAUnitAndAPersonInItWhoThenSignsIn(Browser browser, Api api) {
        String suffix = Api.uniqueKey("G").toLowerCase(java.util.Locale.ROOT);
        String unitName = "Growth " + suffix;
        String unitPath = "Acme/Marketing/" + unitName;
        String username = "tester." + suffix;
        String password = "browser-" + suffix + "-pw";

        browser.signInAs("admin");
        browser.go("/app/admin/units.xhtml");
        browser.clickAjax(By.cssSelector("button[id$=':addChild'][data-path='Acme/Marketing']"));
        browser.type(By.id("unitDialog:name"), unitName);
        browser.clickAjax(By.id("unitDialog:save"));
        browser.until("the unit is created", d -> browser.bodyText().contains("Unit " + unitPath + " created."));
        assertTrue(browser.has(By.cssSelector("[data-path='" + unitPath + "']")), "the tree shows the new unit");
        expect(200, api.get("admin", "units/" + Api.segment("Acme") + "/" + Api.segment("Marketing") + "/"
                + Api.segment(unitName)));

        browser.go("/app/admin/people.xhtml");
        browser.clickAjax(By.id("people:create"));
        browser.type(By.id("personDialog:username"), username);
        browser.type(By.id("personDialog:displayName"), "Tess Browser");
        browser.type(By.id("personDialog:password"), password);
        browser.clickAjax(By.id("personDialog:addMembership"));
        browser.choose("personDialog:memberships:0:unit", unitPath, false);
        browser.clickAjax(By.id("personDialog:save"));
        browser.until("the person is created", d -> browser.bodyText().contains("Person " + username + " created."));
        JsonObject person = expect(200, api.get("admin", "people/" + username)).object();
        assertTrue(person.toString().contains(unitPath), "a member of the new unit: " + person);

        browser.signOut();
        browser.signIn(username, password);
        assertEquals("/app/password.xhtml", browser.path(), "the password an admin set is temporary:\n" + browser.bodyText());
        BrowserSecurityIT.changePassword(browser, password, password + "-mine");
        password = password + "-mine";
        assertEquals("/app/index.xhtml", browser.path(), "the new person signs in:\n" + browser.bodyText());
        assertEquals("Tess Browser", browser.userMenuLabel());
        assertFalse(browser.has(By.id("nav:m-admin")), "a new member is no administrator");

        // the administrator deactivates them, after confirming; they can no longer sign in
        browser.signOut();
        browser.signInAs("admin");
        browser.go("/app/admin/people.xhtml");
        assertFalse(browser.has(By.cssSelector("button[id$=':deactivate'][data-username='admin']")),
                "an administrator is not offered to deactivate themselves");
        browser.type(By.id("people:search"), username.toUpperCase(java.util.Locale.ROOT));
        browser.until("the search finds the new person alone", d -> browser.driver()
                .findElements(By.cssSelector("[id='people:table_data'] .ks-username")).size() == 1
                && browser.has(By.cssSelector("button[id$=':deactivate'][data-username='" + username + "']")));
        browser.clickAjax(By.cssSelector("button[id$=':deactivate'][data-username='" + username + "']"));
        browser.clickAjax(By.id("confirmYes"));
        browser.until("the person is deactivated", d -> browser.bodyText().contains(username + " can no longer sign in"));
        assertFalse(expect(200, api.get("admin", "people/" + username)).object().getBoolean("active"));
        browser.signOut();
        browser.signIn(username, password);
        assertEquals("/login.xhtml", browser.path(), "a deactivated person stays on the sign-in page");
    }

    @Test
    void anAdministratorCreatesActivatesAndClosesACycleAfterConfirming(Browser browser, Api api) {
        String name = Api.uniqueKey("Pilot");
        browser.signInAs("admin");
        browser.go("/app/admin/cycles.xhtml");

        // a name that is not a quarter needs both dates; Save without them says so and stores nothing
        browser.clickAjax(By.id("cycles:create"));
        browser.type(By.id("cycleDialog:name"), name);
        browser.driver().findElement(By.id("cycleDialog:name")).sendKeys(org.openqa.selenium.Keys.TAB);
        browser.settle();
        browser.clickAjax(By.id("cycleDialog:save"));
        browser.until("the missing start date is named", d -> browser.text(By.id("cycleDialog")).toLowerCase(java.util.Locale.ROOT)
                .contains("start date"));
        assertEquals(404, api.get("admin", "cycles/" + name).status(), "nothing stored");

        browser.type(By.id("cycleDialog:start_input"), "2031-01-05");
        browser.driver().findElement(By.id("cycleDialog:start_input")).sendKeys(org.openqa.selenium.Keys.TAB);
        browser.type(By.id("cycleDialog:end_input"), "2031-03-29");
        browser.driver().findElement(By.id("cycleDialog:end_input")).sendKeys(org.openqa.selenium.Keys.TAB);
        browser.settle();
        browser.clickAjax(By.id("cycleDialog:save"));
        browser.until("the cycle is created", d -> browser.bodyText().contains("Cycle " + name + " created"));
        assertEquals("PLANNING", expect(200, api.get("admin", "cycles/" + name)).object().getString("state"));

        browser.clickAjax(By.cssSelector("button[id$=':activate'][data-cycle='" + name + "']"));
        browser.until("the cycle is active", d -> browser.bodyText().contains("Cycle " + name + " is active"));
        assertEquals("ACTIVE", expect(200, api.get("admin", "cycles/" + name)).object().getString("state"));

        // closing asks first, and cancelling changes nothing
        browser.clickAjax(By.cssSelector("button[id$=':close'][data-cycle='" + name + "']"));
        assertTrue(browser.visible(By.id("closeDialog:explain")).getText().contains("freezes every grade"));
        browser.clickAjax(By.id("closeDialog:cancel"));
        assertEquals("ACTIVE", expect(200, api.get("admin", "cycles/" + name)).object().getString("state"));
        browser.clickAjax(By.cssSelector("button[id$=':close'][data-cycle='" + name + "']"));
        browser.clickAjax(By.id("closeDialog:confirm"));
        browser.until("the cycle is closed", d -> browser.bodyText().contains("Cycle " + name + " is closed"));
        assertEquals("CLOSED", expect(200, api.get("admin", "cycles/" + name)).object().getString("state"));
    }

    @Test
    void hrDownloadsTheQuarterlyReviewAsExcelPdfAndCsv(Browser browser) throws IOException {
        browser.signInAs("hr");
        browser.go("/app/review.xhtml");
        assertTrue(browser.has(By.id("review:exportXlsx")), "HR sees the exports:\n" + browser.bodyText());

        browser.clickable(By.id("review:exportXlsx")).click();
        Path xlsx = browser.awaitDownload(".xlsx");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Unit", sheet.getRow(0).getCell(0).getStringCellValue(), "the header row");
            assertTrue(sheet.getLastRowNum() >= 5, "a row per unit: " + sheet.getLastRowNum());
            assertTrue(cells(sheet).contains("Acme"), "the company is in it: " + cells(sheet));
        }

        browser.clickable(By.id("review:exportPdf")).click();
        Path pdf = browser.awaitDownload(".pdf");
        byte[] pdfBytes = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(pdfBytes, 0, 4, StandardCharsets.US_ASCII), "a PDF file");
        assertTrue(pdfBytes.length > 1000, "with content: " + pdfBytes.length + " bytes");

        browser.clickable(By.id("review:exportCsv")).click();
        Path csv = browser.awaitDownload(".csv");
        String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
        assertTrue(text.startsWith("Unit,"), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("Acme,") || l.startsWith("\"Acme\"")), text);

        assertEquals("/app/review.xhtml", browser.path(), "the page stays where it was");
        assertTrue(browser.scriptErrors().isEmpty(), browser.scriptErrors().toString());
    }

    /** An objective's progress in a roll-up answer (units → objectives). */
    private static double progress(JsonObject rollup, String key) {
        return rollup.getJsonArray("units").getValuesAs(JsonObject.class).stream()
                .flatMap(u -> u.getJsonArray("objectives").getValuesAs(JsonObject.class).stream())
                .filter(o -> o.getString("key").equals(key)).findFirst().orElseThrow()
                .getJsonNumber("progress").doubleValue();
    }

    /** The company unit's (the first unit's) progress in a roll-up answer. */
    private static double companyProgress(JsonObject rollup) {
        JsonObject company = rollup.getJsonArray("units").getJsonObject(0);
        assertEquals("Acme", company.getString("path"));
        return company.getJsonNumber("progress").doubleValue();
    }

    private static List<String> cells(Sheet sheet) {
        List<String> all = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                all.add(cell.toString());
            }
        }
        return all;
    }
}
