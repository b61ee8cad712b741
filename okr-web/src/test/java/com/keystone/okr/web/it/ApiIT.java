package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.web.it.ApiClient.Answer;
import com.keystone.okr.web.security.SignInThrottle;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The REST API over HTTP, as integrations and the acceptance tests use it, against the real WAR
 * in Payara Micro with the demo company: every endpoint on its happy path, who may do what, bad
 * input (400 naming the field, row and column, nothing stored), unknown keys, stale versions,
 * and the business metrics. Tests that write make their own data under unique keys, so they do
 * not depend on each other's order; none may ever get a 5xx.
 */
@ExtendWith(ArquillianExtension.class)
class ApiIT {

    /** Unique in this run, so that data of one test never meets another's. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 5).toUpperCase(Locale.ROOT);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private static final LocalDate TODAY = LocalDate.now();
    private static final String CURRENT = quarterOf(TODAY);
    private static final String PREVIOUS = quarterOf(TODAY.minusMonths(3));
    private static final LocalDate CURRENT_START = TODAY.withMonth((TODAY.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1)
            .withDayOfMonth(1);

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

    // ------------------------------------------------------------------ cycles and results

    @Test
    void cyclesListTheActiveQuarterAndTheClosedPreviousOne() {
        JsonArray cycles = expect(200, api().get("hr", "cycles")).array();
        Map<String, String> states = cycles.getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("state")));
        assertEquals("ACTIVE", states.get(CURRENT), cycles.toString());
        assertEquals("CLOSED", states.get(PREVIOUS), cycles.toString());

        JsonObject current = expect(200, api().get("alice", "cycles/" + CURRENT)).object();
        assertEquals(CURRENT, current.getString("name"));
        assertEquals(CURRENT_START.toString(), current.getString("startDate"));
        assertEquals(CURRENT_START.plusMonths(3).minusDays(1).toString(), current.getString("endDate"));
        assertEquals("ACTIVE", current.getString("state"));
    }

    @Test
    void anAdminCreatesActivatesAndClosesACycleAndClosingFreezesTheGrades() {
        String cycle = "IT-" + unique();
        JsonObject created = expect(201, api().post("admin", "cycles",
                "{\"name\":\"" + cycle + "\",\"startDate\":\"2025-01-01\",\"endDate\":\"2025-03-31\"}")).object();
        assertEquals("PLANNING", created.getString("state"));
        assertEquals("2025-01-01", created.getString("startDate"));
        assertTrue(names(expect(200, api().get("alice", "cycles")).array(), "name").contains(cycle));

        String o = "CY-" + unique();
        expect(201, api().post("admin", "cycles/" + cycle + "/objectives",
                "{\"key\":\"" + o + "\",\"title\":\"Close a cycle\",\"unitPath\":\"Acme/Marketing\",\"owner\":\"marketing.lead\"}"));
        expect(201, api().post("admin", "cycles/" + cycle + "/objectives/" + o + "/key-results",
                "{\"key\":\"" + o + "-KR1\",\"title\":\"Reach ten\",\"type\":\"NUMERIC\",\"start\":0,\"target\":10,\"owner\":\"alice\"}"));

        assertEquals("ACTIVE", expect(200, api().post("admin", "cycles/" + cycle + "/activate", null)).object().getString("state"));
        expect(201, api().post("alice", "cycles/" + cycle + "/key-results/" + o + "-KR1/check-ins",
                "{\"date\":\"2025-02-15\",\"value\":7,\"confidence\":6}"));
        JsonObject before = keyResultIn(rollup("hr", cycle, null), o + "-KR1");
        assertEquals(0.7, before.getJsonNumber("progress").doubleValue(), 1e-9);
        assertFalse(before.containsKey("grade"), "no grade while the cycle is active: " + before);

        JsonObject closed = expect(200, api().post("admin", "cycles/" + cycle + "/close", null)).object();
        assertEquals("CLOSED", closed.getString("state"));
        JsonObject rollup = rollup("hr", cycle, null);
        assertEquals("CLOSED", rollup.getString("state"));
        assertEquals(0.7, keyResultIn(rollup, o + "-KR1").getJsonNumber("grade").doubleValue(), 1e-9);
        assertEquals(0.7, objectiveIn(rollup, o).getJsonNumber("grade").doubleValue(), 1e-9);
        assertTrue(objectiveIn(rollup, o).containsKey("band"));

        // R4: a later check-in does not change the frozen grade
        expect(201, api().post("alice", "cycles/" + cycle + "/key-results/" + o + "-KR1/check-ins",
                "{\"date\":\"2025-03-20\",\"value\":10}"));
        assertEquals(0.7, keyResultIn(rollup("hr", cycle, null), o + "-KR1").getJsonNumber("grade").doubleValue(), 1e-9);
        assertEquals("0.7", expect(200, api().get("hr", "cycles/" + cycle + "/key-results/" + o + "-KR1")).object()
                .getJsonObject("grade").getJsonNumber("computed").bigDecimalValue().toPlainString());

        assertError(400, "state", api().post("admin", "cycles/" + cycle + "/close", null));
        assertError(400, "state", api().post("admin", "cycles/" + cycle + "/activate", null));
    }

    @Test
    void gradesAppearOnlyInTheRollupOfAClosedCycle() {
        for (JsonObject u : units(rollup("hr", PREVIOUS, null))) {
            for (JsonObject o : u.getJsonArray("objectives").getValuesAs(JsonObject.class)) {
                assertTrue(o.containsKey("grade") && o.containsKey("band"), "graded: " + o.getString("key"));
                for (JsonObject k : o.getJsonArray("keyResults").getValuesAs(JsonObject.class)) {
                    assertTrue(k.containsKey("grade"), "graded: " + k.getString("key"));
                }
            }
        }
        for (JsonObject u : units(rollup("hr", CURRENT, null))) {
            for (JsonObject o : u.getJsonArray("objectives").getValuesAs(JsonObject.class)) {
                assertFalse(o.containsKey("grade"), "not graded: " + o);
                for (JsonObject k : o.getJsonArray("keyResults").getValuesAs(JsonObject.class)) {
                    assertFalse(k.containsKey("grade"), "not graded: " + k);
                }
            }
        }
    }

    @Test
    void theRollupListsEveryUnitInTreeOrderAndAUnitWithoutOkrsHasNoProgress() {
        // a sibling of Sales whose name sorts between "Acme/Sales" and "Acme/Sales/Inbound" as a string
        String name = "Sales-" + unique();
        expect(201, api().post("admin", "units", "{\"parentPath\":\"Acme\",\"name\":\"" + name + "\"}"));

        JsonObject rollup = rollup("hr", CURRENT, null);
        assertEquals(CURRENT, rollup.getString("cycle"));
        assertEquals(TODAY.toString(), rollup.getString("asOf"));
        List<JsonObject> units = units(rollup);
        List<String> paths = units.stream().map(u -> u.getString("path")).toList();
        List<String> allUnits = names(expect(200, api().get("hr", "units")).array(), "path");
        assertEquals(allUnits, paths, "every unit of the company, in the units list's order");
        List<String> treeOrder = new ArrayList<>(paths);
        treeOrder.sort(TREE_ORDER);
        assertEquals(treeOrder, paths, "path (tree) order: parents first, subtrees together");
        assertEquals("Acme", paths.get(0));

        JsonObject empty = unit(rollup, "Acme/" + name);
        assertEquals(JsonValue.ValueType.NULL, empty.get("progress").getValueType(), "no OKRs, no progress: " + empty);
        assertTrue(empty.getJsonArray("objectives").isEmpty());

        JsonObject acme = unit(rollup, "Acme");
        double progress = acme.getJsonNumber("progress").doubleValue();
        assertTrue(progress >= 0 && progress <= 1, acme.toString());
        JsonObject co1 = objectiveIn(rollup, "CO-1");
        assertTrue(co1.containsKey("progress") && co1.containsKey("pace"), co1.toString());
        assertTrue(Set.of("ON_TRACK", "AT_RISK", "OFF_TRACK").contains(co1.getString("pace")), co1.toString());
        List<String> krKeys = names(co1.getJsonArray("keyResults"), "key");
        assertEquals(List.of("CO-1-KR1", "CO-1-KR2", "CO-1-KR3"), krKeys);
        for (JsonObject kr : co1.getJsonArray("keyResults").getValuesAs(JsonObject.class)) {
            double p = kr.getJsonNumber("progress").doubleValue();
            assertTrue(p >= 0 && p <= 1, kr.toString());
            assertNotNull(kr.getJsonNumber("current"), kr.toString());
        }
        assertEquals("CO-1", objectiveIn(rollup, "CS-1").getString("parent"));
    }

    @Test
    void aUnitScopedRollupKpisAndFindingsAreTheWholeCompanysRowsOfThatSubtree() {
        JsonObject whole = rollup("hr", CURRENT, null);
        JsonObject marketing = expect(200, api().get("alice", "cycles/" + CURRENT + "/rollup?unit=Acme/Marketing")).object();
        List<JsonObject> expected = units(whole).stream().filter(u -> u.getString("path").equals("Acme/Marketing")
                || u.getString("path").startsWith("Acme/Marketing/")).toList();
        assertTrue(expected.size() > 1, "Marketing has teams: " + expected);
        assertEquals(expected, units(marketing), "the subtree's units, figures and order as in the whole roll-up");
        assertEquals(whole.getString("asOf"), marketing.getString("asOf"));

        JsonObject shallow = expect(200, api().get("hr", "cycles/" + CURRENT + "/rollup?unit=Acme&depth=1")).object();
        assertEquals(units(whole).stream().filter(u -> u.getInt("depth") <= 1).toList(), units(shallow),
                "depth=1: the company and its departments");
        JsonObject alone = expect(200, api().get("hr", "cycles/" + CURRENT + "/rollup?unit=Acme/Marketing&depth=0")).object();
        assertEquals(List.of(unit(whole, "Acme/Marketing")), units(alone));
        JsonObject topDown = expect(200, api().get("hr", "cycles/" + CURRENT + "/rollup?depth=0")).object();
        assertEquals(List.of(unit(whole, "Acme")), units(topDown), "depth alone starts at the company");

        Answer zipped = expect(200, api().send("GET", "cycles/" + CURRENT + "/rollup", "hr", ApiClient.DEMO_PASSWORD, null,
                null, Map.of("Accept-Encoding", "gzip")));
        assertEquals("gzip", zipped.header("Content-Encoding").orElse(null), "asked for gzip, answered in gzip");
        assertEquals(whole, zipped.object(), "the same roll-up");

        List<JsonObject> kpis = expect(200, api().get("hr", "cycles/" + CURRENT + "/kpis")).array().getValuesAs(JsonObject.class);
        List<JsonObject> marketingKpis = expect(200, api().get("hr", "cycles/" + CURRENT + "/kpis?unit=Acme/Marketing")).array()
                .getValuesAs(JsonObject.class);
        assertFalse(marketingKpis.isEmpty());
        assertEquals(kpis.stream().filter(k -> k.getString("unitPath").startsWith("Acme/Marketing")).toList(), marketingKpis);

        List<JsonObject> findings = expect(200, api().get("hr", "cycles/" + CURRENT + "/findings")).array()
                .getValuesAs(JsonObject.class);
        List<JsonObject> sales = expect(200, api().get("hr", "cycles/" + CURRENT + "/findings?unit=Acme/Sales")).array()
                .getValuesAs(JsonObject.class);
        assertEquals(findings.stream().filter(f -> f.getString("unitPath").equals("Acme/Sales")
                || f.getString("unitPath").startsWith("Acme/Sales/")).toList(), sales);
    }

    @Test
    void aScopeNamingNoUnitOrABadDepthIsRefusedNamingIt() {
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/rollup?unit=Acme/Nowhere"));
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/kpis?unit=Nowhere"));
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/findings?unit=Acme/Nowhere"));
        assertError(400, "depth", api().get("hr", "cycles/" + CURRENT + "/rollup?unit=Acme&depth=-1"));
        assertError(400, "depth", api().get("hr", "cycles/" + CURRENT + "/rollup?depth=two"));
        assertError(401, null, call("GET", "cycles/" + CURRENT + "/rollup?unit=Acme", null, null, null));
    }

    @Test
    void theRollupAsOfAPastDateShowsTheFiguresOfThatDay() {
        // a team of its own, so that the figures are exactly known whatever the day of the quarter
        String team = "Acme/Marketing/AsOf " + unique();
        expect(201, api().post("admin", "units", "{\"parentPath\":\"Acme/Marketing\",\"name\":\""
                + team.substring("Acme/Marketing/".length()) + "\"}"));
        String kr = newKeyResult(team, "alice");
        String path = "cycles/" + CURRENT + "/key-results/" + kr + "/check-ins";
        LocalDate earlier = TODAY.minusDays(10);
        expect(201, api().post("alice", path, "{\"date\":\"" + earlier + "\",\"value\":20}"));
        expect(201, api().post("alice", path, "{\"date\":\"" + TODAY + "\",\"value\":50}"));

        LocalDate between = TODAY.minusDays(5);
        JsonObject then = rollup("ceo", CURRENT, between);
        JsonObject now = rollup("ceo", CURRENT, null);
        assertEquals(between.toString(), then.getString("asOf"));
        assertEquals(20.0, keyResultIn(then, kr).getJsonNumber("current").doubleValue(), 1e-9);
        assertEquals(0.2, keyResultIn(then, kr).getJsonNumber("progress").doubleValue(), 1e-9);
        assertEquals(50.0, keyResultIn(now, kr).getJsonNumber("current").doubleValue(), 1e-9);
        assertEquals(0.2, unit(then, team).getJsonNumber("progress").doubleValue(), 1e-9);
        assertEquals(0.5, unit(now, team).getJsonNumber("progress").doubleValue(), 1e-9);
        JsonObject before = rollup("ceo", CURRENT, earlier.minusDays(1));
        assertEquals(0.0, keyResultIn(before, kr).getJsonNumber("progress").doubleValue(), 1e-9, "no check-in yet: c = s");

        // KPI values as of a date: only the measurements dated up to it (R6), inside the cycle
        if (TODAY.isAfter(CURRENT_START)) {
            String k = newKpi();
            expect(201, api().post("admin", "kpis/" + k + "/measurements", "{\"date\":\"" + CURRENT_START + "\",\"value\":5}"));
            expect(201, api().post("admin", "kpis/" + k + "/measurements", "{\"date\":\"" + TODAY + "\",\"value\":7}"));
            JsonObject kpiThen = kpi(expect(200, api().get("hr", "cycles/" + CURRENT + "/kpis?asOf=" + CURRENT_START)).array(), k);
            JsonObject kpiNow = kpi(expect(200, api().get("hr", "cycles/" + CURRENT + "/kpis")).array(), k);
            assertEquals(5, kpiThen.getJsonNumber("value").intValue(), kpiThen.toString());
            assertEquals(12, kpiNow.getJsonNumber("value").intValue(), "SUM: " + kpiNow);
        }
    }

    @Test
    void kpiValuesCoverEveryKpiAndTheConversionRateIsOrdersOverVisits() {
        String fresh = "NODATA-" + unique();
        expect(201, api().post("admin", "kpis", kpiJson(fresh, "Acme/Marketing/Brand", "HIGHER_IS_BETTER", 10, 5)));

        JsonArray values = expect(200, api().get("hr", "cycles/" + CURRENT + "/kpis")).array();
        Set<String> defined = new HashSet<>(names(expect(200, api().get("hr", "kpis")).array(), "key"));
        assertEquals(defined, new HashSet<>(names(values, "key")), "every KPI, once");
        assertEquals(defined.size(), values.size());

        JsonObject none = kpi(values, fresh);
        assertEquals(JsonValue.ValueType.NULL, none.get("value").getValueType(), none.toString());
        assertEquals("NO_DATA", none.getString("status"));

        JsonObject conv = kpi(values, "CONV");
        assertEquals("Acme/Sales", conv.getString("unitPath"));
        assertEquals("RATIO", conv.getString("source"));
        JsonObject orders = kpi(values, "ORDERS");
        JsonObject visits = kpi(values, "VISITS");
        if (isNull(orders, "value") || isNull(visits, "value") || visits.getJsonNumber("value").doubleValue() == 0) {
            // the first days of a quarter, before its first measurements: no numerator or denominator, no value
            assertTrue(isNull(conv, "value"), conv.toString());
            assertEquals("NO_DATA", conv.getString("status"));
        } else {
            assertEquals(orders.getJsonNumber("value").doubleValue() / visits.getJsonNumber("value").doubleValue(),
                    conv.getJsonNumber("value").doubleValue(), 1e-12, "R6: a ratio of the period values");
            assertTrue(Set.of("GREEN", "AMBER", "RED").contains(conv.getString("status")), conv.toString());
            double sum = 0;
            for (String child : List.of("VISITS-ORGANIC", "VISITS-PAID", "VISITS-SOCIAL")) {
                JsonObject c = kpi(values, child);
                sum += isNull(c, "value") ? 0 : c.getJsonNumber("value").doubleValue();
            }
            assertEquals(sum, visits.getJsonNumber("value").doubleValue(), 1e-6, "R6: VISITS rolls up its sources with SUM");
        }
    }

    @Test
    void theFindingsFlagTheDemoCompanysKnownProblems() {
        List<JsonObject> findings = expect(200, api().get("hr", "cycles/" + CURRENT + "/findings")).array()
                .getValuesAs(JsonObject.class);
        assertTrue(has(findings, "ORPHAN_OBJECTIVE", "OU-1"), findings.toString());
        assertTrue(has(findings, "TOO_FEW_KEY_RESULTS", "OU-1"), findings.toString());
        assertTrue(has(findings, "STALE_KEY_RESULT", "SU-1-KR2"), findings.toString());
        JsonObject f = findings.get(0);
        for (String field : List.of("code", "severity", "unitPath", "subject", "message")) {
            assertTrue(f.containsKey(field), field + " in " + f);
        }
        List<JsonObject> closed = expect(200, api().get("hr", "cycles/" + PREVIOUS + "/findings")).array()
                .getValuesAs(JsonObject.class);
        assertFalse(closed.stream().anyMatch(x -> x.getString("code").equals("STALE_KEY_RESULT")),
                "only an active cycle's key results go stale: " + closed);
    }

    // ------------------------------------------------------------------ day-to-day writes

    @Test
    void aCheckInIsStoredWithAuthorAndTimeAndTheHistoryListsOldestFirst() {
        String kr = newKeyResult("Acme/Marketing/Performance", "alice");
        String path = "cycles/" + CURRENT + "/key-results/" + kr + "/check-ins";
        JsonObject stored = expect(201, api().post("alice", path,
                "{\"date\":\"" + TODAY + "\",\"value\":42.5,\"confidence\":7,\"comment\":\"on the way\"}")).object();
        assertTrue(stored.getJsonNumber("id").longValue() > 0, stored.toString());
        assertEquals("alice", stored.getString("author"));
        assertFalse(stored.getString("recordedAt").isBlank());
        assertEquals(TODAY.toString(), stored.getString("date"));
        assertEquals(42.5, stored.getJsonNumber("value").doubleValue());
        assertEquals(7, stored.getInt("confidence"));
        assertEquals("on the way", stored.getString("comment"));

        // recorded later for an earlier day: listed first
        expect(201, api().post("perf.lead", path, "{\"date\":\"" + TODAY.minusDays(2) + "\",\"value\":30}"));
        List<JsonObject> history = expect(200, api().get("hr", path)).array().getValuesAs(JsonObject.class);
        assertEquals(List.of(TODAY.minusDays(2).toString(), TODAY.toString()),
                history.stream().map(c -> c.getString("date")).toList());
        assertEquals("perf.lead", history.get(0).getString("author"));
        assertEquals(42.5, keyResultIn(rollup("hr", CURRENT, null), kr).getJsonNumber("current").doubleValue(), 1e-9);
    }

    @Test
    void aSecondMeasurementForTheSameDateReplacesTheFirst() {
        String k = "MEAS-" + unique();
        expect(201, api().post("admin", "kpis", kpiJson(k, "Acme/Marketing/Performance", "HIGHER_IS_BETTER", 100, 80)
                .replace("}", ",\"owner\":\"alice\"}")));
        String path = "kpis/" + k + "/measurements";
        JsonObject first = expect(201, api().post("alice", path, "{\"date\":\"" + TODAY + "\",\"value\":0.031}")).object();
        assertEquals(k, first.getString("kpi"));
        assertEquals(0.031, first.getJsonNumber("value").doubleValue());
        expect(201, api().post("alice", path, "{\"date\":\"" + TODAY.minusDays(7) + "\",\"value\":0.02}"));
        JsonObject second = expect(200, api().post("perf.lead", path, "{\"date\":\"" + TODAY + "\",\"value\":0.035}")).object();
        assertEquals(0.035, second.getJsonNumber("value").doubleValue());

        List<JsonObject> history = expect(200, api().get("hr", path)).array().getValuesAs(JsonObject.class);
        assertEquals(List.of(TODAY.minusDays(7).toString(), TODAY.toString()),
                history.stream().map(m -> m.getString("date")).toList(), "one per date, oldest first");
        assertEquals(0.035, history.get(1).getJsonNumber("value").doubleValue());
    }

    @Test
    void objectivesAreListedCreatedReadWithAnETagAndChangedWithIfMatch() {
        List<String> keys = names(expect(200, api().get("alice", "cycles/" + CURRENT + "/objectives")).array(), "key");
        assertTrue(keys.containsAll(List.of("CO-1", "SA-1", "MK-1", "PF-1")), keys.toString());

        String key = "OBJ-" + unique();
        JsonObject created = expect(201, api().post("admin", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + key + "\",\"title\":\"Be found\",\"unitPath\":\"Acme/Marketing/Brand\","
                        + "\"owner\":\"marketing.lead\",\"parentKey\":\"MK-1\",\"weight\":2}")).object();
        assertEquals("MK-1", created.getString("parentKey"));
        assertEquals("Acme/Marketing/Brand", created.getString("unitPath"));
        assertTrue(names(expect(200, api().get("alice", "cycles/" + CURRENT + "/objectives")).array(), "key").contains(key));

        Answer got = expect(200, api().get("alice", "cycles/" + CURRENT + "/objectives/" + key));
        String etag = got.header("ETag").orElseThrow(() -> new AssertionError("no ETag: " + got.headers().map()));
        assertEquals("\"" + got.object().getJsonNumber("version").longValue() + "\"", etag);
        assertEquals("Be found", got.object().getString("title"));

        Answer changed = expect(200, api().put("admin", "cycles/" + CURRENT + "/objectives/" + key,
                "{\"title\":\"Be found first\"}", etag));
        assertEquals("Be found first", changed.object().getString("title"));
        assertEquals("MK-1", changed.object().getString("parentKey"), "PUT changes only the fields present");
        assertEquals(2, changed.object().getJsonNumber("weight").intValue());
        assertNotEquals(etag, changed.header("ETag").orElseThrow());
        assertEquals("Be found first", expect(200, api().get("hr", "cycles/" + CURRENT + "/objectives/" + key)).object()
                .getString("title"));
    }

    @Test
    void keyResultsAreCreatedReadAndChanged() {
        String o = newObjective("Acme/Marketing/Performance", "PF-1");
        String kr = o + "-KR1";
        JsonObject created = expect(201, api().post("perf.lead", "cycles/" + CURRENT + "/objectives/" + o + "/key-results",
                "{\"key\":\"" + kr + "\",\"title\":\"Cut CPA\",\"type\":\"CURRENCY\",\"start\":58,\"target\":45,\"owner\":\"alice\"}"))
                .object();
        assertEquals(o, created.getString("objectiveKey"));
        assertEquals("CURRENCY", created.getString("type"));
        assertEquals(45, created.getJsonNumber("target").intValue());
        assertTrue(expect(200, api().get("hr", "cycles/" + CURRENT + "/objectives/" + o)).object()
                .getJsonArray("keyResults").toString().contains(kr));

        Answer got = expect(200, api().get("alice", "cycles/" + CURRENT + "/key-results/" + kr));
        assertEquals("alice", got.object().getString("owner"));
        String etag = got.header("ETag").orElseThrow();
        JsonObject changed = expect(200, api().put("perf.lead", "cycles/" + CURRENT + "/key-results/" + kr,
                "{\"target\":40,\"weight\":0.5}", etag)).object();
        assertEquals(40, changed.getJsonNumber("target").intValue());
        assertEquals(58, changed.getJsonNumber("start").intValue(), "start kept");
        assertEquals(0.5, changed.getJsonNumber("weight").doubleValue());
        assertEquals("Cut CPA", changed.getString("title"));
    }

    @Test
    void aLeadOverridesAClosedCyclesGradeWithAReasonButTheOwnerCannot() {
        String kr = "cycles/" + PREVIOUS + "/key-results/MK-1-KR3";
        JsonObject before = expect(200, api().get("hr", kr)).object();
        assertNotNull(before.getJsonObject("grade"), "frozen when the cycle closed: " + before);

        // marketing.lead owns MK-1-KR3: the owner may not grade their own work; the CEO above may
        assertError(403, null, api().post("marketing.lead", kr + "/grade", "{\"grade\":1.0,\"reason\":\"mine\"}"));
        assertError(400, "reason", api().post("ceo", kr + "/grade", "{\"grade\":0.9}"));
        assertError(400, "grade", api().post("ceo", kr + "/grade", "{\"grade\":1.5,\"reason\":\"too much\"}"));
        JsonObject overridden = expect(200, api().post("ceo", kr + "/grade",
                "{\"grade\":0.9,\"reason\":\"the ROI figure came in late\"}")).object().getJsonObject("grade");
        assertEquals(0.9, overridden.getJsonNumber("override").doubleValue());
        assertEquals("the ROI figure came in late", overridden.getString("reason"));
        assertEquals("ceo", overridden.getString("by"));
        assertEquals(before.getJsonObject("grade").getJsonNumber("computed"), overridden.getJsonNumber("computed"));

        JsonObject inRollup = keyResultIn(rollup("hr", PREVIOUS, null), "MK-1-KR3");
        assertEquals(0.9, inRollup.getJsonNumber("grade").doubleValue());
        assertEquals(0.9, inRollup.getJsonNumber("gradeOverride").doubleValue());
        assertTrue(inRollup.containsKey("computedGrade"), inRollup.toString());

        // an objective's grade: PF-1 belongs to perf.lead, its lead above overrides it
        JsonObject pf1 = expect(200, api().post("marketing.lead", "cycles/" + PREVIOUS + "/objectives/PF-1/grade",
                "{\"grade\":0.6,\"reason\":\"the retargeting launch slipped for reasons outside the team\"}")).object();
        assertEquals(0.6, pf1.getJsonObject("grade").getJsonNumber("override").doubleValue());
        assertError(403, null, api().post("perf.lead", "cycles/" + PREVIOUS + "/objectives/PF-1/grade",
                "{\"grade\":1.0,\"reason\":\"mine\"}"));
        // nothing to override while a cycle runs
        assertError(400, "grade", api().post("admin", "cycles/" + CURRENT + "/key-results/MK-1-KR3/grade",
                "{\"grade\":0.5,\"reason\":\"early\"}"));
    }

    @Test
    void kpisAreListedDefinedReadAndChanged() {
        List<String> keys = names(expect(200, api().get("alice", "kpis")).array(), "key");
        assertTrue(keys.containsAll(List.of("NPS", "CONV", "VISITS", "LEADS", "CTR")), keys.toString());
        JsonObject conv = expect(200, api().get("alice", "kpis/CONV")).object();
        assertEquals("ORDERS", conv.getString("numeratorKey"));
        assertEquals("VISITS", conv.getString("denominatorKey"));
        assertEquals(List.of("VISITS-ORGANIC", "VISITS-PAID", "VISITS-SOCIAL"),
                expect(200, api().get("alice", "kpis/VISITS")).object().getJsonArray("children").getValuesAs(
                        (JsonValue v) -> ((jakarta.json.JsonString) v).getString()));

        String key = "KPI-" + unique();
        JsonObject created = expect(201, api().post("marketing.lead", "kpis",
                kpiJson(key, "Acme/Marketing/Content", "LOWER_IS_BETTER", 10, 20))).object();
        assertEquals("LOWER_IS_BETTER", created.getString("direction"));
        assertEquals("Acme/Marketing/Content", created.getString("unitPath"));

        Answer got = expect(200, api().get("hr", "kpis/" + key));
        String etag = got.header("ETag").orElseThrow();
        JsonObject changed = expect(200, api().put("marketing.lead", "kpis/" + key,
                "{\"name\":\"Bounce rate\",\"target\":8,\"owner\":\"bruno\"}", etag)).object();
        assertEquals("Bounce rate", changed.getString("name"));
        assertEquals(8, changed.getJsonNumber("target").intValue());
        assertEquals(20, changed.getJsonNumber("warning").intValue(), "warning kept");
        assertEquals("bruno", changed.getString("owner"));
        assertEquals("Bounce rate", expect(200, api().get("alice", "kpis/" + key)).object().getString("name"));
    }

    @Test
    void unitsAreListedCreatedReadAndRenamed() {
        List<String> paths = names(expect(200, api().get("alice", "units")).array(), "path");
        assertTrue(paths.containsAll(List.of("Acme", "Acme/Marketing", "Acme/Marketing/Performance", "Acme/Customer Success")),
                paths.toString());
        assertEquals("Customer Success",
                expect(200, api().get("alice", "units/" + ApiClient.unitPath("Acme/Customer Success"))).object().getString("name"));

        String name = "Growth " + unique();
        JsonObject created = expect(201, api().post("admin", "units",
                "{\"parentPath\":\"Acme/Marketing\",\"name\":\"" + name + "\"}")).object();
        assertEquals("Acme/Marketing/" + name, created.getString("path"));
        assertEquals(2, created.getInt("depth"));
        Answer got = expect(200, api().get("hr", "units/" + ApiClient.unitPath("Acme/Marketing/" + name)));
        assertEquals("Acme/Marketing", got.object().getString("parentPath"));

        String renamed = "Lifecycle " + unique();
        JsonObject changed = expect(200, api().put("admin", "units/" + ApiClient.unitPath("Acme/Marketing/" + name),
                "{\"name\":\"" + renamed + "\"}", got.header("ETag").orElseThrow())).object();
        assertEquals("Acme/Marketing/" + renamed, changed.getString("path"));
        expect(200, api().get("hr", "units/" + ApiClient.unitPath("Acme/Marketing/" + renamed)));
        assertError(404, null, api().get("hr", "units/" + ApiClient.unitPath("Acme/Marketing/" + name)));
        assertTrue(names(expect(200, api().get("hr", "units")).array(), "path").contains("Acme/Marketing/" + renamed));
    }

    @Test
    void anAdminCreatesAPersonWhoThenUsesTheApiAndChangesTheirPassword() {
        List<String> people = names(expect(200, api().get("admin", "people")).array(), "username");
        assertTrue(people.containsAll(List.of("admin", "hr", "ceo", "alice")), people.toString());

        String user = "it." + unique().toLowerCase(Locale.ROOT);
        JsonObject created = expect(201, api().post("admin", "people",
                "{\"username\":\"" + user + "\",\"displayName\":\"Ivy Tester\",\"email\":\"" + user + "@acme.example\","
                        + "\"password\":\"first-password\",\"roles\":[],"
                        + "\"memberships\":[{\"unitPath\":\"Acme/Marketing/Content\",\"role\":\"MEMBER\"}]}")).object();
        assertEquals(user, created.getString("username"));
        assertEquals("Acme/Marketing/Content", created.getJsonArray("memberships").getJsonObject(0).getString("unitPath"));
        assertFalse(created.toString().contains("first-password"), "no password in answers");
        assertTrue(names(expect(200, api().get("hr", "people")).array(), "username").contains(user));

        // the password an admin chose is temporary: the API answers 403 saying so, to all but changing it
        assertTrue(created.getBoolean("passwordTemporary"), created.toString());
        Answer temporary = assertError(403, "password", call("GET", "cycles", user, "first-password", null));
        assertTrue(temporary.body().contains("is temporary") && temporary.body().contains("POST /api/v1/people/me/password"),
                temporary.body());
        assertError(403, "password", call("GET", "people/" + user, user, "first-password", null));
        expect(204, call("POST", "people/me/password", user, "first-password",
                "{\"currentPassword\":\"first-password\",\"newPassword\":\"first-password-mine\"}"));
        assertFalse(expect(200, api().get("hr", "people/" + user)).object().getBoolean("passwordTemporary"));

        // the new person calls the API with their own password and reads themselves
        expect(200, call("GET", "cycles", user, "first-password-mine", null));
        assertEquals("Ivy Tester", expect(200, call("GET", "people/" + user, user, "first-password-mine", null)).object()
                .getString("displayName"));
        assertError(403, null, call("GET", "people/alice", user, "first-password-mine", null));

        Answer got = expect(200, api().get("hr", "people/" + user));
        JsonObject changed = expect(200, api().put("admin", "people/" + user, "{\"displayName\":\"Ivy Team-Tester\"}",
                got.header("ETag").orElseThrow())).object();
        assertEquals("Ivy Team-Tester", changed.getString("displayName"));

        assertError(400, "currentPassword", call("POST", "people/me/password", user, "first-password-mine",
                "{\"currentPassword\":\"not-it\",\"newPassword\":\"second-password\"}"));
        assertError(400, "newPassword", call("POST", "people/me/password", user, "first-password-mine",
                "{\"currentPassword\":\"first-password-mine\",\"newPassword\":\"short\"}"));
        expect(204, call("POST", "people/me/password", user, "first-password-mine",
                "{\"currentPassword\":\"first-password-mine\",\"newPassword\":\"second-password\"}"));
        assertError(401, null, call("GET", "cycles", user, "first-password-mine", null));
        expect(200, call("GET", "cycles", user, "second-password", null));

        expect(200, api().put("admin", "people/" + user, "{\"active\":false}"));
        assertError(401, null, call("GET", "cycles", user, "second-password", null));
    }

    @Test
    void importsOfEveryKindReportCountsAndAReImportOfTheSameFileChangesNothing() {
        String o = "IMP-" + unique();
        String okrs = "cycle,unit_path,objective_key,objective,parent_objective_key,kr_key,key_result,kr_type,start,target,kr_owner\n"
                + CURRENT + ",Acme/Marketing/Content," + o + ",Imported objective,MK-1," + o + "-KR1,\"Publish, then rank\",NUMERIC,0,10,bruno\n"
                + CURRENT + ",Acme/Marketing/Content," + o + ",Imported objective,MK-1," + o + "-KR2,Second,NUMERIC,0,20,bruno\n";
        assertCounts(3, 0, expect(200, api().importCsv("admin", "okrs", okrs)));
        assertCounts(0, 3, expect(200, api().importCsv("admin", "okrs", okrs)));
        JsonObject objective = expect(200, api().get("hr", "cycles/" + CURRENT + "/objectives/" + o)).object();
        assertEquals("MK-1", objective.getString("parentKey"));
        assertEquals("Publish, then rank", expect(200, api().get("hr", "cycles/" + CURRENT + "/key-results/" + o + "-KR1"))
                .object().getString("title"));

        String checkins = "cycle,kr_key,date,value,confidence,comment\n"
                + CURRENT + "," + o + "-KR1," + TODAY + ",3,7,\"imported, with a comma\"\n"
                + CURRENT + "," + o + "-KR2," + TODAY + ",5,,\n";
        assertCounts(2, 0, expect(200, api().importCsv("admin", "checkins", checkins)));
        Answer again = expect(200, api().importCsv("admin", "checkins", checkins));
        assertCounts(0, 0, again);
        assertEquals(2, again.object().getInt("unchanged"), again.toString());
        List<JsonObject> history = checkIns(o + "-KR1");
        assertEquals(1, history.size(), "a re-import adds no check-in twice: " + history);
        assertEquals("imported, with a comma", history.get(0).getString("comment"));
        assertEquals("admin", history.get(0).getString("author"));

        String k = "IMPK-" + unique();
        String kpis = "kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation,unit_of_measure,owner\n"
                + k + ",Acme/Marketing/Content,Imported KPI,HIGHER_IS_BETTER,LEADING,100,80,SUM,articles,bruno\n";
        assertCounts(1, 0, expect(200, api().importCsv("admin", "kpis", kpis)));
        assertCounts(0, 1, expect(200, api().importCsv("admin", "kpis", kpis)));
        assertEquals("bruno", expect(200, api().get("hr", "kpis/" + k)).object().getString("owner"));

        String measurements = "kpi_key,date,value\n" + k + "," + TODAY.minusDays(1) + ",10\n" + k + "," + TODAY + ",12\n";
        assertCounts(2, 0, expect(200, api().importCsv("admin", "measurements", measurements)));
        Answer same = expect(200, api().importCsv("admin", "measurements", measurements));
        assertCounts(0, 0, same);
        assertEquals(2, same.object().getInt("unchanged"));
        assertCounts(0, 1, expect(200, api().importCsv("admin", "measurements", "kpi_key,date,value\n" + k + "," + TODAY + ",13\n")));
        List<JsonObject> stored = expect(200, api().get("hr", "kpis/" + k + "/measurements")).array().getValuesAs(JsonObject.class);
        assertEquals(2, stored.size());
        assertEquals(13, stored.get(1).getJsonNumber("value").intValue());
        assertEquals(23, kpi(expect(200, api().get("hr", "cycles/" + CURRENT + "/kpis")).array(), k)
                .getJsonNumber("value").intValue(), "SUM over the cycle");
    }

    // ------------------------------------------------------------------ who may do what

    @Test
    void withoutCredentialsOrWithAWrongPasswordTheApiAnswers401WithAChallenge() {
        int before = checkIns("PF-1-KR1").size();
        List<Answer> refused = List.of(
                call("GET", "cycles", null, null, null),
                call("GET", "cycles/" + CURRENT + "/rollup", "alice", "wrong-password", null),
                call("GET", "cycles", "nobody-" + unique().toLowerCase(Locale.ROOT), "demo", null),
                api().send("GET", "cycles", null, null, null, null, Map.of("Authorization", "Basic not-base64!")),
                call("POST", "cycles/" + CURRENT + "/key-results/PF-1-KR1/check-ins", null, null,
                        "{\"date\":\"" + TODAY + "\",\"value\":1}"));
        for (Answer a : refused) {
            assertError(401, null, a);
            String challenge = a.header("WWW-Authenticate").orElseThrow(() -> new AssertionError("no challenge: " + a));
            assertTrue(challenge.startsWith("Basic realm=\"Keystone\""), challenge);
        }
        assertEquals(before, checkIns("PF-1-KR1").size(), "nothing stored");
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWith429AndRetryAfterBeforeAnyPasswordIsChecked() {
        String username = "guess." + unique().toLowerCase(Locale.ROOT);
        expect(201, api().post("admin", "people", "{\"username\":\"" + username + "\",\"displayName\":\"Guessed\","
                + "\"password\":\"the-right-password\"}"));
        assertError(403, "password", call("GET", "cycles", username, "the-right-password", null)); // right, but temporary
        for (int i = 1; i <= SignInThrottle.ACCOUNT_FREE + 1; i++) {
            assertError(401, null, call("GET", "cycles", username, "guess-number-" + i, null));
        }
        Answer locked = call("GET", "cycles", username, "the-right-password", null);
        assertError(429, null, locked);
        long retryAfter = Long.parseLong(locked.header("Retry-After").orElseThrow(() -> new AssertionError(locked.toString())));
        assertTrue(retryAfter >= 1 && retryAfter <= 31, "the first lock is 30 s: " + retryAfter);
        assertTrue(locked.body().contains("Too many failed sign-ins"), locked.body());
        assertError(429, null, call("GET", "cycles", username, "yet-another-guess", null));
        expect(200, api().get("alice", "cycles")); // another account signs in as ever
        List<String> trail = actions(audit("admin", "person:" + username));
        assertTrue(trail.contains("SIGN_IN_LOCKED") && trail.stream().filter("SIGN_IN_FAILED"::equals).count()
                == SignInThrottle.ACCOUNT_FREE + 1, trail.toString());
    }

    @Test
    void everyWritePathLeavesTypedAuditEntriesThatAdminsHrAndLeadsRead() {
        // a KPI edit through the API
        String kpi = "AUD-" + unique();
        expect(201, api().post("admin", "kpis", "{\"key\":\"" + kpi + "\",\"name\":\"Audited\",\"unitPath\":"
                + "\"Acme/Marketing\",\"direction\":\"HIGHER_IS_BETTER\",\"kind\":\"LEADING\",\"target\":10,"
                + "\"warning\":5,\"timeAggregation\":\"SUM\"}"));
        expect(200, api().put("admin", "kpis/" + kpi, "{\"target\":12}"));
        List<JsonObject> kpiHistory = audit("hr", "kpi:" + kpi);
        assertEquals(List.of("KPI_REDEFINED", "KPI_CREATED"), actions(kpiHistory), kpiHistory.toString());
        assertEquals("admin", kpiHistory.get(0).getString("actor"));
        assertTrue(kpiHistory.get(0).getString("before").contains("target 10")
                && kpiHistory.get(0).getString("after").contains("target 12"), kpiHistory.toString());
        expect(200, api().get("marketing.lead", "audit?subject=kpi:" + kpi)); // a lead of its unit
        assertError(403, null, api().get("alice", "audit?subject=kpi:" + kpi)); // a member

        // an import: each key it created, and the file
        String o = "AUDO-" + unique();
        expect(200, api().importCsv("admin", "okrs", "cycle,unit_path,objective_key,objective,parent_objective_key\n"
                + CURRENT + ",Acme/Marketing," + o + ",Imported and audited,MK-1\n"));
        assertEquals(List.of("IMPORTED_CREATED"), actions(audit("admin", "objective:" + o)));
        expect(200, api().importCsv("admin", "okrs", "cycle,unit_path,objective_key,objective,parent_objective_key\n"
                + CURRENT + ",Acme/Marketing," + o + ",Imported and audited,MK-1\n"));
        assertEquals(List.of("IMPORTED_CREATED"), actions(audit("admin", "objective:" + o)), "the same file again changes nothing");
        expect(200, api().importCsv("admin", "okrs", "cycle,unit_path,objective_key,objective,parent_objective_key\n"
                + CURRENT + ",Acme/Marketing," + o + ",Imported and audited and renamed,MK-1\n"));
        assertEquals(List.of("IMPORTED_UPDATED", "IMPORTED_CREATED"), actions(audit("admin", "objective:" + o)));
        assertTrue(actions(audit("admin", "import:okrs")).contains("IMPORT_APPLIED"));

        // a child's weight change is in its parent's history too
        expect(200, api().put("admin", "cycles/" + CURRENT + "/objectives/" + o, "{\"weight\":3}"));
        List<JsonObject> parent = audit("marketing.lead", "objective:MK-1");
        assertTrue(parent.stream().anyMatch(e -> e.getString("action").equals("CHILD_WEIGHT_CHANGED")
                && e.getString("after").equals(o + " 3")), parent.toString());
        assertTrue(audit("admin", "objective:" + o).stream().allMatch(e -> e.getString("key").equals(CURRENT + "/" + o)));

        // admin actions on people and units
        String who = "audited." + unique().toLowerCase(Locale.ROOT);
        expect(201, api().post("admin", "people", "{\"username\":\"" + who + "\",\"displayName\":\"Audited Person\","
                + "\"password\":\"a-first-long-password\"}"));
        expect(200, api().put("admin", "people/" + who, "{\"roles\":[\"HR\"],\"password\":\"a-reset-long-password\"}"));
        expect(200, api().put("admin", "people/" + who, "{\"active\":false}"));
        assertEquals(List.of("DEACTIVATED", "PASSWORD_RESET", "ROLES_CHANGED", "PERSON_CREATED"),
                actions(audit("hr", "person:" + who)));
        String unit = "Audited " + unique();
        expect(201, api().post("admin", "units", "{\"parentPath\":\"Acme\",\"name\":\"" + unit + "\"}"));
        expect(200, api().put("admin", "units/" + ApiClient.unitPath("Acme/" + unit), "{\"name\":\"" + unit + " Renamed\"}"));
        assertEquals(List.of("UNIT_RENAMED"), actions(audit("admin", "unit:Acme/" + unit + " Renamed")));

        // bad subjects are named
        assertError(400, "subject", api().get("admin", "audit?subject=CO-1"));
        assertError(400, "subject", api().get("admin", "audit?subject=planet:Mars"));
    }

    private List<JsonObject> audit(String user, String subject) {
        return expect(200, api().get(user, "audit?subject=" + java.net.URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .array().getValuesAs(JsonObject.class);
    }

    private static List<String> actions(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("action")).toList();
    }

    @Test
    void hrReadsResultsAndPeopleButWritesNothing() {
        expect(200, api().get("hr", "cycles/" + CURRENT + "/rollup"));
        expect(200, api().get("hr", "cycles/" + CURRENT + "/kpis"));
        expect(200, api().get("hr", "cycles/" + CURRENT + "/findings"));
        expect(200, api().get("hr", "people"));
        expect(200, api().get("hr", "people/alice"));

        int checkIns = checkIns("PF-1-KR1").size();
        assertError(403, null, api().post("hr", "cycles/" + CURRENT + "/key-results/PF-1-KR1/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":3}"));
        assertEquals(checkIns, checkIns("PF-1-KR1").size());
        int measurements = measurements("LEADS").size();
        assertError(403, null, api().post("hr", "kpis/LEADS/measurements", "{\"date\":\"" + TODAY + "\",\"value\":3}"));
        assertEquals(measurements, measurements("LEADS").size());
        int objectives = objectives(CURRENT).size();
        assertError(403, null, api().post("hr", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"HR-" + unique() + "\",\"title\":\"HR wants this\",\"unitPath\":\"Acme\"}"));
        assertEquals(objectives, objectives(CURRENT).size());
        assertError(403, null, api().put("hr", "cycles/" + CURRENT + "/objectives/CO-1", "{\"title\":\"HR's title\"}"));
        assertError(403, null, api().put("hr", "people/alice", "{\"displayName\":\"HR's name\"}"));
        assertError(403, null, api().importCsv("hr", "measurements", "kpi_key,date,value\nLEADS," + TODAY + ",1\n"));
    }

    @Test
    void aMemberChecksInOnHerOwnKeyResultsOnly() {
        String mine = "cycles/" + CURRENT + "/key-results/PF-1-KR1/check-ins";
        JsonObject stored = expect(201, api().post("alice", mine, "{\"date\":\"" + TODAY + "\",\"value\":2.9,\"confidence\":8}"))
                .object();
        assertEquals("alice", stored.getString("author"));

        int before = checkIns("CO-1-KR1").size();
        assertError(403, null, api().post("alice", "cycles/" + CURRENT + "/key-results/CO-1-KR1/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":4}"));
        assertError(403, null, api().post("alice", "cycles/" + CURRENT + "/key-results/PF-1-KR3/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":1}"));
        assertEquals(before, checkIns("CO-1-KR1").size());
        // she may not change the key result she checks in on, nor its objective
        assertError(403, null, api().put("alice", "cycles/" + CURRENT + "/key-results/PF-1-KR1", "{\"target\":9}"));
        assertError(403, null, api().post("alice", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"AL-" + unique() + "\",\"title\":\"Alice's own\",\"unitPath\":\"Acme/Marketing/Performance\"}"));
        // but she records measurements of the KPIs she owns
        expect(201, api().post("alice", "kpis/CTR/measurements", "{\"date\":\"2020-01-15\",\"value\":3.1}"));
    }

    @Test
    void aTeamLeadChecksInOnHisTeamsKeyResults() {
        JsonObject stored = expect(201, api().post("perf.lead", "cycles/" + CURRENT + "/key-results/PF-1-KR3/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":1,\"comment\":\"retargeting is live\"}")).object();
        assertEquals("perf.lead", stored.getString("author"));
        expect(201, api().post("perf.lead", "cycles/" + CURRENT + "/key-results/PF-1-KR2/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":50}"));
        assertError(403, null, api().post("perf.lead", "cycles/" + CURRENT + "/key-results/CT-1-KR1/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":10}"));
        assertError(403, null, api().post("perf.lead", "cycles/" + CURRENT + "/key-results/MK-1-KR1/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":110000}"));
    }

    @Test
    void aDepartmentLeadWritesInHisDepartmentAndBelowOnly() {
        String key = "MC-" + unique();
        JsonObject created = expect(201, api().post("marketing.lead", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + key + "\",\"title\":\"Articles that sell\",\"unitPath\":\"Acme/Marketing/Content\","
                        + "\"parentKey\":\"MK-1\",\"owner\":\"bruno\"}")).object();
        assertEquals("MK-1", created.getString("parentKey"));
        expect(201, api().post("marketing.lead", "cycles/" + CURRENT + "/objectives/" + key + "/key-results",
                "{\"key\":\"" + key + "-KR1\",\"title\":\"Ten articles\",\"type\":\"NUMERIC\",\"start\":0,\"target\":10}"));
        expect(201, api().post("marketing.lead", "cycles/" + CURRENT + "/key-results/CT-1-KR1/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":15}"));

        int objectives = objectives(CURRENT).size();
        String sales = "SL-" + unique();
        assertError(403, null, api().post("marketing.lead", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + sales + "\",\"title\":\"Sell more\",\"unitPath\":\"Acme/Sales\"}"));
        assertError(403, null, api().post("marketing.lead", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + sales + "\",\"title\":\"Company-wide\",\"unitPath\":\"Acme\"}"));
        assertEquals(objectives, objectives(CURRENT).size());
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/objectives/" + sales));
        assertError(403, null, api().post("marketing.lead", "cycles/" + CURRENT + "/key-results/IN-1-KR2/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":90}"));
        assertError(403, null, api().post("marketing.lead", "kpis",
                kpiJson("MS-" + unique(), "Acme/Sales", "HIGHER_IS_BETTER", 10, 5)));
    }

    @Test
    void theCeoWritesAnywhereInTheCompany() {
        expect(201, api().post("ceo", "cycles/" + CURRENT + "/key-results/IN-1-KR2/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":420}"));
        String key = "CEO-" + unique();
        expect(201, api().post("ceo", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + key + "\",\"title\":\"Never page anyone\",\"unitPath\":\"Acme/Engineering/Platform\","
                        + "\"parentKey\":\"CO-1\"}"));
        String kpi = "CEO-KPI-" + unique();
        expect(201, api().post("ceo", "kpis", kpiJson(kpi, "Acme/Customer Success/Support", "HIGHER_IS_BETTER", 10, 5)));
        expect(201, api().post("ceo", "kpis/" + kpi + "/measurements", "{\"date\":\"" + TODAY + "\",\"value\":7}"));
    }

    @Test
    void onlyAdminsImportAndCreateUnitsPeopleAndCycles() {
        String id = unique();
        int units = expect(200, api().get("ceo", "units")).array().size();
        assertError(403, null, api().importCsv("ceo", "kpis",
                "kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation\n"
                        + "CK-" + id + ",Acme,CEO KPI,HIGHER_IS_BETTER,LEADING,10,5,SUM\n"));
        assertError(403, null, api().importCsv("marketing.lead", "checkins",
                "cycle,kr_key,date,value\n" + CURRENT + ",MK-1-KR1," + TODAY + ",110000\n"));
        assertError(404, null, api().get("admin", "kpis/CK-" + id));
        assertError(403, null, api().post("ceo", "units", "{\"parentPath\":\"Acme\",\"name\":\"CEO Office " + id + "\"}"));
        assertError(403, null, api().put("ceo", "units/Acme/Sales", "{\"name\":\"Revenue\"}"));
        assertEquals(units, expect(200, api().get("ceo", "units")).array().size());
        assertError(403, null, api().post("ceo", "people",
                "{\"username\":\"ceo." + id.toLowerCase(Locale.ROOT) + "\",\"displayName\":\"Deputy\",\"password\":\"deputy-password\"}"));
        assertError(404, null, api().get("admin", "people/ceo." + id.toLowerCase(Locale.ROOT)));
        assertError(403, null, api().post("ceo", "cycles", "{\"name\":\"CEO-" + id + "\",\"startDate\":\"2027-01-01\",\"endDate\":\"2027-02-01\"}"));
        assertError(404, null, api().get("admin", "cycles/CEO-" + id));
        assertError(403, null, api().post("ceo", "cycles/" + CURRENT + "/close", null));
        assertEquals("ACTIVE", expect(200, api().get("ceo", "cycles/" + CURRENT)).object().getString("state"));
    }

    @Test
    void aDeactivatedPersonKeepsWhatTheyOwnButCannotBeMadeAnOwner() {
        String leaver = "leaver." + unique().toLowerCase(Locale.ROOT);
        expect(201, api().post("admin", "people", "{\"username\":\"" + leaver + "\",\"displayName\":\"Lee Leaver\","
                + "\"password\":\"leaver-password\",\"roles\":[],"
                + "\"memberships\":[{\"unitPath\":\"Acme/Marketing/Content\",\"role\":\"MEMBER\"}]}"));
        String key = "LV-" + unique();
        expect(201, api().post("marketing.lead", "cycles/" + CURRENT + "/objectives", "{\"key\":\"" + key
                + "\",\"title\":\"Hand over\",\"unitPath\":\"Acme/Marketing/Content\",\"owner\":\"" + leaver + "\"}"));
        expect(200, api().put("admin", "people/" + leaver, "{\"active\":false}"));

        // what they own stays theirs, and can still be edited
        JsonObject edited = expect(200, api().put("marketing.lead", "cycles/" + CURRENT + "/objectives/" + key,
                "{\"title\":\"Hand over well\",\"owner\":\"" + leaver + "\"}")).object();
        assertEquals(leaver, edited.getString("owner"));

        // but nothing new becomes theirs
        String other = "LV-" + unique();
        assertError(400, "owner", api().post("marketing.lead", "cycles/" + CURRENT + "/objectives", "{\"key\":\"" + other
                + "\",\"title\":\"Start over\",\"unitPath\":\"Acme/Marketing/Content\",\"owner\":\"" + leaver + "\"}"));
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/objectives/" + other));
        assertError(400, "owner", api().post("marketing.lead", "cycles/" + CURRENT + "/objectives/" + key + "/key-results",
                "{\"key\":\"" + key + "-KR1\",\"title\":\"Write the notes\",\"type\":\"MILESTONE\",\"owner\":\""
                        + leaver + "\"}"));
        String kpi = "LVK-" + unique();
        assertError(400, "owner", api().post("marketing.lead", "kpis",
                kpiJson(kpi, "Acme/Marketing/Content", "HIGHER_IS_BETTER", 10, 5).replace("}", ",\"owner\":\"" + leaver + "\"}")));
        assertError(404, null, api().get("hr", "kpis/" + kpi));
    }

    @Test
    void onlyAdminsAndHrListPeopleAndEveryoneReadsThemselves() {
        assertError(403, null, api().get("alice", "people"));
        assertError(403, null, api().get("ceo", "people"));
        assertError(403, null, api().get("alice", "people/bruno"));
        JsonObject me = expect(200, api().get("alice", "people/alice")).object();
        assertEquals("MEMBER", me.getJsonArray("memberships").getJsonObject(0).getString("role"));
        assertEquals("Acme/Marketing/Performance", me.getJsonArray("memberships").getJsonObject(0).getString("unitPath"));
        expect(200, api().get("admin", "people/bruno"));
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void badCheckInsAreRefusedWithTheFieldAtFaultAndStoreNothing() {
        String path = "cycles/" + CURRENT + "/key-results/PF-1-KR2/check-ins";
        int before = checkIns("PF-1-KR2").size();
        assertError(400, "date", api().post("admin", path, "{\"value\":50}"));
        assertError(400, "date", api().post("admin", path, "{\"date\":\"2026-13-40\",\"value\":50}"));
        assertError(400, "date", api().post("admin", path, "{\"date\":\"20.11.2026\",\"value\":50}"));
        assertError(400, "value", api().post("admin", path, "{\"date\":\"" + TODAY + "\"}"));
        assertError(400, "value", api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":\"abc\"}"));
        assertError(400, "confidence", api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":50,\"confidence\":11}"));
        assertError(400, "confidence", api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":50,\"confidence\":0}"));
        assertError(400, null, api().send("POST", path, "admin", "demo", "application/json", new byte[0], Map.of()));
        assertError(400, null, api().post("admin", path, "this is not JSON"));
        assertError(400, null, api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":50"));
        assertError(400, null, api().post("admin", path, "[1,2,3]"));
        assertError(415, null, api().send("POST", path, "admin", "demo", "text/plain",
                ("{\"date\":\"" + TODAY + "\",\"value\":50}").getBytes(StandardCharsets.UTF_8), Map.of()));
        assertEquals(before, checkIns("PF-1-KR2").size(), "nothing stored");

        // CO-1-KR3 takes its value from the NPS KPI
        int linked = checkIns("CO-1-KR3").size();
        Answer refused = assertError(400, null, api().post("admin", "cycles/" + CURRENT + "/key-results/CO-1-KR3/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":80}"));
        assertTrue(refused.body().contains("NPS"), refused.toString());
        assertEquals(linked, checkIns("CO-1-KR3").size());
    }

    @Test
    void everyJsonEndpointRefusesABodyOfTheWrongShapeNamingTheFieldAndChangesNothing() {
        String kr = "cycles/" + CURRENT + "/key-results/PF-1-KR2";
        String objective = "cycles/" + CURRENT + "/objectives/PF-1";
        List<String[]> endpoints = List.of(
                new String[] {"POST", "cycles"}, new String[] {"POST", "cycles/" + CURRENT + "/objectives"},
                new String[] {"PUT", objective}, new String[] {"POST", objective + "/key-results"},
                new String[] {"POST", objective + "/grade"}, new String[] {"PUT", kr}, new String[] {"POST", kr + "/grade"},
                new String[] {"POST", kr + "/check-ins"}, new String[] {"POST", "kpis"}, new String[] {"PUT", "kpis/LEADS"},
                new String[] {"POST", "kpis/LEADS/measurements"}, new String[] {"POST", "units"},
                new String[] {"PUT", "units/Acme/Marketing"}, new String[] {"POST", "people"},
                new String[] {"PUT", "people/alice"}, new String[] {"POST", "people/me/password"});
        long before = dataVersion();
        String alice = expect(200, api().get("admin", "people/alice")).body();
        for (String[] e : endpoints) {
            String method = e[0];
            String path = e[1];
            for (String body : List.of("[{\"date\":\"" + TODAY + "\",\"value\":1}]", "[]", "42", "\"text\"", "null")) {
                assertError(400, null, api().send(method, path, "admin", "demo", "application/json",
                        body.getBytes(StandardCharsets.UTF_8), Map.of("If-Match", "\"0\"")));
            }
            assertError(400, "unknownField", api().send(method, path, "admin", "demo", "application/json",
                    "{\"unknownField\":1}".getBytes(StandardCharsets.UTF_8), Map.of("If-Match", "\"0\"")));
        }
        assertEquals(before, dataVersion(), "no refused body changed anything a report reads");
        assertEquals(alice, expect(200, api().get("admin", "people/alice")).body(), "nor a person");
    }

    @Test
    void numbersThatCannotBeStoredAndFractionalWholeNumbersAreRefusedNamingTheField() {
        String path = "cycles/" + CURRENT + "/key-results/PF-1-KR2/check-ins";
        int before = checkIns("PF-1-KR2").size();
        long version = dataVersion();
        for (String value : List.of("1e999", "-1e20", "1e20", "0.00000000001", "123456789012345678901")) {
            assertError(400, "value", api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":" + value + "}"));
            assertError(400, "value", api().post("admin", "kpis/LEADS/measurements",
                    "{\"date\":\"" + TODAY + "\",\"value\":" + value + "}"));
        }
        assertError(400, "confidence", api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":5,\"confidence\":7.5}"));
        assertError(400, "confidence", api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":5,\"confidence\":\"7\"}"));
        assertError(400, "value", api().post("admin", path, "{\"date\":\"" + TODAY + "\",\"value\":\"5\"}"));
        assertError(400, "target", api().post("admin", "cycles/" + CURRENT + "/objectives/PF-1/key-results",
                "{\"key\":\"" + "BIG" + unique() + "\",\"title\":\"Huge\",\"type\":\"NUMERIC\",\"start\":0,\"target\":1e30}"));
        assertError(400, "weight", api().post("admin", "cycles/" + CURRENT + "/objectives/PF-1/key-results",
                "{\"key\":\"" + "HEAVY" + unique() + "\",\"title\":\"Heavy\",\"type\":\"NUMERIC\",\"start\":0,\"target\":10,"
                        + "\"weight\":101}"));
        assertError(400, "target", api().put("admin", "kpis/LEADS", "{\"target\":1e999}"));
        assertError(400, "warning", api().put("admin", "kpis/LEADS", "{\"warning\":0.000000000001}"));
        assertError(400, "weight", api().put("admin", "cycles/" + CURRENT + "/objectives/PF-1", "{\"weight\":1e999}"));
        assertError(400, "weight", api().put("admin", "cycles/" + CURRENT + "/objectives/PF-1", "{\"weight\":-1}"));
        assertError(400, "weight", api().put("admin", "cycles/" + CURRENT + "/objectives/PF-1", "{\"weight\":100.5}"));
        assertError(400, "version", api().put("admin", "kpis/LEADS", "{\"version\":2.5}"));
        assertEquals(before, checkIns("PF-1-KR2").size(), "nothing stored");
        assertEquals(version, dataVersion(), "nothing changed");
        // the largest figure that can be kept is kept exactly
        Answer stored = expect(201, api().post("admin", path,
                "{\"date\":\"" + TODAY + "\",\"value\":99999999999999999999.9999999999}"));
        assertEquals(new BigDecimal("99999999999999999999.9999999999"), stored.object().getJsonNumber("value").bigDecimalValue());
    }

    @Test
    void aComputedKpiTakesNoMeasurementsAndBadMeasurementsStoreNothing() {
        int conv = measurements("CONV").size();
        Answer refused = assertError(400, null, api().post("admin", "kpis/CONV/measurements",
                "{\"date\":\"" + TODAY + "\",\"value\":0.031}"));
        assertTrue(refused.body().contains("CONV"), refused.toString());
        assertError(400, null, api().post("admin", "kpis/VISITS/measurements", "{\"date\":\"" + TODAY + "\",\"value\":100}"));
        assertEquals(conv, measurements("CONV").size());

        int leads = measurements("LEADS").size();
        assertError(400, "date", api().post("admin", "kpis/LEADS/measurements", "{\"value\":100}"));
        assertError(400, "date", api().post("admin", "kpis/LEADS/measurements", "{\"date\":\"2026-02-30\",\"value\":100}"));
        assertError(400, "value", api().post("admin", "kpis/LEADS/measurements", "{\"date\":\"" + TODAY + "\"}"));
        assertError(400, "value", api().post("admin", "kpis/LEADS/measurements", "{\"date\":\"" + TODAY + "\",\"value\":\"many\"}"));
        assertEquals(leads, measurements("LEADS").size());
    }

    @Test
    void aKeyResultWhoseTargetEqualsItsStartIsRefused() {
        String o = newObjective("Acme/Marketing/Performance", "PF-1");
        String kr = o + "-KR1";
        assertError(400, "target", api().post("admin", "cycles/" + CURRENT + "/objectives/" + o + "/key-results",
                "{\"key\":\"" + kr + "\",\"title\":\"Stay put\",\"type\":\"NUMERIC\",\"start\":5,\"target\":5}"));
        assertError(400, "type", api().post("admin", "cycles/" + CURRENT + "/objectives/" + o + "/key-results",
                "{\"key\":\"" + kr + "\",\"title\":\"Odd type\",\"type\":\"SOMETIMES\",\"start\":0,\"target\":5}"));
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/key-results/" + kr));
        assertTrue(expect(200, api().get("hr", "cycles/" + CURRENT + "/objectives/" + o)).object()
                .getJsonArray("keyResults").isEmpty());

        // and a change to the same effect
        expect(201, api().post("admin", "cycles/" + CURRENT + "/objectives/" + o + "/key-results",
                "{\"key\":\"" + kr + "\",\"title\":\"Grow\",\"type\":\"NUMERIC\",\"start\":0,\"target\":5}"));
        assertError(400, "target", api().put("admin", "cycles/" + CURRENT + "/key-results/" + kr, "{\"target\":0}"));
        assertEquals(5, expect(200, api().get("hr", "cycles/" + CURRENT + "/key-results/" + kr)).object()
                .getJsonNumber("target").intValue());
    }

    @Test
    void anObjectiveCannotAlignToAnObjectiveOfASiblingUnit() {
        int before = objectives(CURRENT).size();
        String key = "SIB-" + unique();
        // Content and Performance are sibling teams of Marketing
        assertError(400, "parentKey", api().post("admin", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + key + "\",\"title\":\"Aligned sideways\",\"unitPath\":\"Acme/Marketing/Content\",\"parentKey\":\"PF-1\"}"));
        assertError(400, "parentKey", api().post("admin", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + key + "\",\"title\":\"Aligned to another department\",\"unitPath\":\"Acme/Marketing/Content\","
                        + "\"parentKey\":\"SA-1\"}"));
        assertError(400, "parentKey", api().post("admin", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + key + "\",\"title\":\"Aligned to nothing\",\"unitPath\":\"Acme/Marketing/Content\","
                        + "\"parentKey\":\"NO-SUCH-" + unique() + "\"}"));
        assertEquals(before, objectives(CURRENT).size(), "nothing stored");
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/objectives/" + key));

        // an existing objective cannot be moved there either
        String mine = newObjective("Acme/Marketing/Content", "MK-1");
        assertError(400, "parentKey", api().put("admin", "cycles/" + CURRENT + "/objectives/" + mine, "{\"parentKey\":\"PF-1\"}"));
        assertEquals("MK-1", expect(200, api().get("hr", "cycles/" + CURRENT + "/objectives/" + mine)).object()
                .getString("parentKey"));
    }

    @Test
    void concurrentAlignmentsThatWouldCloseALoopTogetherNeverBothSucceed() throws Exception {
        String a = newObjective("Acme/Marketing", "MK-1");
        String b = newObjective("Acme/Marketing", "MK-1");
        String path = "cycles/" + CURRENT + "/objectives/";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                expect(200, api().put("admin", path + a, "{\"parentKey\":\"MK-1\"}"));
                expect(200, api().put("admin", path + b, "{\"parentKey\":\"MK-1\"}"));
                Future<Answer> ab = pool.submit(() -> api().put("admin", path + a, "{\"parentKey\":\"" + b + "\"}"));
                Future<Answer> ba = pool.submit(() -> api().put("admin", path + b, "{\"parentKey\":\"" + a + "\"}"));
                Answer first = ab.get();
                Answer second = ba.get();
                assertFalse(first.status() == 200 && second.status() == 200, "both alignments stored a loop: " + first + second);
                assertTrue(first.status() == 200 || second.status() == 200, "one of them goes through: " + first + second);
                expect(200, api().get("hr", "cycles/" + CURRENT + "/rollup?unit=Acme/Marketing"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAlignmentLoopIsRefused() {
        String top = newObjective("Acme/Marketing", "MK-1");
        String middle = newObjective("Acme/Marketing", top);
        String bottom = newObjective("Acme/Marketing", middle);
        Answer got = expect(200, api().get("admin", "cycles/" + CURRENT + "/objectives/" + top));
        assertError(400, "parentKey", api().put("admin", "cycles/" + CURRENT + "/objectives/" + top,
                "{\"parentKey\":\"" + bottom + "\"}", got.header("ETag").orElseThrow()));
        assertError(400, "parentKey", api().put("admin", "cycles/" + CURRENT + "/objectives/" + top,
                "{\"parentKey\":\"" + top + "\"}"));
        JsonObject after = expect(200, api().get("admin", "cycles/" + CURRENT + "/objectives/" + top)).object();
        assertEquals("MK-1", after.getString("parentKey"), "unchanged");
        assertEquals(got.header("ETag").orElseThrow(), "\"" + after.getJsonNumber("version").longValue() + "\"", "not even its version");
        assertEquals(middle, expect(200, api().get("admin", "cycles/" + CURRENT + "/objectives/" + bottom)).object()
                .getString("parentKey"));
    }

    @Test
    void aKpiWithItsWarningOnTheWrongSideOfItsTargetIsRefused() {
        int before = expect(200, api().get("hr", "kpis")).array().size();
        String key = "WARN-" + unique();
        assertError(400, "warning", api().post("admin", "kpis", kpiJson(key, "Acme/Sales", "HIGHER_IS_BETTER", 10, 12)));
        assertError(400, "warning", api().post("admin", "kpis", kpiJson(key, "Acme/Sales", "LOWER_IS_BETTER", 10, 8)));
        assertError(400, "direction", api().post("admin", "kpis", kpiJson(key, "Acme/Sales", "SIDEWAYS", 10, 8)));
        assertError(400, "unitPath", api().post("admin", "kpis", kpiJson(key, "Acme/Nowhere", "LOWER_IS_BETTER", 10, 12)));
        assertEquals(before, expect(200, api().get("hr", "kpis")).array().size(), "nothing stored");
        assertError(404, null, api().get("hr", "kpis/" + key));

        assertError(400, "warning", api().put("admin", "kpis/NPS", "{\"warning\":90}"));
        assertEquals(50, expect(200, api().get("hr", "kpis/NPS")).object().getJsonNumber("warning").intValue());
    }

    @Test
    void peopleAreImportedIdempotentlyWithTheirRolesAndWithoutAPasswordUntilAnAdminSetsATemporaryOne() {
        String a = "imp." + unique().toLowerCase(Locale.ROOT);
        String b = "imp." + unique().toLowerCase(Locale.ROOT);
        String people = "username,name,email,global_role,unit_roles,active\n"
                + a + ",Ana Imported," + a + "@acme.example,,LEAD:Acme/Sales;MEMBER:Acme/Marketing/Content,true\n"
                + b + ",Bo Imported,,HR,,\n";
        Answer created = expect(200, api().importCsv("admin", "people", people));
        assertCounts(2, 0, created);
        assertEquals(0, created.object().getInt("unchanged"));
        Answer again = expect(200, api().importCsv("admin", "people", people));
        assertCounts(0, 0, again);
        assertEquals(2, again.object().getInt("unchanged"), "the same file again changes nothing: " + again);

        JsonObject ana = expect(200, api().get("hr", "people/" + a)).object();
        assertEquals("Ana Imported", ana.getString("displayName"));
        assertEquals(List.of(), ana.getJsonArray("roles").getValuesAs(JsonValue.class));
        assertEquals("MEMBER:Acme/Marketing/Content;LEAD:Acme/Sales", ana.getString("unitRoles"), "by unit path");
        assertEquals("Acme/Marketing/Content", ana.getJsonArray("memberships").getJsonObject(0).getString("unitPath"));
        assertEquals("MEMBER", ana.getJsonArray("memberships").getJsonObject(0).getString("role"));
        assertFalse(ana.getBoolean("passwordSet"), "an import carries no password: " + ana);
        assertEquals("[\"HR\"]", expect(200, api().get("hr", "people/" + b)).object().getJsonArray("roles").toString());

        // history: each person created, and the file once per import
        assertEquals(List.of("PERSON_CREATED"), actions(audit("hr", "person:" + a)));
        List<String> files = actions(audit("admin", "import:people"));
        assertTrue(files.size() >= 2 && files.stream().allMatch("IMPORT_APPLIED"::equals), files.toString());

        // a change is an update, audited as the people service audits it
        assertCounts(0, 1, expect(200, api().importCsv("admin", "people", "username,name,unit_roles\n"
                + a + ",Ana Imported,LEAD:Acme/Sales\n")));
        assertEquals(List.of("MEMBERSHIPS_CHANGED", "PERSON_CREATED"), actions(audit("hr", "person:" + a)));

        // no password: no way in, until an admin sets a temporary one, which must be changed first
        assertError(401, null, call("GET", "cycles", a, "", null));
        expect(200, api().put("admin", "people/" + a, "{\"password\":\"a-temporary-password\"}"));
        assertTrue(expect(200, api().get("hr", "people/" + a)).object().getBoolean("passwordTemporary"));
        assertError(403, "password", call("GET", "cycles", a, "a-temporary-password", null));
        expect(204, call("POST", "people/me/password", a, "a-temporary-password",
                "{\"currentPassword\":\"a-temporary-password\",\"newPassword\":\"ana-chose-this-one\"}"));
        expect(200, call("GET", "cycles", a, "ana-chose-this-one", null));
        assertError(401, null, call("GET", "cycles", a, "a-temporary-password", null));
    }

    @Test
    void aBadPeopleImportNamesRowAndColumnAndStoresNothing() {
        String a = "bad." + unique().toLowerCase(Locale.ROOT);
        String b = "bad." + unique().toLowerCase(Locale.ROOT);
        Answer refused = api().importCsv("admin", "people", "username,name,global_role,unit_roles\n"
                + a + ",Fine Row,,MEMBER:Acme/Sales\n"
                + b + ",Unknown Unit,,LEAD:Acme/Atlantis\n"
                + "x,Short,BOSS,\n");
        assertImportError(3, "unit_roles", refused);
        assertTrue(refused.body().contains("no unit 'Acme/Atlantis'"), refused.body());
        assertHasError(refused, 4, "username");
        assertHasError(refused, 4, "global_role");
        assertError(404, null, api().get("admin", "people/" + a));
        assertError(403, null, api().importCsv("hr", "people", "username,name\n" + a + ",By HR\n"));
        assertError(403, null, api().importCsv("ceo", "people", "username,name\n" + a + ",By a lead\n"));
        assertError(415, null, api().send("POST", "import/people", "admin", "demo", "text/plain",
                ("username,name\n" + a + ",Plain\n").getBytes(StandardCharsets.UTF_8), Map.of()));
        assertImportError(1, "name", api().importCsv("admin", "people", "username\n" + a + "\n"));
        assertError(404, null, api().get("admin", "people/" + a));
    }

    @Test
    void importsWithUnknownOrMissingColumnsAreRefusedNamingTheColumn() {
        int kpis = expect(200, api().get("hr", "kpis")).array().size();
        String k = "COL-" + unique();
        assertImportError(1, "colour", api().importCsv("admin", "kpis",
                "kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation,colour\n"
                        + k + ",Acme,Coloured,HIGHER_IS_BETTER,LEADING,10,5,SUM,blue\n"));
        assertImportError(1, "warning", api().importCsv("admin", "kpis",
                "kpi_key,unit_path,name,direction,kind,target,time_aggregation\n"
                        + k + ",Acme,No warning,HIGHER_IS_BETTER,LEADING,10,SUM\n"));
        assertImportError(1, "date", api().importCsv("admin", "measurements", "kpi_key,value\nLEADS,3\n"));
        // text/csv only: a form of another site can post text/plain (no preflight) while an admin is signed in
        for (String type : List.of("text/plain", "text/plain; charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x")) {
            assertError(415, null, api().send("POST", "import/kpis", "admin", "demo", type,
                    ("kpi_key,unit_path,name,direction,kind,target,warning,time_aggregation\n" + k
                            + ",Acme,Plain,HIGHER_IS_BETTER,LEADING,10,5,SUM\n").getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        assertEquals(kpis, expect(200, api().get("hr", "kpis")).array().size());
        assertError(404, null, api().get("hr", "kpis/" + k));
    }

    @Test
    void importsWithBrokenQuotingOrEncodingAreRefused() {
        String k = newKpi();
        int before = measurements(k).size();
        assertImportError(3, null, api().importCsv("admin", "measurements",
                "kpi_key,date,value\n" + k + "," + TODAY + ",1\n" + k + "," + TODAY.minusDays(1) + ",\"2\n"));
        byte[] notUtf8 = ("kpi_key,date,value\n" + k + "," + TODAY + ",1\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] withBadBytes = Arrays.copyOf(notUtf8, notUtf8.length + 4);
        System.arraycopy(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'}, 0, withBadBytes, notUtf8.length, 4);
        assertError(400, null, api().importCsv("admin", "measurements", "text/csv", withBadBytes));
        assertError(400, null, api().importCsv("admin", "measurements", "text/csv; charset=ISO-8859-1",
                ("kpi_key,date,value\n" + k + "," + TODAY + ",1\n").getBytes(StandardCharsets.ISO_8859_1)));
        assertError(400, null, api().importCsv("admin", "measurements", "text/csv", new byte[0]));
        assertError(400, null, api().importCsv("admin", "measurements", "kpi_key,date,value\n"));
        assertEquals(before, measurements(k).size(), "nothing stored");
    }

    @Test
    void importsWithBadValuesReportEveryBadRowAndStoreNothing() {
        String k = newKpi();
        int before = measurements(k).size();
        Answer a = assertError(400, null, api().importCsv("admin", "measurements", "kpi_key,date,value\n"
                + k + "," + TODAY.minusDays(3) + ",1\n"
                + k + ",2026-13-40,2\n"
                + k + "," + TODAY.minusDays(2) + ",3\n"
                + k + "," + TODAY.minusDays(1) + ",\"1,5\"\n"
                + k + "," + TODAY + ",abc\n"
                + "NO-SUCH-KPI-" + unique() + "," + TODAY + ",4\n"));
        assertHasError(a, 3, "date");
        assertHasError(a, 5, "value");
        assertHasError(a, 6, "value");
        assertHasError(a, 7, "kpi_key");
        assertFalse(a.errors().stream().anyMatch(e -> e.containsKey("row") && (e.getInt("row") == 2 || e.getInt("row") == 4)),
                "good rows are not reported: " + a);
        assertEquals(before, measurements(k).size(), "all or nothing");

        String o = newObjective("Acme/Marketing/Performance", "PF-1");
        expect(201, api().post("admin", "cycles/" + CURRENT + "/objectives/" + o + "/key-results",
                "{\"key\":\"" + o + "-KR1\",\"title\":\"Count\",\"type\":\"NUMERIC\",\"start\":0,\"target\":5}"));
        Answer c = assertError(400, null, api().importCsv("admin", "checkins", "cycle,kr_key,date,value,confidence\n"
                + CURRENT + "," + o + "-KR1," + TODAY + ",1,5\n"
                + CURRENT + ",NO-SUCH-KR-" + unique() + "," + TODAY + ",1,5\n"
                + CURRENT + "," + o + "-KR1,yesterday,1,5\n"
                + CURRENT + "," + o + "-KR1," + TODAY + ",1,11\n"
                + CURRENT + ",CO-1-KR3," + TODAY + ",80,\n"));
        assertHasError(c, 3, "kr_key");
        assertHasError(c, 4, "date");
        assertHasError(c, 5, "confidence");
        assertHasError(c, 6, null);
        assertTrue(checkIns(o + "-KR1").isEmpty(), "all or nothing");
    }

    @Test
    void anImportWithAnAlignmentLoopInsideTheFileIsRefused() {
        int before = objectives(CURRENT).size();
        String a = "LA-" + unique();
        String b = "LB-" + unique();
        Answer r = assertError(400, null, api().importCsv("admin", "okrs",
                "cycle,unit_path,objective_key,objective,parent_objective_key\n"
                        + CURRENT + ",Acme/Marketing," + a + ",Loop A," + b + "\n"
                        + CURRENT + ",Acme/Marketing," + b + ",Loop B," + a + "\n"));
        assertTrue(r.errors().stream().anyMatch(e -> "parent_objective_key".equals(e.getString("column", null))
                && e.containsKey("row")), r.toString());
        assertEquals(before, objectives(CURRENT).size());
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/objectives/" + a));

        Answer t = assertError(400, null, api().importCsv("admin", "okrs",
                "cycle,unit_path,objective_key,objective,kr_key,key_result,kr_type,start,target\n"
                        + CURRENT + ",Acme/Marketing," + a + ",Flat," + a + "-KR1,Flat KR,NUMERIC,5,5\n"));
        assertHasError(t, 2, "target");
        assertEquals(before, objectives(CURRENT).size());
    }

    @Test
    void anImportOver32MiBIsRefusedWith413() {
        String k = newKpi();
        byte[] big = new byte[32 * 1024 * 1024 + 1024];
        byte[] header = "kpi_key,date,value\n".getBytes(StandardCharsets.UTF_8);
        byte[] row = (k + "," + TODAY + ",1\n").getBytes(StandardCharsets.UTF_8);
        System.arraycopy(header, 0, big, 0, header.length);
        for (int i = header.length; i + row.length <= big.length; i += row.length) {
            System.arraycopy(row, 0, big, i, row.length);
        }
        for (int i = big.length - 1; big[i] == 0; i--) {
            big[i] = '\n';
        }
        assertError(413, null, api().importCsv("admin", "measurements", "text/csv", big));
        assertTrue(measurements(k).isEmpty());
    }

    @Test
    void aKeyThatIsAlreadyTakenIsRefusedWith400() {
        assertError(400, null, api().post("admin", "cycles", "{\"name\":\"" + CURRENT + "\"}"));
        int objectives = objectives(CURRENT).size();
        assertError(400, null, api().post("admin", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"MK-1\",\"title\":\"Again\",\"unitPath\":\"Acme/Marketing\"}"));
        assertEquals(objectives, objectives(CURRENT).size());
        String o = newObjective("Acme/Marketing", "MK-1");
        assertError(400, null, api().post("admin", "cycles/" + CURRENT + "/objectives/" + o + "/key-results",
                "{\"key\":\"PF-1-KR1\",\"title\":\"Again\",\"type\":\"NUMERIC\",\"start\":0,\"target\":1}"));
        assertEquals("PF-1", expect(200, api().get("hr", "cycles/" + CURRENT + "/key-results/PF-1-KR1")).object()
                .getString("objectiveKey"));
        assertError(400, null, api().post("admin", "kpis", kpiJson("NPS", "Acme/Sales", "HIGHER_IS_BETTER", 10, 5)));
        assertEquals("Acme/Customer Success", expect(200, api().get("hr", "kpis/NPS")).object().getString("unitPath"));
        assertError(400, null, api().post("admin", "units", "{\"parentPath\":\"Acme\",\"name\":\"Sales\"}"));
        assertError(400, null, api().put("admin", "units/Acme/Marketing/Brand", "{\"name\":\"Content\"}"));
        expect(200, api().get("hr", "units/Acme/Marketing/Brand"));
        assertError(400, null, api().post("admin", "people",
                "{\"username\":\"alice\",\"displayName\":\"Another Alice\",\"password\":\"another-password\"}"));
        assertEquals("Alice Moreau", expect(200, api().get("admin", "people/alice")).object().getString("displayName"));
    }

    @Test
    void unknownKeysAnswer404() {
        String nope = "NOPE-" + unique();
        assertError(404, null, api().get("hr", "cycles/" + nope));
        assertError(404, null, api().get("hr", "cycles/" + nope + "/rollup"));
        assertError(404, null, api().get("hr", "cycles/" + nope + "/kpis"));
        assertError(404, null, api().get("hr", "cycles/" + nope + "/findings"));
        assertError(404, null, api().get("hr", "cycles/" + nope + "/objectives"));
        assertError(404, null, api().post("admin", "cycles/" + nope + "/activate", null));
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/objectives/" + nope));
        assertError(404, null, api().put("admin", "cycles/" + CURRENT + "/objectives/" + nope, "{\"title\":\"x\"}"));
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/key-results/" + nope));
        assertError(404, null, api().get("hr", "cycles/" + CURRENT + "/key-results/" + nope + "/check-ins"));
        assertError(404, null, api().post("admin", "cycles/" + CURRENT + "/key-results/" + nope + "/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":1}"));
        assertError(404, null, api().post("admin", "cycles/" + nope + "/key-results/PF-1-KR1/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":1}"));
        assertError(404, null, api().get("hr", "kpis/" + nope));
        assertError(404, null, api().get("hr", "kpis/" + nope + "/measurements"));
        assertError(404, null, api().post("admin", "kpis/" + nope + "/measurements", "{\"date\":\"" + TODAY + "\",\"value\":1}"));
        assertError(404, null, api().get("hr", "units/Acme/" + nope));
        assertError(404, null, api().get("hr", "people/" + nope.toLowerCase(Locale.ROOT)));
        assertError(404, null, api().importCsv("admin", "budgets", "a,b\n1,2\n"));
        assertError(404, null, api().get("hr", "no-such-resource"));
    }

    @Test
    void aChangeToAStaleVersionAnswers409AndChangesNothing() {
        String o = newObjective("Acme/Marketing", "MK-1");
        String path = "cycles/" + CURRENT + "/objectives/" + o;
        String v0 = expect(200, api().get("admin", path)).header("ETag").orElseThrow();
        String v1 = expect(200, api().put("admin", path, "{\"title\":\"First change\"}", v0)).header("ETag").orElseThrow();
        assertNotEquals(v0, v1);
        assertError(409, null, api().put("marketing.lead", path, "{\"title\":\"Second change on the old version\"}", v0));
        assertError(409, null, api().put("marketing.lead", path, "{\"title\":\"Body version\",\"version\":"
                + v0.replace("\"", "") + "}"));
        assertEquals("First change", expect(200, api().get("admin", path)).object().getString("title"));
        expect(200, api().put("marketing.lead", path, "{\"title\":\"Second change\"}", v1));

        String k = newKpi();
        String kv0 = expect(200, api().get("admin", "kpis/" + k)).header("ETag").orElseThrow();
        expect(200, api().put("admin", "kpis/" + k, "{\"name\":\"Renamed once\"}", kv0));
        assertError(409, null, api().put("admin", "kpis/" + k, "{\"name\":\"Renamed twice\"}", kv0));
        assertEquals("Renamed once", expect(200, api().get("admin", "kpis/" + k)).object().getString("name"));

        String kr = "cycles/" + CURRENT + "/key-results/PF-1-KR2";
        String krv = expect(200, api().get("admin", kr)).header("ETag").orElseThrow();
        String stale = "\"" + (Long.parseLong(krv.replace("\"", "")) + 5) + "\"";
        assertError(409, null, api().put("admin", kr, "{\"title\":\"Never\"}", stale));
        assertError(400, "If-Match", api().put("admin", kr, "{\"title\":\"Never\"}", "yesterday's"));
        assertNotEquals("Never", expect(200, api().get("admin", kr)).object().getString("title"));
    }

    @Test
    void badQueryDatesAreRefusedNamingTheParameter() {
        assertError(400, "asOf", api().get("hr", "cycles/" + CURRENT + "/rollup?asOf=yesterday"));
        assertError(400, "asOf", api().get("hr", "cycles/" + CURRENT + "/kpis?asOf=2026-13-40"));
        assertError(400, "asOf", api().get("hr", "cycles/" + CURRENT + "/findings?asOf=2026-11"));
    }

    // ------------------------------------------------------------------ metrics

    @Test
    void aWriteIsAppliedToTheLiveModelAndShowsAtOnceWithoutReloadingTheCycle() {
        String kr = newKeyResult("Acme/Marketing/Performance", "alice");
        JsonObject first = rollup("hr", CURRENT, null);
        long loads = timerCount("keystone_live_model_load");
        long updates = timerCount("keystone_live_model_update");
        assertEquals(first, rollup("alice", CURRENT, null), "the same figures for anyone");
        assertEquals(updates, timerCount("keystone_live_model_update"), "nothing changed, nothing applied");

        expect(201, api().post("alice", "cycles/" + CURRENT + "/key-results/" + kr + "/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":4}"));
        JsonObject after = rollup("hr", CURRENT, null);
        assertEquals(4.0, keyResultIn(after, kr).getJsonNumber("current").doubleValue(), 1e-9, "the check-in counts at once");
        assertEquals(updates + 1, timerCount("keystone_live_model_update"), "the check-in was applied to the live model");
        assertEquals(loads, timerCount("keystone_live_model_load"), "without loading the cycle again");
        assertNotEquals(first, after);
    }

    @Test
    void askingForCyclesThatDoNotExistPushesNoLiveModelOut() {
        rollup("hr", CURRENT, null);
        rollup("hr", PREVIOUS, null);
        long loads = timerCount("keystone_live_model_load");
        for (int i = 0; i < 5; i++) {
            assertError(404, null, api().get("hr", "cycles/NO-SUCH-" + i + "/rollup"));
        }
        rollup("hr", CURRENT, null);
        rollup("hr", PREVIOUS, null);
        assertEquals(loads, timerCount("keystone_live_model_load"), "both cycles still in memory, none loaded again");
    }

    /** How often a timer of the server's application metrics has been updated. */
    private long timerCount(String timer) {
        Answer metrics = api().sendTo("GET", "/metrics?scope=application", null, null, null, null, Map.of("Accept", "text/plain"));
        return metrics.body().lines().filter(l -> l.startsWith(timer + "_seconds_count") || l.startsWith(timer + "_count"))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).mapToLong(v -> (long) Double.parseDouble(v)).sum();
    }

    @Test
    void metricsCountCheckInsImportsAndRejectionsAndTimeTheRollup() {
        String kr = newKeyResult("Acme/Marketing/Performance", "alice");
        expect(201, api().post("alice", "cycles/" + CURRENT + "/key-results/" + kr + "/check-ins",
                "{\"date\":\"" + TODAY + "\",\"value\":4}"));
        String k = newKpi();
        expect(200, api().importCsv("admin", "measurements", "kpi_key,date,value\n" + k + "," + TODAY + ",9\n"));
        assertError(403, null, api().get("alice", "people"));
        assertError(401, null, call("GET", "cycles", "alice", "not-demo", null));
        expect(200, api().get("hr", "cycles/" + CURRENT + "/rollup"));

        Answer metrics = api().sendTo("GET", "/metrics?scope=application", null, null, null, null, Map.of("Accept", "text/plain"));
        assertEquals(200, metrics.status(), metrics.toString());
        String text = metrics.body();
        for (String name : List.of("keystone_checkins_recorded_total", "keystone_imports_total",
                "keystone_requests_rejected_total", "keystone_live_model_load")) {
            assertTrue(text.contains(name), name + " in\n" + text);
        }
        assertTrue(text.lines().anyMatch(l -> l.startsWith("keystone_imports_total") && l.contains("measurements")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("keystone_requests_rejected_total") && l.contains("403")), text);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("keystone_requests_rejected_total") && l.contains("401")), text);
    }

    // ------------------------------------------------------------------ helpers

    /** Tree order: segment by segment, so a unit's subtree follows it directly. */
    private static final Comparator<String> TREE_ORDER = (a, b) -> {
        String[] x = a.split("/");
        String[] y = b.split("/");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    private static String quarterOf(LocalDate d) {
        return d.getYear() + "-Q" + d.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static String unique() {
        return RUN + SEQ.incrementAndGet();
    }

    private Answer call(String method, String path, String user, String password, String json) {
        return api().send(method, path, user, password, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static Answer expect(int status, Answer a) {
        assertEquals(status, a.status(), a.toString());
        return a;
    }

    /** The status and the API's error shape; {@code column}, when given, named by one of the errors. */
    /** The data version the system call reports: it moves with every committed change a report reads. */
    private long dataVersion() {
        return expect(200, api().get("hr", "system")).object().getJsonNumber("dataVersion").longValue();
    }

    private static Answer assertError(int status, String column, Answer a) {
        assertEquals(status, a.status(), a.toString());
        assertTrue(a.header("Content-Type").orElse("").startsWith("application/json"), "JSON error body: " + a
                + " " + a.headers().map());
        List<JsonObject> errors = a.errors();
        assertFalse(errors.isEmpty(), a.toString());
        for (JsonObject e : errors) {
            assertFalse(e.getString("message", "").isBlank(), "every error says what is wrong: " + a);
        }
        if (column != null) {
            assertTrue(errors.stream().anyMatch(e -> column.equals(e.getString("column", null))),
                    "an error names '" + column + "': " + a);
        }
        return a;
    }

    private static void assertImportError(int row, String column, Answer a) {
        assertError(400, null, a);
        assertHasError(a, row, column);
    }

    /** An error of that row (the header is row 1) naming that column (null: any or none). */
    private static void assertHasError(Answer a, int row, String column) {
        assertTrue(a.errors().stream().anyMatch(e -> e.containsKey("row") && e.getInt("row") == row
                        && (column == null || column.equals(e.getString("column", null)))),
                "an error in row " + row + (column == null ? "" : ", column " + column) + ": " + a);
    }

    private static void assertCounts(int created, int updated, Answer a) {
        JsonObject o = a.object();
        assertEquals(created, o.getInt("created"), "created: " + a);
        assertEquals(updated, o.getInt("updated"), "updated: " + a);
    }

    private JsonObject rollup(String user, String cycle, LocalDate asOf) {
        return expect(200, api().get(user, "cycles/" + cycle + "/rollup" + (asOf == null ? "" : "?asOf=" + asOf))).object();
    }

    private static List<JsonObject> units(JsonObject rollup) {
        return rollup.getJsonArray("units").getValuesAs(JsonObject.class);
    }

    private static JsonObject unit(JsonObject rollup, String path) {
        return units(rollup).stream().filter(u -> u.getString("path").equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + path + " in the rollup"));
    }

    private static JsonObject objectiveIn(JsonObject rollup, String key) {
        for (JsonObject u : units(rollup)) {
            for (JsonObject o : u.getJsonArray("objectives").getValuesAs(JsonObject.class)) {
                if (o.getString("key").equals(key)) {
                    return o;
                }
            }
        }
        throw new AssertionError("no objective " + key + " in the rollup");
    }

    private static JsonObject keyResultIn(JsonObject rollup, String key) {
        for (JsonObject u : units(rollup)) {
            for (JsonObject o : u.getJsonArray("objectives").getValuesAs(JsonObject.class)) {
                for (JsonObject k : o.getJsonArray("keyResults").getValuesAs(JsonObject.class)) {
                    if (k.getString("key").equals(key)) {
                        return k;
                    }
                }
            }
        }
        throw new AssertionError("no key result " + key + " in the rollup");
    }

    private static JsonObject kpi(JsonArray values, String key) {
        return values.getValuesAs(JsonObject.class).stream().filter(k -> k.getString("key").equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no KPI " + key + " in " + values));
    }

    private static List<String> names(JsonArray array, String field) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> o.getString(field)).toList();
    }

    private static boolean isNull(JsonObject o, String field) {
        return o.get(field) == null || o.get(field).getValueType() == JsonValue.ValueType.NULL;
    }

    private static boolean has(List<JsonObject> findings, String code, String subject) {
        return findings.stream().anyMatch(f -> f.getString("code").equals(code) && f.getString("subject").equals(subject));
    }

    private List<JsonObject> checkIns(String kr) {
        return expect(200, api().get("hr", "cycles/" + CURRENT + "/key-results/" + kr + "/check-ins")).array()
                .getValuesAs(JsonObject.class);
    }

    private List<JsonObject> measurements(String kpi) {
        return expect(200, api().get("hr", "kpis/" + kpi + "/measurements")).array().getValuesAs(JsonObject.class);
    }

    private List<JsonObject> objectives(String cycle) {
        return expect(200, api().get("hr", "cycles/" + cycle + "/objectives")).array().getValuesAs(JsonObject.class);
    }

    private static String kpiJson(String key, String unitPath, String direction, int target, int warning) {
        return "{\"key\":\"" + key + "\",\"name\":\"KPI " + key + "\",\"unitPath\":\"" + unitPath + "\",\"direction\":\""
                + direction + "\",\"kind\":\"LEADING\",\"target\":" + target + ",\"warning\":" + warning
                + ",\"timeAggregation\":\"SUM\",\"unitOfMeasure\":\"things\"}";
    }

    /** A fresh measured KPI of Marketing/Performance, defined by the admin. */
    private String newKpi() {
        String key = "K-" + unique();
        expect(201, api().post("admin", "kpis", kpiJson(key, "Acme/Marketing/Performance", "HIGHER_IS_BETTER", 100, 80)));
        return key;
    }

    /** A fresh objective of the current cycle in that unit, aligned to {@code parent}. */
    private String newObjective(String unitPath, String parent) {
        String key = "O-" + unique();
        expect(201, api().post("admin", "cycles/" + CURRENT + "/objectives",
                "{\"key\":\"" + key + "\",\"title\":\"Objective " + key + "\",\"unitPath\":\"" + unitPath
                        + "\",\"parentKey\":\"" + parent + "\"}"));
        return key;
    }

    /** A fresh NUMERIC 0 to 100 key result of the current cycle, owned by {@code owner}. */
    private String newKeyResult(String unitPath, String owner) {
        String o = newObjective(unitPath, unitPath.equals("Acme/Marketing/Performance") ? "PF-1" : "CO-1");
        String kr = o + "-KR1";
        expect(201, api().post("admin", "cycles/" + CURRENT + "/objectives/" + o + "/key-results",
                "{\"key\":\"" + kr + "\",\"title\":\"Key result " + kr + "\",\"type\":\"NUMERIC\",\"start\":0,\"target\":100,"
                        + "\"owner\":\"" + owner + "\"}"));
        return kr;
    }
}
