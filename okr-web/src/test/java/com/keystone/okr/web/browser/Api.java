package com.keystone.okr.web.browser;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The REST API with HTTP Basic and the demo password, for what a browser test needs besides the
 * browser: making its own data (objectives, key results, check-ins) and reading what the UI
 * stored. The counterpart of {@code it.ApiClient}, which is private to its package.
 */
final class Api {

    static final String DEMO_PASSWORD = "demo";
    private static final String RUN = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final URI root;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    Api(URI base) {
        this.root = base.resolve("/api/v1/");
    }

    /** A key no other test of this run uses, e.g. {@code BT-3F2A-7}. */
    static String uniqueKey(String prefix) {
        return prefix + "-" + RUN + "-" + SEQ.incrementAndGet();
    }

    Answer get(String user, String path) {
        return send("GET", path, user, null);
    }

    Answer post(String user, String path, String json) {
        return send("POST", path, user, json);
    }

    Answer put(String user, String path, String json) {
        return send("PUT", path, user, json);
    }

    /** A CSV import ({@code POST /import/{kind}}) of the given text. */
    Answer importCsv(String user, String kind, String csv) {
        return send("POST", "import/" + kind, user, csv, "text/csv; charset=UTF-8");
    }

    /** The name of the closed cycle before the current one (the demo grades it). */
    String closedCycle() {
        for (JsonObject c : expect(200, get("admin", "cycles")).array().getValuesAs(JsonObject.class)) {
            if ("CLOSED".equals(c.getString("state"))) {
                return c.getString("name");
            }
        }
        throw new AssertionError("the demo company has no closed cycle");
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
        for (JsonObject c : expect(200, get("admin", "cycles")).array().getValuesAs(JsonObject.class)) {
            if ("ACTIVE".equals(c.getString("state"))) {
                return c.getString("name");
            }
        }
        throw new AssertionError("the demo company has no active cycle");
    }

    /** The check-ins of a key result, oldest first as the API lists them. */
    List<JsonObject> checkIns(String cycle, String keyResult) {
        return expect(200, get("admin", "cycles/" + segment(cycle) + "/key-results/" + segment(keyResult) + "/check-ins"))
                .array().getValuesAs(JsonObject.class);
    }

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
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Answer send(String method, String path, String user, String json) {
        return send(method, path, user, json, "application/json");
    }

    private Answer send(String method, String path, String user, String body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(method + " " + path + " as " + user, r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(String call, int status, String body) {

        JsonObject object() {
            return (JsonObject) json();
        }

        JsonArray array() {
            return (JsonArray) json();
        }

        JsonStructure json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            String b = body == null ? "" : body.length() > 1500 ? body.substring(0, 1500) + "..." : body;
            return call + " -> " + status + " " + b;
        }
    }
}
