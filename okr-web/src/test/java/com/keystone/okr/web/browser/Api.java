package com.keystone.okr.web.browser;

import com.keystone.okr.web.it.ApiClient;
import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API as the browser tests use it besides the browser: making their own data
 * (objectives, key results, check-ins) and reading what the UI stored. The calls are
 * {@link ApiClient}'s, the API tests' client; this adds what the browser tests share: unique
 * keys, the demo cycles, and insisting on a status.
 */
final class Api {

    static final String DEMO_PASSWORD = ApiClient.DEMO_PASSWORD;
    private static final String RUN = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final ApiClient client;

    Api(URI base) {
        this.client = new ApiClient(base);
    }

    /** A key no other test of this run uses, e.g. {@code BT-3F2A-7}. */
    static String uniqueKey(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    Answer get(String user, String path) {
        return client.get(user, path);
    }

    /** A GET with another password than the demo one. */
    Answer get(String user, String path, String password) {
        return client.send("GET", path, user, password, null, null, Map.of());
    }

    Answer post(String user, String path, String json) {
        return client.post(user, path, json);
    }

    Answer put(String user, String path, String json) {
        return client.put(user, path, json);
    }

    /** A CSV import ({@code POST /import/{kind}}) of the given text. */
    Answer importCsv(String user, String kind, String csv) {
        return client.importCsv(user, kind, csv);
    }

    /** The same call, insisting on a status; the answer otherwise becomes the failure message. */
    static Answer expect(int status, Answer a) {
        if (a.status() != status) {
            throw new AssertionError("expected " + status + ": " + a);
        }
        return a;
    }

    /** The name of the active cycle containing today: the one the UI shows by default. */
    String currentCycle() {
        return cycleIn("ACTIVE");
    }

    /** The name of the closed cycle before the current one (the demo grades it). */
    String closedCycle() {
        return cycleIn("CLOSED");
    }

    private String cycleIn(String state) {
        for (JsonObject c : expect(200, get("admin", "cycles")).array().getValuesAs(JsonObject.class)) {
            if (state.equals(c.getString("state"))) {
                return c.getString("name");
            }
        }
        throw new AssertionError("the demo company has no " + state + " cycle");
    }

    /** The check-ins of a key result, oldest first as the API lists them. */
    List<JsonObject> checkIns(String cycle, String keyResult) {
        return expect(200, get("admin", "cycles/" + segment(cycle) + "/key-results/" + segment(keyResult) + "/check-ins"))
                .array().getValuesAs(JsonObject.class);
    }

    /** A JSON string literal. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String segment(String s) {
        return ApiClient.segment(s);
    }
}
