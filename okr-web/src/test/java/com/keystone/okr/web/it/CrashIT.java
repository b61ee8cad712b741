package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL in the middle of a write, as a power cut or the OOM killer would,
 * on the default embedded H2 database (which dies with the process, the harder case: PostgreSQL
 * rolls an open transaction back by itself when its connection drops). After a restart the data
 * is exactly as before the write or exactly as after it, never in between.
 *
 * <p>To kill in the middle rather than before or after, each write is first timed on a twin of the
 * same size that runs to its end (after a third one has warmed the server up: a cold first run is
 * twice as slow), and the server is killed at a third of that time, while the client still waits
 * for the answer (checked). The test prints which of the two states it found.
 */
class CrashIT {

    private static final String UNIT = "Acme/Crash Test";
    private static final int OBJECTIVES = 2_500;
    private static final int KRS_PER_OBJECTIVE = 10;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void aServerKilledDuringALargeImportOrACycleCloseComesBackWithTheWriteWhollyDoneOrWhollyUndone(@TempDir Path dir)
            throws Exception {
        RunningJar server = RunningJar.start(dir, "okr.demo=true").awaitReady();
        try {
            // the import: one file warms the server up, a twin is timed to its end, a third is killed a third of the way
            URI first = server.base();
            expectStatus(200, importOkrs(first, "2028-Q1").join());
            Duration importTime = timed(() -> expectStatus(200, importOkrs(first, "2027-Q3").join()));
            assertObjectives(new ApiClient(server.base()), "2027-Q3", OBJECTIVES, false);

            CompletableFuture<HttpResponse<String>> killedImport = importOkrs(server.base(), "2027-Q4");
            Thread.sleep(importTime.toMillis() / 3);
            assertFalse(killedImport.isDone(), "the import was still running when the server was killed: " + importTime);
            server.kill();
            server.close();

            server = RunningJar.start(dir, "okr.demo=true").awaitReady();
            ApiClient api = new ApiClient(server.base());
            Answer cycle = api.get("admin", "cycles/2027-Q4");
            System.out.printf("CrashIT: %d OKR rows import in %d ms; killed at a third: %s%n", OBJECTIVES * KRS_PER_OBJECTIVE,
                    importTime.toMillis(), cycle.status() == 200 ? "committed before the kill" : "rolled back");
            if (cycle.status() == 200) {
                assertObjectives(api, "2027-Q4", OBJECTIVES, false); // committed just before the kill: all of it
            } else {
                assertEquals(404, cycle.status(), "the import's new cycle is gone with the rest of it: " + cycle);
                assertTrue(api.get("admin", "cycles").array().getValuesAs(JsonObject.class).stream()
                        .noneMatch(c -> c.getString("name").equals("2027-Q4")));
                expectStatus(200, importOkrs(server.base(), "2027-Q4").join()); // and the file imports whole again
                assertObjectives(api, "2027-Q4", OBJECTIVES, false);
            }
            assertObjectives(api, "2027-Q3", OBJECTIVES, false);

            // the close of a cycle: three of the same size; one warms the restarted server up, one is timed, one is killed
            URI base = server.base();
            expectStatus(200, close(base, "2028-Q1").join());
            Duration closeTime = timed(() -> expectStatus(200, close(base, "2027-Q3").join()));
            assertObjectives(api, "2027-Q3", OBJECTIVES, true);

            CompletableFuture<HttpResponse<String>> killedClose = close(base, "2027-Q4");
            Thread.sleep(closeTime.toMillis() / 3);
            assertFalse(killedClose.isDone(), "the close was still running when the server was killed: " + closeTime);
            server.kill();
            server.close();

            server = RunningJar.start(dir, "okr.demo=true").awaitReady();
            api = new ApiClient(server.base());
            boolean closed = api.get("admin", "cycles/2027-Q4").object().getString("state").equals("CLOSED");
            System.out.printf("CrashIT: closing a cycle of %d objectives takes %d ms; killed at a third: %s%n", OBJECTIVES,
                    closeTime.toMillis(), closed ? "committed before the kill" : "rolled back");
            assertObjectives(api, "2027-Q4", OBJECTIVES, closed); // closed with every grade frozen, or open with none
            assertObjectives(api, "2027-Q3", OBJECTIVES, true);
        } finally {
            server.close();
        }
    }

    /** The cycle has exactly {@code count} objectives of the test unit, each with all its key results, all graded or none. */
    private static void assertObjectives(ApiClient api, String cycle, int count, boolean graded) {
        List<JsonObject> objectives = api.get("admin", "cycles/" + cycle + "/objectives").array()
                .getValuesAs(JsonObject.class).stream().filter(o -> o.getString("unitPath").equals(UNIT)).toList();
        assertEquals(count, objectives.size(), cycle + ": objectives");
        for (JsonObject o : objectives) {
            assertEquals(KRS_PER_OBJECTIVE, o.getJsonArray("keyResults").size(), cycle + ": " + o);
            assertEquals(graded, o.containsKey("grade") && !o.isNull("grade"), cycle + ": " + (graded ? "frozen grade" : "no grade") + " " + o);
        }
    }

    private CompletableFuture<HttpResponse<String>> importOkrs(URI base, String cycle) {
        StringBuilder csv = new StringBuilder("cycle,unit_path,objective_key,objective,kr_key,key_result,kr_type,start,target\n");
        for (int o = 1; o <= OBJECTIVES; o++) {
            for (int k = 1; k <= KRS_PER_OBJECTIVE; k++) {
                csv.append(cycle).append(',').append(UNIT).append(",CR-").append(o).append(",Objective ").append(o)
                        .append(",CR-").append(o).append("-KR").append(k).append(",Key result ").append(k)
                        .append(",NUMERIC,0,").append(10 * k).append('\n');
            }
        }
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/import/okrs")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)));
    }

    private CompletableFuture<HttpResponse<String>> close(URI base, String cycle) {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/cycles/" + cycle + "/close"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest.Builder request) {
        return http.sendAsync(request.header("Authorization", ApiClient.basic("admin", ApiClient.DEMO_PASSWORD))
                .timeout(Duration.ofMinutes(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expectStatus(int status, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.uri() + ": " + answer.body());
    }

    private static Duration timed(Runnable write) {
        long start = System.nanoTime();
        write.run();
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
