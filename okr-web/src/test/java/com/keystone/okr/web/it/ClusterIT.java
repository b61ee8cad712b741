package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.web.browser.FormClient;
import com.keystone.okr.web.browser.FormClient.Page;
import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the uber-jar on one PostgreSQL database, as the README's "Run a cluster"
 * describes. Stand-alone ({@code --nohazelcast}, as API-only nodes run) they agree on one schema
 * and one demo company, and what one of them stores the other reads at once, password changes
 * included. Clustered by Payara Micro's Hazelcast they also share web sessions and Faces views:
 * a browser whose instance dies goes on at the other, signed in, on the page it had open.
 */
class ClusterIT {

    @Test
    void aSignedInBrowserGoesOnAtTheOtherInstanceWhenItsInstanceIsKilled(@TempDir Path a, @TempDir Path b)
            throws Exception {
        String url = TestDatabase.emptyPostgresUrl();
        String[] settings = {"okr.db.url=" + url, "okr.db.user=postgres", "okr.db.password=", "okr.demo=true"};
        String cluster = "keystone-it-" + UUID.randomUUID();
        int[] hazelcast = RunningJar.freePorts(2);
        try (RunningJar first = RunningJar.start(a, RunningJar.clusterOptions(cluster, 0, hazelcast), settings);
             RunningJar second = RunningJar.start(b, RunningJar.clusterOptions(cluster, 1, hazelcast), settings)) {
            first.awaitReady();
            second.awaitReady();
            assertTrue(second.output().contains("DG Size: 2") || first.output().contains("DG Size: 2"),
                    "the two instances formed one cluster:\n" + second.tail());
            ApiClient api = new ApiClient(second.base());
            String cycle = activeCycle(api);
            String kr = newKeyResultOfAlice(api, cycle);

            // alice signs in through the sign-in form at the first instance and opens a check-in dialog there
            FormClient atFirst = new FormClient(first.base());
            atFirst.signIn("alice", ApiClient.DEMO_PASSWORD);
            Page dashboard = atFirst.get("/app/index.xhtml");
            assertEquals(200, dashboard.status(), dashboard.toString());
            String button = "dashboard:myKrs:" + FormClient.dashboardRowOf(dashboard.body(), kr) + ":checkin";
            Page dialog = atFirst.ajax("/app/index.xhtml", "dashboard", button, "checkin", dashboard.viewState());
            assertTrue(dialog.body().contains(kr), "the dialog opened for " + kr + ": " + dialog);

            first.kill();

            // her next requests reach the second instance with the same cookie: still signed in, same page
            FormClient atSecond = atFirst.movedTo(second.base());
            Page again = atSecond.get("/app/index.xhtml");
            assertEquals(200, again.status(), "still signed in at the second instance: " + again);
            assertTrue(again.body().contains(kr), "the same key results: " + again);

            // and the dialog she opened at the first instance stores her check-in at the second
            Page stored = atSecond.post("/app/index.xhtml", FormClient.checkInFields(dialog.viewState(), "42", "after failover"));
            assertTrue(stored.redirectsTo("/app/index.xhtml"), "the form of the dead instance's page was taken: " + stored);
            List<JsonObject> checkIns = api.get("hr", "cycles/" + cycle + "/key-results/" + kr + "/check-ins").array()
                    .getValuesAs(JsonObject.class);
            assertEquals(1, checkIns.size(), checkIns.toString());
            assertEquals("after failover", checkIns.get(0).getString("comment"));
            assertEquals("alice", checkIns.get(0).getString("author"));
            assertEquals(0.42, krProgress(api.get("hr", "cycles/" + cycle + "/rollup").object(), kr), 1e-9,
                    "the second instance's live model has the check-in");
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareOneCompanyAndSeeEachOthersWrites(@TempDir Path a, @TempDir Path b)
            throws Exception {
        String url = TestDatabase.emptyPostgresUrl();
        String[] settings = {"okr.db.url=" + url, "okr.db.user=postgres", "okr.db.password=", "okr.demo=true"};
        try (RunningJar first = RunningJar.start(a, settings); RunningJar second = RunningJar.start(b, settings)) {
            first.awaitReady();
            second.awaitReady();
            ApiClient one = new ApiClient(first.base());
            ApiClient two = new ApiClient(second.base());

            // one company, loaded once although both started on an empty database with okr.demo=true
            List<JsonObject> units = two.get("hr", "units").array().getValuesAs(JsonObject.class);
            assertEquals(1, units.stream().filter(u -> u.getInt("depth") == 0).count(), "one company root: " + units);
            assertEquals(units.size(), one.get("hr", "units").array().size());
            assertTrue(first.output().contains("the demo company is not loaded again")
                    ^ second.output().contains("the demo company is not loaded again"), "exactly one instance seeded");

            // a check-in through the first instance is in the second one's history and roll-up
            String cycle = activeCycle(two);
            String comment = "through the first instance " + UUID.randomUUID();
            Answer stored = one.post("alice", "cycles/" + cycle + "/key-results/PF-1-KR1/check-ins",
                    "{\"date\":\"" + LocalDate.now() + "\",\"value\":3.1,\"confidence\":8,\"comment\":\"" + comment + "\"}");
            assertEquals(201, stored.status(), stored.toString());
            assertTrue(two.get("hr", "cycles/" + cycle + "/key-results/PF-1-KR1/check-ins").body().contains(comment));
            assertEquals(krProgress(one.get("hr", "cycles/" + cycle + "/rollup").object(), "PF-1-KR1"),
                    krProgress(two.get("hr", "cycles/" + cycle + "/rollup").object(), "PF-1-KR1"));

            // a password changed through one instance is the only one the other accepts, at once
            assertEquals(200, two.get("alice", "cycles").status(), "alice's password is now remembered by the second");
            Answer changed = one.post("alice", "people/me/password",
                    "{\"currentPassword\":\"demo\",\"newPassword\":\"a-new-long-password\"}");
            assertTrue(changed.status() == 200 || changed.status() == 204, changed.toString());
            assertEquals(401, two.get("alice", "cycles").status(), "the old password no longer works on the second");
            Answer withNew = two.send("GET", "cycles", "alice", "a-new-long-password", null, null, Map.of());
            assertEquals(200, withNew.status(), withNew.toString());
        }
    }

    /** A key result of alice's own, with no check-in yet, in an objective made for the test. */
    private static String newKeyResultOfAlice(ApiClient api, String cycle) {
        String objective = "FO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Answer o = api.post("admin", "cycles/" + cycle + "/objectives", "{\"key\":\"" + objective
                + "\",\"title\":\"Failover objective\",\"unitPath\":\"Acme/Marketing/Performance\",\"owner\":\"perf.lead\"}");
        assertEquals(201, o.status(), o.toString());
        String kr = objective + "-KR1";
        Answer k = api.post("admin", "cycles/" + cycle + "/objectives/" + objective + "/key-results", "{\"key\":\"" + kr
                + "\",\"title\":\"Reach one hundred\",\"type\":\"NUMERIC\",\"start\":0,\"target\":100,\"owner\":\"alice\"}");
        assertEquals(201, k.status(), k.toString());
        return kr;
    }

    private static String activeCycle(ApiClient api) {
        return api.get("hr", "cycles").array().getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("state").equals("ACTIVE")).findFirst().orElseThrow().getString("name");
    }

    private static double krProgress(JsonObject rollup, String key) {
        return rollup.getJsonArray("units").getValuesAs(JsonObject.class).stream()
                .flatMap(u -> u.getJsonArray("objectives").getValuesAs(JsonObject.class).stream())
                .flatMap(o -> o.getJsonArray("keyResults").getValuesAs(JsonObject.class).stream())
                .filter(k -> k.getString("key").equals(key)).findFirst().orElseThrow()
                .getJsonNumber("progress").doubleValue();
    }
}
