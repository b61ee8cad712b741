package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/v1/cycles/{cycle}/carry-over} against the real WAR in Payara Micro with the demo
 * company: a lead carries a team's unfinished OKRs into the next quarter and reads the report, a second
 * carry carries nothing new, bad input is a 400 naming the field, a lead of another unit a 403, and
 * nothing is stored by a refused call. Each test makes its own team under a unique name.
 */
@ExtendWith(ArquillianExtension.class)
class CarryOverIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now();
    private static final String CURRENT = quarterOf(TODAY);
    private static final String NEXT = quarterOf(TODAY.plusMonths(3));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.productWar();
    }

    @ArquillianResource
    URL base;

    private ApiClient client;

    private ApiClient api() {
        if (client == null) {
            assertNotNull(base, "Arquillian gives the deployment's URL");
            client = new ApiClient(base);
        }
        return client;
    }

    @AfterEach
    void neverA500() {
        if (client != null) {
            List<String> errors = client.takeServerErrors();
            assertTrue(errors.isEmpty(), "server errors: " + errors);
        }
    }

    /** A new team under Sales (whose lead is sales.lead) with an unfinished and a finished objective of the current quarter. */
    private String team(String p) {
        String unit = "Acme/Sales/Carry " + p;
        expect(200, api().importCsv("admin", "okrs", String.join("\n",
                "cycle,unit_path,objective_key,objective,kr_key,key_result,kr_type,start,target,kr_owner",
                CURRENT + "," + unit + "," + p + "-O1,Open one," + p + "-K1,Half way,NUMERIC,0,100,alice",
                CURRENT + "," + unit + "," + p + "-O1,Open one," + p + "-K2,Not begun,NUMERIC,5,15,",
                CURRENT + "," + unit + "," + p + "-O2,Done one," + p + "-K3,Reached,NUMERIC,0,10,alice") + "\n"));
        expect(200, api().importCsv("admin", "checkins", String.join("\n", "cycle,kr_key,date,value",
                CURRENT + "," + p + "-K1," + TODAY + ",42.5",
                CURRENT + "," + p + "-K3," + TODAY + ",10") + "\n"));
        return unit;
    }

    private static String body(String to, String unit) {
        return "{\"to\":\"" + to + "\",\"unfinishedOnly\":true,\"unit\":\"" + unit + "\"}";
    }

    @Test
    void aLeadCarriesTheTeamsUnfinishedOkrsIntoTheNextQuarterAndASecondCarryCarriesNothingNew() {
        String p = unique();
        String unit = team(p);

        JsonObject report = expect(200, api().post("sales.lead", "cycles/" + CURRENT + "/carry-over", body(NEXT, unit))).object();

        assertEquals(CURRENT, report.getString("from"));
        assertEquals(NEXT, report.getString("to"));
        assertEquals(unit, report.getString("unit"));
        assertEquals(1, report.getInt("objectivesCarried"), report.toString());
        assertEquals(2, report.getInt("keyResultsCarried"), report.toString());
        JsonObject o1 = report.getJsonArray("carried").getJsonObject(0);
        assertEquals(p + "-O1", o1.getString("key"));
        assertEquals(p + "-K1", o1.getJsonArray("keyResults").getJsonObject(0).getString("key"));
        assertEquals(42.5, o1.getJsonArray("keyResults").getJsonObject(0).getJsonNumber("start").doubleValue());
        assertTrue(report.getJsonArray("skipped").getValuesAs(JsonObject.class).stream().anyMatch(s -> s.getString("key")
                .equals(p + "-O2") && s.getString("reason").equals("FINISHED") && s.getString("type").equals("objective")),
                report.toString());

        JsonObject k1 = expect(200, api().get("hr", "cycles/" + NEXT + "/key-results/" + p + "-K1")).object();
        assertEquals(42.5, k1.getJsonNumber("start").doubleValue(), "the last value reached is the new start");
        assertEquals(100, k1.getJsonNumber("target").intValue());
        assertEquals("alice", k1.getString("owner"));
        JsonObject k2 = expect(200, api().get("hr", "cycles/" + NEXT + "/key-results/" + p + "-K2")).object();
        assertEquals(5, k2.getJsonNumber("start").intValue(), "without a check-in the start stays");
        expect(404, api().get("hr", "cycles/" + NEXT + "/objectives/" + p + "-O2"));
        JsonObject rollup = expect(200, api().get("hr", "cycles/" + NEXT + "/rollup?unit=" + ApiClient.unitPath(unit)))
                .object();
        assertEquals(p + "-O1", rollup.getJsonArray("units").getJsonObject(0).getJsonArray("objectives").getJsonObject(0)
                .getString("key"), "the live model of the new cycle has it at once: " + rollup);
        String history = expect(200, api().get("admin", "audit?subject=objective:" + p + "-O1&cycle=" + NEXT)).body();
        assertTrue(history.contains("CARRIED_OVER") && history.contains("sales.lead"), history);

        JsonObject again = expect(200, api().post("sales.lead", "cycles/" + CURRENT + "/carry-over", body(NEXT, unit)))
                .object();
        assertEquals(0, again.getInt("objectivesCarried"), again.toString());
        assertTrue(again.getJsonArray("skipped").getValuesAs(JsonObject.class).stream().anyMatch(s -> s.getString("key")
                .equals(p + "-O1") && s.getString("reason").equals("ALREADY_THERE")), again.toString());
    }

    @Test
    void badInputIsA400NamingTheFieldALeadOfAnotherUnitA403AndNothingIsStored() {
        String p = unique();
        String unit = team(p);
        String path = "cycles/" + CURRENT + "/carry-over";

        assertEquals("to", expect(400, api().post("admin", path, "{\"unit\":\"" + unit + "\"}")).errors().get(0)
                .getString("column"));
        assertEquals("to", expect(400, api().post("admin", path, body("2001-Q1", unit))).errors().get(0).getString("column"));
        assertEquals("to", expect(400, api().post("admin", path, body("Someday", unit))).errors().get(0).getString("column"));
        assertEquals("to", expect(400, api().post("admin", path, body(CURRENT, unit))).errors().get(0).getString("column"));
        assertEquals("unit", expect(400, api().post("admin", path, body(NEXT, unit + "/Nowhere"))).errors().get(0)
                .getString("column"));
        assertEquals("unfinishedOnly", expect(400, api().post("admin", path,
                "{\"to\":\"" + NEXT + "\",\"unfinishedOnly\":\"yes\",\"unit\":\"" + unit + "\"}")).errors().get(0)
                .getString("column"));
        expect(403, api().post("marketing.lead", path, body(NEXT, unit)));
        expect(403, api().post("alice", path, body(NEXT, unit)));
        expect(403, api().post("sales.lead", path, "{\"to\":\"" + NEXT + "\"}"));
        expect(404, api().post("admin", "cycles/1999-Q1/carry-over", body(NEXT, unit)));

        expect(404, api().get("hr", "cycles/" + NEXT + "/objectives/" + p + "-O1"));
    }

    private static String quarterOf(LocalDate d) {
        return d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static String unique() {
        return "CO" + RUN + SEQ.incrementAndGet();
    }

    private static Answer expect(int status, Answer a) {
        if (a.status() != status) {
            throw new AssertionError("expected " + status + ": " + a);
        }
        return a;
    }
}
