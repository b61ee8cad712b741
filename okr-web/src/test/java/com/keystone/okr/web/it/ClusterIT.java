package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the uber-jar on one PostgreSQL database, started together, as the README's
 * "Run a cluster" describes: they agree on one schema and one demo company, and what one of them
 * stores the other reads at once, password changes included. (Each instance keeps only the web
 * sessions and a cache of verified passwords that is checked against the stored hash on every
 * request; a load balancer keeps a browser on one instance.)
 */
class ClusterIT {

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
