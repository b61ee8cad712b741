package com.keystone.okr.web.browser;

import static com.keystone.okr.web.browser.Api.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue 10's journeys of a lead: defining a ratio KPI on the KPI board (and being stopped, with the
 * message at the field, by a bad value), and carrying a team's unfinished OKRs into the next quarter
 * from the alignment page, with the report shown and the new cycle holding them with the last values
 * as starts.
 */
@ExtendWith(BrowserExtension.class)
class KpiAndCarryJourneysIT {

    /** Two measured KPIs of Marketing with today's measurements: orders 30, visits 120. */
    private static String[] ordersAndVisits(Api api) {
        String orders = Api.uniqueKey("ORD");
        String visits = Api.uniqueKey("VIS");
        expect(200, api.importCsv("admin", "kpis", String.join("\n",
                "kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation",
                orders + ",Acme/Marketing,Orders " + orders + ",HIGHER_IS_BETTER,LAGGING,50,20,SUM",
                visits + ",Acme/Marketing,Visits " + visits + ",HIGHER_IS_BETTER,LEADING,500,200,SUM") + "\n"));
        String today = LocalDate.now().toString();
        expect(201, api.post("admin", "kpis/" + orders + "/measurements", "{\"date\":\"" + today + "\",\"value\":30}"));
        expect(201, api.post("admin", "kpis/" + visits + "/measurements", "{\"date\":\"" + today + "\",\"value\":120}"));
        return new String[] {orders, visits};
    }

    private static void openNewKpi(Browser browser) {
        browser.go("/app/kpis.xhtml?unit=Acme/Marketing");
        browser.clickAjax(By.id("kpis:newKpi"));
        browser.visible(By.id("kpiEdit:key"));
    }

    private static void replace(Browser browser, By field, String text) {
        WebElement e = browser.clickable(field);
        e.click();
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"));
        e.sendKeys(Keys.DELETE);
        if (!text.isEmpty()) {
            e.sendKeys(text);
        }
    }

    /** Saves the dialog (scrolled to its button first: the dialog is taller than the window once messages show). */
    private static void save(Browser browser) {
        browser.js("arguments[0].scrollIntoView({block: 'center'});", browser.clickable(By.id("kpiEdit:save")));
        browser.settle();
        browser.clickAjax(By.id("kpiEdit:save"));
    }

    private static String fieldMessage(Browser browser, String field) {
        By message = By.cssSelector("[id='kpiEdit'] .ks-form-row:has([id='kpiEdit:" + field + "']) .ui-message");
        return browser.until("a message at " + field, d -> {
            String t = d.findElements(message).stream().map(WebElement::getText).reduce("", String::concat);
            return t.isBlank() ? null : t;
        });
    }

    @Test
    void aLeadDefinesARatioKpiOfTwoKpisAndSeesItsValueAndItsHistory(Browser browser, Api api) {
        String[] parts = ordersAndVisits(api);
        String key = Api.uniqueKey("CONV");
        browser.signInAs("marketing.lead");
        openNewKpi(browser);

        replace(browser, By.id("kpiEdit:key"), key);
        replace(browser, By.id("kpiEdit:name"), "Conversion " + key);
        replace(browser, By.id("kpiEdit:target"), "0.3");
        replace(browser, By.id("kpiEdit:warning"), "0.2");
        browser.choose("kpiEdit:source", "Ratio of two KPIs (numerator / denominator)", false);
        browser.visible(By.id("kpiEdit:numerator_input"));
        browser.complete("kpiEdit:numerator", parts[0], parts[0]);
        browser.complete("kpiEdit:denominator", "Visits " + parts[1], parts[1]);
        save(browser);

        By row = By.xpath("//tbody[@id='kpis:table_data']/tr[@data-ri][.//*[contains(normalize-space(), '" + key + " ·')]]");
        browser.until("the new KPI's row", d -> !d.findElements(row).isEmpty());
        String value = browser.driver().findElement(row).findElement(By.xpath("./td[3]")).getText();
        assertTrue(value.contains("0.25"), "30 orders / 120 visits: " + value);
        JsonObject stored = expect(200, api.get("admin", "kpis/" + key)).object();
        assertEquals(parts[0], stored.getString("numeratorKey"), stored.toString());
        assertEquals(parts[1], stored.getString("denominatorKey"), stored.toString());
        assertEquals("marketing.lead", stored.getString("owner"), "the lead who defined it owns it by default");

        browser.clickAjax(By.xpath("//tbody[@id='kpis:table_data']/tr[@data-ri][.//*[contains(normalize-space(), '" + key
                + " ·')]]//button[contains(@id,':history')]"));
        browser.until("the KPI's history says it was defined",
                d -> browser.text(By.id("auditHistory:body")).contains("KPI defined"));
    }

    @Test
    void aWarningOnTheWrongSideOfTheTargetAndTooManyDecimalsShowTheirMessagesAtTheFieldsAndStoreNothing(Browser browser,
                                                                                                      Api api) {
        String key = Api.uniqueKey("BAD");
        browser.signInAs("marketing.lead");
        openNewKpi(browser);

        replace(browser, By.id("kpiEdit:key"), key);
        replace(browser, By.id("kpiEdit:name"), "Bad thresholds");
        replace(browser, By.id("kpiEdit:target"), "10");
        replace(browser, By.id("kpiEdit:warning"), "20");
        save(browser);
        String warning = fieldMessage(browser, "warning");
        assertTrue(warning.contains("20") && warning.contains("10"), "the message says both thresholds: " + warning);
        expect(404, api.get("admin", "kpis/" + key));

        replace(browser, By.id("kpiEdit:warning"), "5");
        replace(browser, By.id("kpiEdit:target"), "0.00000000001");
        save(browser);
        String target = fieldMessage(browser, "target");
        assertTrue(target.contains("10"), "the message says how many decimals a figure keeps: " + target);
        expect(404, api.get("admin", "kpis/" + key));
        assertTrue(browser.visible(By.id("kpiEdit:save")).isDisplayed(), "the dialog stays open to correct the input");

        replace(browser, By.id("kpiEdit:target"), "12.5");
        save(browser);
        browser.until("the corrected KPI is stored", d -> api.get("admin", "kpis/" + key).status() == 200);
    }

    @Test
    void aLeadCarriesATeamsUnfinishedOkrsIntoTheNextQuarterAndSeesTheReport(Browser browser, Api api) {
        LocalDate today = LocalDate.now();
        String current = today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR);
        LocalDate later = today.plusMonths(3);
        String next = later.getYear() + "-Q" + later.get(IsoFields.QUARTER_OF_YEAR);
        String p = Api.uniqueKey("CY");
        String unit = "Acme/Marketing/Carry " + p;
        expect(200, api.importCsv("admin", "okrs", String.join("\n",
                "cycle,unit_path,objective_key,objective,kr_key,key_result,kr_type,start,target,kr_owner",
                current + "," + unit + "," + p + "-O1,Still open," + p + "-K1,Forty of a hundred,NUMERIC,0,100,alice",
                current + "," + unit + "," + p + "-O2,Done," + p + "-K2,Reached,NUMERIC,0,10,alice") + "\n"));
        expect(200, api.importCsv("admin", "checkins", String.join("\n", "cycle,kr_key,date,value",
                current + "," + p + "-K1," + today + ",40", current + "," + p + "-K2," + today + ",10") + "\n"));

        browser.signInAs("marketing.lead");
        browser.go("/app/alignment.xhtml?unit=" + Api.segment(unit));
        browser.clickAjax(By.id("carryOpen:carryOver"));
        browser.visible(By.id("carry:run"));
        assertEquals(unit, browser.driver().findElement(By.id("carry:unit_input")).getAttribute("value"),
                "the unit the page shows is proposed");
        assertEquals(next, browser.driver().findElement(By.id("carry:to")).getAttribute("value"), "the next quarter");
        browser.clickAjax(By.id("carry:run"));

        String summary = browser.until("the report", d -> d.findElements(By.id("carry-summary")).isEmpty() ? null
                : d.findElement(By.id("carry-summary")).getText());
        assertTrue(summary.contains("1 objectives and 1 key results carried from " + current + " into " + next), summary);
        assertTrue(browser.has(By.cssSelector("#carry-carried li[data-key='" + p + "-O1']")), browser.text(By.id("carry")));
        assertTrue(browser.has(By.cssSelector("#carry-skipped li[data-key='" + p + "-O2'][data-reason='FINISHED']")),
                browser.text(By.id("carry")));

        JsonObject k1 = expect(200, api.get("admin", "cycles/" + next + "/key-results/" + p + "-K1")).object();
        assertEquals(40, k1.getJsonNumber("start").intValue(), "the last value reached is the new start");
        assertEquals("alice", k1.getString("owner"));
        expect(404, api.get("admin", "cycles/" + next + "/objectives/" + p + "-O2"));
    }
}
