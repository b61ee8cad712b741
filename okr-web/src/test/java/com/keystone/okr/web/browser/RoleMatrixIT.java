package com.keystone.okr.web.browser;

import static com.keystone.okr.web.browser.Api.expect;
import static com.keystone.okr.web.browser.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.web.browser.FormClient.Page;
import com.keystone.okr.web.it.ApiClient;
import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Who may do what, as a table: every page and every write action against every demo role, so
 * a rule that slips shows up as one named cell (e.g. "edit an objective of Performance × alice").
 *
 * <p>Pages are read over HTTP after a real sign-in (the same session a browser gets): a role
 * that may use a page finds its working form or control; any other role finds the page saying
 * so, with no form to act on. Write actions go through the services that both the pages and the
 * REST API call (the API is the shortest way to reach them as each role): an allowed role
 * changes the subject, a refused one gets 403 and the subject is exactly as before. The
 * objective page's edit dialog is also posted by hand (its form is on the page for everyone)
 * to show that a page's form obeys the same rule as the API.
 */
@ExtendWith(BrowserExtension.class)
class RoleMatrixIT {

    /** The demo roles: admin, the company's lead, a department lead, a team lead, another department's lead, HR, two members. */
    static final List<String> ROLES = List.of("admin", "ceo", "marketing.lead", "perf.lead", "sales.lead", "hr", "alice",
            "bruno");
    static final String PERF = "Acme/Marketing/Performance";
    /** Who writes in Acme/Marketing/Performance: the admin and the leads of it and of the units above. */
    static final Set<String> PERF_WRITERS = Set.of("admin", "ceo", "marketing.lead", "perf.lead");
    static final Set<String> MARKETING_WRITERS = Set.of("admin", "ceo", "marketing.lead");
    static final Set<String> LEADS = Set.of("admin", "ceo", "marketing.lead", "perf.lead", "sales.lead");
    static final Set<String> REVIEWERS = Set.of("admin", "ceo", "marketing.lead", "perf.lead", "sales.lead", "hr");
    static final Set<String> ADMIN = Set.of("admin");
    static final Set<String> EVERYONE = Set.copyOf(ROLES);

    // ---- pages ----------------------------------------------------------------------------------

    /** A page, what on it marks "you may use this" (a form or control id), and who gets it. */
    record PageRule(String path, String marker, Set<String> allowed, String refusal) {
    }

    static final List<PageRule> PAGES = List.of(
            new PageRule("/app/index.xhtml", "id=\"dashboard\"", EVERYONE, null),
            new PageRule("/app/alignment.xhtml", "id=\"alignment\"", EVERYONE, null),
            new PageRule("/app/alignment.xhtml", "id=\"newObjective\"", LEADS, null),
            new PageRule("/app/objective.xhtml?key=MK-1", "<form id=\"objective\"", EVERYONE, null),
            new PageRule("/app/objective.xhtml?key=MK-1", "id=\"objective:edit\"", MARKETING_WRITERS, null),
            new PageRule("/app/objective.xhtml?key=MK-1", "id=\"objective:align\"", PERF_WRITERS, null),
            // alice owns PF-1-KR1 and KR2: she checks in on them; the leads above check in on all
            new PageRule("/app/objective.xhtml?key=PF-1", "id=\"objective:krs:0:checkin\"",
                    union(PERF_WRITERS, Set.of("alice")), null),
            new PageRule("/app/editor.xhtml", "<form id=\"editor\"", LEADS,
                    "Only leads (in their units and the units below) and administrators create objectives."),
            new PageRule("/app/editor.xhtml?key=MK-1", "<form id=\"editor\"", MARKETING_WRITERS, null),
            new PageRule("/app/kpis.xhtml", "id=\"kpis\"", EVERYONE, null),
            new PageRule("/app/coach.xhtml", "<form id=\"coach\"", EVERYONE, null),
            new PageRule("/app/review.xhtml", "id=\"review\"", REVIEWERS,
                    "Only HR, administrators and leads see the quarterly review."),
            new PageRule("/app/people/outcomes.xhtml", "<form id=\"outcomes\"", Set.of("admin", "hr"),
                    "Only HR and administrators see outcomes by person."),
            new PageRule("/app/admin/units.xhtml", "<form id=\"units\"", ADMIN, "Only an administrator may open this page."),
            new PageRule("/app/admin/people.xhtml", "<form id=\"people\"", ADMIN, "Only an administrator may open this page."),
            new PageRule("/app/admin/cycles.xhtml", "<form id=\"cycles\"", ADMIN, "Only an administrator may open this page."),
            new PageRule("/app/admin/imports.xhtml", "<form id=\"imports\"", ADMIN, "Only an administrator may open this page."),
            new PageRule("/app/password.xhtml", "<form id=\"password\"", EVERYONE, null));

    @TestFactory
    Stream<DynamicTest> everyPageAsEveryRole(Keystone app) {
        Map<String, FormClient> sessions = new LinkedHashMap<>();
        List<DynamicTest> cells = new ArrayList<>();
        for (String role : ROLES) {
            for (PageRule page : PAGES) {
                String name = page.path() + " " + page.marker() + " × " + role + " → "
                        + (page.allowed().contains(role) ? "usable" : "refused");
                cells.add(DynamicTest.dynamicTest(name, () -> {
                    FormClient client = sessions.computeIfAbsent(role, r -> {
                        FormClient c = new FormClient(app.base());
                        c.signIn(r, Api.DEMO_PASSWORD);
                        return c;
                    });
                    Page shown = client.get(page.path());
                    assertEquals(200, shown.status(), name + ": " + shown);
                    assertFalse(shown.isRefusal(), name + " is a page, not the error page: " + shown);
                    assertTrue(shown.body().contains("<h1"), name + " has a heading");
                    if (page.allowed().contains(role)) {
                        assertTrue(shown.body().contains(page.marker()), name + ": the page offers " + page.marker());
                    } else {
                        assertFalse(shown.body().contains(page.marker()), name + ": the page offers no " + page.marker());
                        if (page.refusal() != null) {
                            assertTrue(shown.body().contains(page.refusal()), name + " says why: " + page.refusal());
                        }
                    }
                }));
            }
        }
        return cells.stream();
    }

    @Test
    void withoutSigningInEveryPageOfTheMatrixSendsToTheSignInPage(Keystone app) {
        FormClient anonymous = new FormClient(app.base());
        for (String path : PAGES.stream().map(PageRule::path).distinct().toList()) {
            Page page = anonymous.get(path);
            assertTrue(page.redirectsTo("/login.xhtml"), path + " redirects to sign-in: " + page);
        }
    }

    // ---- write actions ------------------------------------------------------------------------

    /**
     * One write action: how the admin prepares a fresh subject for it, how a role attempts it,
     * and what of the subject the action changes (read back as the admin). A clean-up may undo
     * what an allowed attempt left (an activated cycle).
     */
    record Action(String name, Set<String> allowed, Function<Api, String> prepare, Attempt attempt,
                  BiFunction<Api, String, String> state, BiFunction<Api, String, Void> cleanUp) {

        Action(String name, Set<String> allowed, Function<Api, String> prepare, Attempt attempt,
               BiFunction<Api, String, String> state) {
            this(name, allowed, prepare, attempt, state, (api, subject) -> null);
        }
    }

    @FunctionalInterface
    interface Attempt {
        Answer by(Api api, String role, String subject);
    }

    @TestFactory
    Stream<DynamicTest> everyWriteActionAsEveryRole(Api api) {
        String current = api.currentCycle();
        String closed = api.closedCycle();
        String today = LocalDate.now().toString();
        String objectives = "cycles/" + current + "/objectives/";
        String keyResults = "cycles/" + current + "/key-results/";

        List<Action> actions = List.of(
                new Action("create a unit in Acme/Marketing", ADMIN,
                        a -> "Matrix " + Api.uniqueKey("U"),
                        (a, role, name) -> a.post(role, "units", "{\"parentPath\":\"Acme/Marketing\",\"name\":" + json(name) + "}"),
                        (a, name) -> status(a.get("admin", unit("Acme/Marketing/" + name)))),
                new Action("rename a unit", ADMIN, RoleMatrixIT::newUnit,
                        (a, role, path) -> a.put(role, unit(path), "{\"name\":" + json(leaf(path) + " renamed") + "}"),
                        (a, path) -> status(a.get("admin", unit(path)))),
                new Action("move a unit below Acme/Sales", ADMIN, RoleMatrixIT::newUnit,
                        (a, role, path) -> a.put(role, unit(path), "{\"parentPath\":\"Acme/Sales\"}"),
                        (a, path) -> status(a.get("admin", unit(path)))),
                new Action("archive a unit", ADMIN, RoleMatrixIT::newUnit,
                        (a, role, path) -> a.put(role, unit(path), "{\"archived\":true}"),
                        (a, path) -> field(a.get("admin", unit(path)), "archived")),
                new Action("create a person", ADMIN,
                        a -> "matrix." + Api.uniqueKey("p").toLowerCase(java.util.Locale.ROOT),
                        (a, role, user) -> a.post(role, "people", personJson(user)),
                        (a, user) -> status(a.get("admin", "people/" + user))),
                new Action("deactivate a person", ADMIN, RoleMatrixIT::newPerson,
                        (a, role, user) -> a.put(role, "people/" + user, "{\"active\":false}"),
                        (a, user) -> field(a.get("admin", "people/" + user), "active")),
                new Action("give a person a unit role", ADMIN, RoleMatrixIT::newPerson,
                        (a, role, user) -> a.put(role, "people/" + user,
                                "{\"memberships\":[{\"unitPath\":\"" + PERF + "\",\"role\":\"LEAD\"}]}"),
                        (a, user) -> field(a.get("admin", "people/" + user), "memberships")),
                new Action("create a cycle", ADMIN, a -> Api.uniqueKey("MX"),
                        (a, role, name) -> a.post(role, "cycles", cycleJson(name)),
                        (a, name) -> status(a.get("admin", "cycles/" + name))),
                new Action("activate a cycle", ADMIN, RoleMatrixIT::newCycle,
                        (a, role, name) -> a.post(role, "cycles/" + name + "/activate", null),
                        (a, name) -> field(a.get("admin", "cycles/" + name), "state"),
                        RoleMatrixIT::closeIfActive),
                new Action("close a cycle", ADMIN, a -> {
                            String name = newCycle(a);
                            expect(200, a.post("admin", "cycles/" + name + "/activate", null));
                            return name;
                        },
                        (a, role, name) -> a.post(role, "cycles/" + name + "/close", null),
                        (a, name) -> field(a.get("admin", "cycles/" + name), "state"),
                        RoleMatrixIT::closeIfActive),
                new Action("create an objective in " + PERF, PERF_WRITERS, a -> Api.uniqueKey("MO"),
                        (a, role, key) -> a.post(role, "cycles/" + current + "/objectives", objectiveJson(key, null)),
                        (a, key) -> status(a.get("admin", objectives + key))),
                new Action("edit an objective of " + PERF, PERF_WRITERS, a -> newObjective(a, current),
                        (a, role, key) -> a.put(role, objectives + key, "{\"title\":" + json("Edited by " + role) + "}"),
                        (a, key) -> field(a.get("admin", objectives + key), "title")),
                new Action("align an objective of " + PERF + " to MK-1", PERF_WRITERS, a -> newObjective(a, current),
                        (a, role, key) -> a.put(role, objectives + key, "{\"parentKey\":\"MK-1\"}"),
                        (a, key) -> field(a.get("admin", objectives + key), "parentKey")),
                new Action("add a key result to an objective of " + PERF, PERF_WRITERS, a -> newObjective(a, current),
                        (a, role, key) -> a.post(role, objectives + key + "/key-results", keyResultJson(key + "-KR9")),
                        (a, key) -> status(a.get("admin", keyResults + key + "-KR9"))),
                new Action("change the target of a key result alice owns", PERF_WRITERS,
                        a -> newKeyResult(a, current),
                        (a, role, kr) -> a.put(role, keyResults + kr, "{\"target\":77}"),
                        (a, kr) -> field(a.get("admin", keyResults + kr), "target")),
                new Action("check in on a key result alice owns", union(PERF_WRITERS, Set.of("alice")),
                        a -> newKeyResult(a, current),
                        (a, role, kr) -> a.post(role, keyResults + kr + "/check-ins",
                                "{\"date\":\"" + today + "\",\"value\":5,\"confidence\":7}"),
                        (a, kr) -> String.valueOf(a.checkIns(current, kr).size())),
                new Action("define a KPI of " + PERF, PERF_WRITERS, a -> Api.uniqueKey("MK"),
                        (a, role, key) -> a.post(role, "kpis", kpiJson(key, "perf.lead")),
                        (a, key) -> status(a.get("admin", "kpis/" + key))),
                new Action("change a KPI of " + PERF, PERF_WRITERS, a -> newKpi(a, "perf.lead"),
                        (a, role, key) -> a.put(role, "kpis/" + key, "{\"target\":150}"),
                        (a, key) -> field(a.get("admin", "kpis/" + key), "target")),
                new Action("record a measurement of a KPI of " + PERF + " that bruno owns",
                        union(PERF_WRITERS, Set.of("bruno")), a -> newKpi(a, "bruno"),
                        (a, role, key) -> a.post(role, "kpis/" + key + "/measurements",
                                "{\"date\":\"" + today + "\",\"value\":3}"),
                        (a, key) -> a.get("admin", "kpis/" + key + "/measurements").body()),
                new Action("import measurements of a KPI of " + PERF, ADMIN, a -> newKpi(a, "perf.lead"),
                        (a, role, key) -> a.importCsv(role, "measurements", "kpi_key,date,value\n" + key + "," + today + ",4\n"),
                        (a, key) -> a.get("admin", "kpis/" + key + "/measurements").body()),
                // the owner may not grade their own work: perf.lead owns PF-1, alice owns PF-1-KR1
                new Action("override the grade of " + closed + "'s PF-1 (perf.lead's)", MARKETING_WRITERS, a -> "PF-1",
                        (a, role, key) -> a.post(role, "cycles/" + closed + "/objectives/" + key + "/grade",
                                gradeJson(role)),
                        (a, key) -> field(a.get("admin", "cycles/" + closed + "/objectives/" + key), "grade")),
                new Action("override the grade of " + closed + "'s PF-1-KR1 (alice's)", PERF_WRITERS, a -> "PF-1-KR1",
                        (a, role, key) -> a.post(role, "cycles/" + closed + "/key-results/" + key + "/grade",
                                gradeJson(role)),
                        (a, key) -> field(a.get("admin", "cycles/" + closed + "/key-results/" + key), "grade")));

        List<DynamicTest> cells = new ArrayList<>();
        for (Action action : actions) {
            for (String role : ROLES) {
                boolean allowed = action.allowed().contains(role);
                String name = action.name() + " × " + role + " → " + (allowed ? "done" : "403, nothing changed");
                cells.add(DynamicTest.dynamicTest(name, () -> {
                    String subject = action.prepare().apply(api);
                    String before = action.state().apply(api, subject);
                    Answer answer = action.attempt().by(api, role, subject);
                    try {
                        String after = action.state().apply(api, subject);
                        if (allowed) {
                            assertTrue(answer.status() == 200 || answer.status() == 201, name + ": " + answer);
                            assertNotEquals(before, after, name + ": the subject changed");
                        } else {
                            assertEquals(403, answer.status(), name + ": " + answer);
                            assertEquals(before, after, name + ": the subject is as before");
                        }
                    } finally {
                        action.cleanUp().apply(api, subject);
                    }
                }));
            }
        }
        return cells.stream();
    }

    // ---- a page's form posted by hand obeys the same rule ------------------------------------

    @Test
    void theObjectiveEditFormPostedByHandChangesMk1OnlyForItsWriters(Keystone app, Api api) {
        String mk1 = "cycles/" + api.currentCycle() + "/objectives/MK-1";
        String original = expect(200, api.get("admin", mk1)).object().getString("title");
        try {
            for (String role : ROLES) {
                String title = "Fill the funnel, by " + role;
                FormClient client = new FormClient(app.base());
                client.signIn(role, Api.DEMO_PASSWORD);
                Page page = client.get("/app/objective.xhtml?key=MK-1");
                Page answer = client.ajax("/app/objective.xhtml?key=MK-1", "edit", "edit:save", "edit objective",
                        page.viewState(), Map.of("edit:title", title, "edit:description", "", "edit:weight", "1"));
                assertEquals(200, answer.status(), role + ": " + answer);
                assertFalse(answer.body().contains("Something went wrong"), role + ": " + answer);
                String stored = expect(200, api.get("admin", mk1)).object().getString("title");
                if (MARKETING_WRITERS.contains(role)) {
                    assertEquals(title, stored, role + " may edit MK-1");
                } else {
                    assertNotEquals(title, stored, role + " may not edit MK-1");
                    assertTrue(answer.body().contains("Only a lead of Acme/Marketing"),
                            role + " is told why: " + answer.body());
                }
            }
        } finally {
            expect(200, api.put("admin", mk1, "{\"title\":" + json(original) + "}"));
        }
    }

    // ---- making subjects --------------------------------------------------------------------

    private static String newUnit(Api api) {
        String name = "Matrix " + Api.uniqueKey("U");
        expect(201, api.post("admin", "units", "{\"parentPath\":\"Acme/Marketing\",\"name\":" + json(name) + "}"));
        return "Acme/Marketing/" + name;
    }

    private static String newPerson(Api api) {
        String user = "matrix." + Api.uniqueKey("p").toLowerCase(java.util.Locale.ROOT);
        expect(201, api.post("admin", "people", personJson(user)));
        return user;
    }

    private static String newCycle(Api api) {
        String name = Api.uniqueKey("MX");
        expect(201, api.post("admin", "cycles", cycleJson(name)));
        return name;
    }

    private static Void closeIfActive(Api api, String cycle) {
        if ("ACTIVE".equals(expect(200, api.get("admin", "cycles/" + cycle)).object().getString("state"))) {
            expect(200, api.post("admin", "cycles/" + cycle + "/close", null));
        }
        return null;
    }

    private static String newObjective(Api api, String cycle) {
        String key = Api.uniqueKey("MO");
        expect(201, api.post("admin", "cycles/" + cycle + "/objectives", objectiveJson(key, null)));
        return key;
    }

    private static String newKeyResult(Api api, String cycle) {
        String objective = newObjective(api, cycle);
        String kr = objective + "-KR1";
        expect(201, api.post("admin", "cycles/" + cycle + "/objectives/" + objective + "/key-results", keyResultJson(kr)));
        return kr;
    }

    private static String newKpi(Api api, String owner) {
        String key = Api.uniqueKey("MK");
        expect(201, api.post("admin", "kpis", kpiJson(key, owner)));
        return key;
    }

    private static String personJson(String user) {
        return "{\"username\":" + json(user) + ",\"displayName\":\"Matrix Person\",\"password\":\"matrix-password\","
                + "\"roles\":[],\"memberships\":[{\"unitPath\":\"Acme/Marketing/Content\",\"role\":\"MEMBER\"}]}";
    }

    private static String cycleJson(String name) {
        return "{\"name\":" + json(name) + ",\"startDate\":\"2031-01-01\",\"endDate\":\"2031-03-31\"}";
    }

    private static String objectiveJson(String key, String parent) {
        return "{\"key\":" + json(key) + ",\"title\":\"Matrix objective\",\"unitPath\":\"" + PERF + "\",\"owner\":\"perf.lead\""
                + (parent == null ? "" : ",\"parentKey\":" + json(parent)) + "}";
    }

    private static String keyResultJson(String key) {
        return "{\"key\":" + json(key) + ",\"title\":\"Reach ten\",\"type\":\"NUMERIC\",\"start\":0,\"target\":10,"
                + "\"owner\":\"alice\"}";
    }

    private static String kpiJson(String key, String owner) {
        return "{\"key\":" + json(key) + ",\"name\":\"Matrix KPI\",\"unitPath\":\"" + PERF + "\",\"direction\":\"HIGHER_IS_BETTER\","
                + "\"kind\":\"LEADING\",\"target\":100,\"warning\":80,\"timeAggregation\":\"SUM\",\"unitOfMeasure\":\"things\","
                + "\"owner\":" + json(owner) + "}";
    }

    private static String gradeJson(String role) {
        return "{\"grade\":0.6,\"reason\":" + json("matrix check by " + role + " " + Api.uniqueKey("R")) + "}";
    }

    private static String unit(String path) {
        return "units/" + ApiClient.unitPath(path);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static String status(Answer a) {
        return String.valueOf(a.status());
    }

    private static String field(Answer a, String name) {
        JsonObject o = expect(200, a).object();
        return String.valueOf(o.get(name));
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Stream.of(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
