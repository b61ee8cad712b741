package com.keystone.okr.web.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A small HTTP client for the REST API as an integration would call it: HTTP Basic with a
 * user's password ({@code demo} for the demo users), JSON or CSV bodies, answers read with
 * JSON-P. It remembers every 5xx answer it got, so a test can insist there was none.
 */
public final class ApiClient {

    public static final String DEMO_PASSWORD = "demo";
    public static final String API = "api/v1/";

    private final URI root;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> serverErrors = new ArrayList<>();

    ApiClient(URL base) {
        this(toUri(base));
    }

    /** A client of the deployment at {@code base} (e.g. {@code http://localhost:8080}). */
    public ApiClient(URI base) {
        String s = base.toString();
        this.root = URI.create(s.endsWith("/") ? s : s + "/");
    }

    private static URI toUri(URL base) {
        try {
            return base.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(base.toString(), e);
        }
    }

    /** Every answer with a 5xx status since the last call, described for a failure message. */
    public List<String> takeServerErrors() {
        List<String> copy = List.copyOf(serverErrors);
        serverErrors.clear();
        return copy;
    }

    public Answer get(String user, String apiPath) {
        return send("GET", apiPath, user, DEMO_PASSWORD, null, null, Map.of());
    }

    public Answer post(String user, String apiPath, String json) {
        return send("POST", apiPath, user, DEMO_PASSWORD, json == null ? null : "application/json", bytes(json), Map.of());
    }

    public Answer put(String user, String apiPath, String json) {
        return send("PUT", apiPath, user, DEMO_PASSWORD, "application/json", bytes(json), Map.of());
    }

    public Answer put(String user, String apiPath, String json, String ifMatch) {
        return send("PUT", apiPath, user, DEMO_PASSWORD, "application/json", bytes(json), Map.of("If-Match", ifMatch));
    }

    public Answer importCsv(String user, String kind, String csv) {
        return importCsv(user, kind, "text/csv; charset=UTF-8", bytes(csv));
    }

    public Answer importCsv(String user, String kind, String contentType, byte[] body) {
        return send("POST", "import/" + kind, user, DEMO_PASSWORD, contentType, body, Map.of());
    }

    /** A call to {@code /api/v1/<apiPath>}; {@code user} null sends no credentials. */
    public Answer send(String method, String apiPath, String user, String password, String contentType, byte[] body,
                Map<String, String> headers) {
        return sendTo(method, API + apiPath, user, password, contentType, body, headers);
    }

    /** A call to any path of the deployment (relative) or the server (absolute, e.g. {@code /metrics}). */
    public Answer sendTo(String method, String path, String user, String password, String contentType, byte[] body,
                  Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(root.resolve(path)).timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            b.header("Authorization", basic(user, password));
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (!headers.containsKey("Accept")) {
            b.header("Accept", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] text = r.body();
            if (r.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(text))) {
                    text = in.readAllBytes(); // as a client that asked for gzip does
                }
            }
            Answer a = new Answer(method, path, r.statusCode(), r.headers(), new String(text, StandardCharsets.UTF_8));
            if (a.status() >= 500) {
                serverErrors.add(a.toString());
            }
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call whose answer is kept as bytes (a zip), with the given password. */
    public HttpResponse<byte[]> bytes(String method, String apiPath, String user, String password, String contentType,
                                      byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(root.resolve(API + apiPath)).timeout(Duration.ofSeconds(300))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", basic(user, password));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() >= 500) {
                serverErrors.add(method + " " + apiPath + " -> " + r.statusCode());
            }
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + apiPath, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A unit path as URL path segments: {@code Acme/Customer Success} becomes {@code Acme/Customer%20Success}. */
    public static String unitPath(String path) {
        return Arrays.stream(path.split("/")).map(ApiClient::segment).collect(Collectors.joining("/"));
    }

    public static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** One answer: status, headers and body, with the body read as JSON on demand. */
    public record Answer(String method, String path, int status, HttpHeaders headers, String body) {

        public JsonObject object() {
            return (JsonObject) json();
        }

        public JsonArray array() {
            return (JsonArray) json();
        }

        public JsonStructure json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The {@code errors} of the API's error shape. */
        public List<JsonObject> errors() {
            return object().getJsonArray("errors").getValuesAs(JsonObject.class);
        }

        @Override
        public String toString() {
            String b = body == null ? "" : body.length() > 1500 ? body.substring(0, 1500) + "..." : body;
            return method + " " + path + " -> " + status + " " + b;
        }
    }
}
