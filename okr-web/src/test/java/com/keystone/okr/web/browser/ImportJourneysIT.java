package com.keystone.okr.web.browser;

import static com.keystone.okr.web.browser.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 10's self-service imports, in a browser: an administrator imports people and then OKRs
 * through the upload page, each time with one bad row first (refused with its row, column and
 * reason, nothing stored), fixes the file, previews it (still nothing stored) and applies it; a
 * person so imported, given a temporary password, signs in and must change it before anything else.
 */
@ExtendWith(BrowserExtension.class)
class ImportJourneysIT {

    private final List<Path> files = new ArrayList<>();

    @AfterEach
    void deleteFiles() throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
        }
    }

    @Test
    void anAdminImportsPeopleAndOkrsWithABadRowFirstThenPreviewsAndApplies(Browser browser, Api api) {
        String lead = Api.uniqueKey("imp.lead").toLowerCase(Locale.ROOT);
        String member = Api.uniqueKey("imp.member").toLowerCase(Locale.ROOT);
        String header = "username,name,email,global_role,unit_roles,active\n";
        String good = lead + ",Lena Imported," + lead + "@acme.example,,LEAD:Acme/Marketing/Content,true\n";

        browser.signInAs("admin");
        browser.openSubmenu("nav:m-admin", "nav:m-imports");
        browser.clickToNewPage(By.id("nav:m-imports"));
        assertEquals("/app/admin/imports.xhtml", browser.path());

        // the template of the people import: its header is the import's columns
        browser.clickAjax(By.cssSelector("button[id$=':template'][data-kind='people']"));
        String template = read(browser.awaitDownload("keystone-people-template.csv"));
        assertTrue(template.startsWith("username,name,email,global_role,unit_roles,active\r\n"), template);

        // people, with one bad row: refused at its row and column, nothing stored
        upload(browser, "People", header + good + member + ",Max Imported,,,MEMBER:Acme/Atlantis,\n");
        assertEquals("refused", state(browser));
        WebElement error = browser.driver().findElement(By.cssSelector("[id='result:errors_data'] tr"));
        assertEquals("3", error.findElement(By.cssSelector(".ks-row")).getText().strip(), error.getText());
        assertEquals("unit_roles", error.findElement(By.cssSelector(".ks-column")).getText().strip());
        assertTrue(error.findElement(By.cssSelector(".ks-problem")).getText().contains("No unit 'Acme/Atlantis'"),
                error.getText());
        assertFalse(browser.has(By.id("result:apply")), "a refused file cannot be applied");
        assertEquals(404, api.get("admin", "people/" + lead).status(), "nothing stored");

        // fixed: the preview lists both as created, and still stores nothing
        String people = header + good + member + ",Max Imported,,,MEMBER:Acme/Marketing/Content,\n";
        upload(browser, "People", people);
        assertEquals("preview", state(browser));
        assertTrue(browser.text(By.id("summary")).contains("2 created, 0 updated, 0 unchanged"), browser.text(By.id("summary")));
        assertEquals("CREATED", change(browser, lead));
        assertEquals("CREATED", change(browser, member));
        assertEquals(404, api.get("admin", "people/" + lead).status(), "a preview stores nothing");

        apply(browser);
        assertEquals("applied", state(browser));
        assertTrue(browser.text(By.id("result:messages")).contains("Imported: 2 created"), browser.text(By.id("result")));
        JsonObject stored = expect(200, api.get("admin", "people/" + lead)).object();
        assertEquals("LEAD:Acme/Marketing/Content", stored.getString("unitRoles"));
        assertFalse(stored.getBoolean("passwordSet"));

        // the same file again changes nothing
        upload(browser, "People", people);
        assertTrue(browser.text(By.id("summary")).contains("0 created, 0 updated, 2 unchanged"), browser.text(By.id("summary")));
        browser.clickAjax(By.id("result:discard"));
        assertFalse(browser.has(By.id("result:panel")), "discarded");

        // OKRs owned by the imported lead, one row with a target equal to its start first
        String cycle = api.currentCycle();
        String o = Api.uniqueKey("IMP");
        String okrHeader = "cycle,unit_path,objective_key,objective,parent_objective_key,objective_owner,kr_key,key_result,"
                + "kr_type,start,target,kr_owner\n";
        String kr1 = cycle + ",Acme/Marketing/Content," + o + ",Stories customers share,MK-1," + lead + "," + o
                + "-KR1,Publish case studies,NUMERIC,0,12," + lead + "\n";
        upload(browser, "OKRs", okrHeader + kr1 + cycle + ",Acme/Marketing/Content," + o + ",Stories customers share,MK-1,"
                + lead + "," + o + "-KR2,Get shared,NUMERIC,5,5," + member + "\n");
        assertEquals("refused", state(browser));
        assertTrue(browser.has(By.xpath("//tbody[@id='result:errors_data']/tr[td//*[@data-row='3']]"
                + "[td//*[contains(@class,'ks-column') and normalize-space()='target']]")), browser.text(By.id("result")));
        assertEquals(404, api.get("hr", "cycles/" + cycle + "/objectives/" + o).status(), "nothing stored");

        upload(browser, "OKRs", okrHeader + kr1 + cycle + ",Acme/Marketing/Content," + o + ",Stories customers share,MK-1,"
                + lead + "," + o + "-KR2,Get shared,NUMERIC,5,50," + member + "\n");
        assertEquals("preview", state(browser));
        assertEquals("CREATED", change(browser, cycle + "/" + o));
        assertEquals(404, api.get("hr", "cycles/" + cycle + "/objectives/" + o).status(), "a preview stores nothing");
        apply(browser);
        assertEquals("applied", state(browser));
        JsonObject objective = expect(200, api.get("hr", "cycles/" + cycle + "/objectives/" + o)).object();
        assertEquals(lead, objective.getString("owner"));
        assertEquals("MK-1", objective.getString("parentKey"));
        assertEquals(member, expect(200, api.get("hr", "cycles/" + cycle + "/key-results/" + o + "-KR2")).object()
                .getString("owner"));
        assertTrue(browser.scriptErrors().isEmpty(), browser.scriptErrors().toString());
    }

    @Test
    void anImportedPersonGivenATemporaryPasswordMustChangeItAtTheirFirstSignIn(Browser browser, Api api) {
        String who = Api.uniqueKey("imp.new").toLowerCase(Locale.ROOT);
        expect(200, api.importCsv("admin", "people", "username,name,unit_roles\n" + who + ",Nia Newcomer,MEMBER:Acme/Sales\n"));

        // no password yet: no way in
        browser.signIn(who, "anything-at-all-long");
        assertEquals("/login.xhtml", browser.path());

        // an administrator sets a temporary one in the people page
        browser.signInAs("admin");
        browser.go("/app/admin/people.xhtml");
        browser.type(By.id("people:search"), who);
        By reset = By.cssSelector("button[id$=':reset'][data-username='" + who + "']");
        browser.until("the search finds the person", d -> browser.has(reset));
        browser.clickAjax(reset);
        browser.type(By.id("resetDialog:password"), "temporary-pass-123");
        browser.clickAjax(By.id("resetDialog:save"));
        browser.until("the password is reset", d -> browser.bodyText().contains("must change it at their next sign-in"));
        assertTrue(expect(200, api.get("admin", "people/" + who)).object().getBoolean("passwordTemporary"));
        browser.signOut();

        // the API refuses it, saying why
        String refused = api.get(who, "cycles", "temporary-pass-123").body();
        assertTrue(refused.contains("temporary"), refused);

        // the person signs in with it: the password page, and no other page, until they choose their own
        browser.signIn(who, "temporary-pass-123");
        assertEquals("/app/password.xhtml", browser.path(), browser.bodyText());
        assertTrue(browser.text(By.id("password:temporary")).contains("temporary"), browser.text(By.id("password")));
        browser.go("/app/index.xhtml");
        assertEquals("/app/password.xhtml", browser.path(), "My work waits");
        browser.go("/app/admin/people.xhtml");
        assertEquals("/app/password.xhtml", browser.path());
        BrowserSecurityIT.changePassword(browser, "temporary-pass-123", "nia-chose-this-one");
        assertEquals("/app/index.xhtml", browser.path(), browser.bodyText());
        assertEquals("Nia Newcomer", browser.userMenuLabel());
        assertFalse(expect(200, api.get("admin", "people/" + who)).object().getBoolean("passwordTemporary"));
        assertEquals(200, api.get(who, "cycles", "nia-chose-this-one").status());
    }

    // ---- the page's moves -------------------------------------------------------------------

    /** Picks the kind, chooses a file with this text and previews it (a full page post). */
    private void upload(Browser browser, String kindLabel, String csv) {
        browser.choose("imports:kind", kindLabel, false);
        Path file;
        try {
            file = Files.createTempFile("keystone-import-", ".csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(file);
        browser.driver().findElement(By.id("imports:file")).sendKeys(file.toAbsolutePath().toString());
        browser.clickToNewPage(By.id("imports:preview"));
    }

    private static void apply(Browser browser) {
        browser.clickAjax(By.id("result:apply"));
        browser.clickAjax(By.id("confirmYes"));
        browser.until("the file is applied", d -> "applied".equals(state(browser)));
    }

    /** refused, preview or applied. */
    private static String state(Browser browser) {
        return browser.has(By.id("summary")) ? browser.driver().findElement(By.id("summary")).getAttribute("data-state") : null;
    }

    /** What the preview says happens to a key (CREATED, UPDATED, UNCHANGED). */
    private static String change(Browser browser, String key) {
        return browser.driver().findElement(By.xpath("//tbody[@id='result:lines_data']/tr[td//*[@data-key="
                + Browser.xpathLiteral(key) + "]]//*[@data-change]")).getAttribute("data-change");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
