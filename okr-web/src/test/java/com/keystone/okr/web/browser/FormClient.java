package com.keystone.okr.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web UI over plain HTTP with a cookie jar, as a script (or a forged cross-site form) would
 * talk to it: GET a page, POST a Faces form with whatever fields and ViewState one likes. No
 * redirect is followed, so a test sees exactly what the server answered. {@link #movedTo} goes on
 * with the same cookies at another instance, as a load balancer does when one instance dies.
 */
public final class FormClient {

    private static final Pattern VIEW_STATE = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern PARTIAL_VIEW_STATE = Pattern.compile(
            "<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[([^\\]]+)\\]\\]>");

    /** PrimeFaces' CSP nonce of the page last shown, which a browser sends back with every post of that page. */
    private static final Pattern CSP_NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");

    private final URI base;
    private String nonce;
    private final CookieManager cookies;
    private final HttpClient http;

    public FormClient(URI base) {
        this(base, new CookieManager(null, CookiePolicy.ACCEPT_ALL), null);
    }

    private FormClient(URI base, CookieManager cookies, String nonce) {
        this.base = base;
        this.cookies = cookies;
        this.nonce = nonce;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same browser, cookies and page state, now talking to the instance at {@code other}. */
    public FormClient movedTo(URI other) {
        FormClient moved = new FormClient(other, new CookieManager(null, CookiePolicy.ACCEPT_ALL), nonce);
        for (HttpCookie c : cookies.getCookieStore().get(base)) {
            moved.cookies.getCookieStore().add(other, c);
        }
        return moved;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), path);
    }

    /** A form post (urlencoded), fields in the order given, with the page's CSP nonce as a browser sends it. */
    public Page post(String path, Map<String, String> fields) {
        fields = withNonce(fields);
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))), path);
    }

    /** A PrimeFaces ajax post, as the browser sends when a button with ajax is clicked. */
    public Page ajax(String path, String form, String source, String render, String viewState) {
        return ajax(path, form, source, render, viewState, Map.of());
    }

    /** The same, with the form's input fields (client id → value) as the browser would send them. */
    public Page ajax(String path, String form, String source, String render, String viewState, Map<String, String> inputs) {
        Map<String, String> f = new LinkedHashMap<>(inputs);
        f.put("jakarta.faces.partial.ajax", "true");
        f.put("jakarta.faces.source", source);
        f.put("jakarta.faces.partial.execute", inputs.isEmpty() ? source : source + " " + form);
        f.put("jakarta.faces.partial.render", render);
        f.put(source, source);
        f.put(form, form);
        f.put("jakarta.faces.ViewState", viewState);
        f = withNonce(f);
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(encode(f))), path);
    }

    /** Signs in through the login form, as a browser does: GET the form, POST it with its ViewState. */
    public void signIn(String user, String password) {
        Page login = get("/login.xhtml");
        Page after = post("/login.xhtml", loginFields(user, password, login.viewState()));
        if (!after.redirectsTo("/app/index.xhtml")) {
            throw new AssertionError(user + " could not sign in over HTTP: " + after);
        }
    }

    public static Map<String, String> loginFields(String user, String password, String viewState) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("login", "login");
        f.put("login:username", user);
        f.put("login:password", password);
        f.put("login:submit", "");
        if (viewState != null) {
            f.put("jakarta.faces.ViewState", viewState);
        }
        return f;
    }

    /** The dashboard's check-in dialog as a browser posts it (the dialog opened for one key result). */
    public static Map<String, String> checkInFields(String viewState, String value, String comment) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("checkin", "checkin");
        f.put("checkin:value_input", value);
        f.put("checkin:value_hinput", value);
        f.put("checkin:confidence_input", "6");
        f.put("checkin:comment", comment);
        f.put("checkin:date_input", LocalDate.now().toString());
        f.put("checkin:save", "checkin:save");
        if (viewState != null) {
            f.put("jakarta.faces.ViewState", viewState);
        }
        return f;
    }

    /** The row index of a key result in the dashboard's "my key results" table. */
    public static String dashboardRowOf(String html, String kr) {
        Matcher m = Pattern.compile("<tr data-ri=\"(\\d+)\"[^>]*>(?:(?!</tr>).)*?>" + Pattern.quote(kr) + "</a>",
                Pattern.DOTALL).matcher(html);
        if (!m.find()) {
            throw new AssertionError(kr + " is not in the key results on this page:\n" + html);
        }
        return m.group(1);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().get(base).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    /** Replaces the session cookie, as an attacker who planted a session id would. */
    void setSessionCookie(String id) {
        cookies.getCookieStore().removeAll();
        HttpCookie c = new HttpCookie("JSESSIONID", id);
        c.setPath("/");
        c.setVersion(0);
        cookies.getCookieStore().add(base, c);
    }

    private Map<String, String> withNonce(Map<String, String> fields) {
        if (nonce == null || fields.containsKey("primefaces.nonce")) {
            return fields;
        }
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put("primefaces.nonce", nonce);
        return f;
    }

    private Page send(HttpRequest.Builder b, String path) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher n = CSP_NONCE.matcher(r.body());
            if (n.find()) {
                nonce = n.group(1);
            }
            return new Page(path, r.statusCode(), r.headers().firstValue("Location"), r.headers().allValues("Set-Cookie"), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public record Page(String path, int status, Optional<String> location, List<String> setCookies, String body) {

        /** The page's ViewState (from a full page or an ajax partial response). */
        public String viewState() {
            Matcher m = VIEW_STATE.matcher(body);
            if (m.find()) {
                return m.group(1);
            }
            Matcher p = PARTIAL_VIEW_STATE.matcher(body);
            if (p.find()) {
                return p.group(1);
            }
            throw new AssertionError("no ViewState in " + this);
        }

        /** The expired-view page or the error page: what a post the server would not take gets. */
        public boolean isRefusal() {
            return body.contains("This page expired") || body.contains("Something went wrong");
        }

        /** A redirect to a path ending so; its query (a page's cycle and date, PageAddress) aside. */
        public boolean redirectsTo(String pathEnd) {
            return (status == 302 || status == 303) && location.map(l -> URI.create(l).getPath().endsWith(pathEnd)).orElse(false);
        }

        @Override
        public String toString() {
            String b = body == null ? "" : body.length() > 2000 ? body.substring(0, 2000) + "..." : body;
            return path + " -> " + status + location.map(l -> " Location: " + l).orElse("") + "\n" + b;
        }
    }
}
