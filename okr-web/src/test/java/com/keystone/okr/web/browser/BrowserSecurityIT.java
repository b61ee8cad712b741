package com.keystone.okr.web.browser;

import static com.keystone.okr.web.browser.Api.expect;
import static com.keystone.okr.web.browser.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.web.browser.FormClient.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * What a browser makes possible to get wrong: who may sign in and what they then see, the
 * session id at sign-in, forged form posts (the Faces ViewState is the CSRF token), script in
 * text people type, and pages without a signed-in user.
 */
@ExtendWith(BrowserExtension.class)
class BrowserSecurityIT {

    /** Script that runs if a page ever emits the text as markup: either form sets window.__xss. */
    static final String XSS = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=2\">";

    /** The demo users and the names their user menu shows. */
    private static final Map<String, String> NAMES = Map.of("admin", "Ada Admin", "hr", "Harriet Rivers",
            "ceo", "Carmen Ortiz", "marketing.lead", "Mia Lindqvist", "alice", "Alice Moreau");

    @Test
    void everyDemoRoleSignsInAndLandsOnMyWorkShowingTheirName(Browser browser) {
        for (String user : List.of("admin", "hr", "ceo", "marketing.lead", "alice")) {
            browser.signInAs(user);
            assertEquals("My work", browser.text(By.tagName("h1")), user);
            assertEquals(NAMES.get(user), browser.userMenuLabel(), user + "'s name in the user menu");
            assertTrue(browser.has(By.id("dashboard")), user + " sees the dashboard:\n" + browser.bodyText());
            browser.signOut();
            assertEquals("/login.xhtml", browser.path(), user + " signed out");
        }
    }

    @Test
    void afterRepeatedWrongPasswordsTheSignInPageSaysHowLongToWaitAndSignsNobodyIn(Browser browser, Api api) {
        String username = "locked." + Api.uniqueKey("l").toLowerCase(java.util.Locale.ROOT);
        Api.expect(201, api.post("admin", "people", "{\"username\":\"" + username + "\",\"displayName\":\"Locked Out\","
                + "\"password\":\"the-right-password\"}"));
        for (int i = 1; i <= 6; i++) {
            browser.signIn(username, "wrong-guess-" + i);
            assertTrue(browser.text(By.id("login:messages")).contains("The username or password is wrong"), "guess " + i);
        }
        browser.signIn(username, "the-right-password");
        assertEquals("/login.xhtml", browser.path(), "locked: even the right password waits");
        String message = browser.text(By.id("login:messages"));
        assertTrue(message.matches("(?s).*Too many failed sign-ins for this account or from this address: try again in "
                + "\\d+ seconds.*"), message);
    }

    @Test
    void aWrongPasswordShowsTheErrorAndStaysOnTheSignInPage(Browser browser) {
        browser.go("/login.xhtml");
        browser.signIn("alice", "not-her-password");
        assertEquals("/login.xhtml", browser.path());
        assertTrue(browser.text(By.id("login:messages")).contains("The username or password is wrong"),
                browser.bodyText());
        assertEquals("alice", browser.driver().findElement(By.id("login:username")).getDomProperty("value"),
                "the username stays filled in");
        assertEquals("", browser.driver().findElement(By.id("login:password")).getDomProperty("value"),
                "the wrong password is not sent back");
        browser.go("/app/index.xhtml");
        assertEquals("/login.xhtml", browser.path(), "still not signed in");
    }

    @Test
    void signingOutReturnsToTheSignInPageAndMyWorkThenAsksToSignInAgain(Browser browser) {
        browser.signInAs("alice");
        browser.signOut();
        assertEquals("/login.xhtml", browser.path());
        browser.go("/app/index.xhtml");
        assertEquals("/login.xhtml", browser.path(), "signed out means signed out");
        browser.driver().navigate().back();
        browser.settle();
        browser.go("/app/index.xhtml");
        assertEquals("/login.xhtml", browser.path(), "going back does not sign in again");
    }

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneSignsNobodyIn(Browser browser, Keystone app) {
        browser.go("/login.xhtml");
        String before = browser.cookie("JSESSIONID").map(Cookie::getValue).orElse(null);
        browser.signInAs("alice");
        Cookie after = browser.cookie("JSESSIONID").orElseThrow(() -> new AssertionError("no session cookie after sign-in"));
        assertNotEquals(before, after.getValue(), "a new session id at sign-in");
        assertTrue(after.isHttpOnly(), "the session cookie is HttpOnly");

        if (before != null) {
            // someone who planted or saw the pre-sign-in id gets nothing with it
            FormClient attacker = new FormClient(app.base());
            attacker.setSessionCookie(before);
            Page page = attacker.get("/app/index.xhtml");
            assertTrue(page.redirectsTo("/login.xhtml"), "the old session id is not signed in: " + page);
        }
        FormClient same = new FormClient(app.base());
        same.setSessionCookie(after.getValue());
        assertEquals(200, same.get("/app/index.xhtml").status(), "the new id is the signed-in session");
    }

    @Test
    void theApiIgnoresTheSessionCookieAndASessionEndsWhenItsPasswordIsResetButNotWhenItsOwnerChangesIt(Browser browser,
                                                                                                        Keystone app,
                                                                                                        Api api) {
        String username = "session." + Api.uniqueKey("s").toLowerCase(java.util.Locale.ROOT);
        Api.expect(201, api.post("admin", "people", "{\"username\":\"" + username + "\",\"displayName\":\"Session Tester\","
                + "\"password\":\"first-long-password\"}"));
        browser.signIn(username, "first-long-password");
        assertEquals("/app/password.xhtml", browser.path(), "a password an admin set is temporary");
        changePassword(browser, "first-long-password", "first-chosen-password");
        assertEquals("/app/index.xhtml", browser.path());
        String cookie = browser.cookie("JSESSIONID").orElseThrow().getValue();
        FormClient withCookie = new FormClient(app.base());
        withCookie.setSessionCookie(cookie);
        assertEquals(200, withCookie.get("/app/index.xhtml").status(), "the cookie is the signed-in session");
        assertEquals(401, withCookie.get("/api/v1/cycles").status(),
                "the API authenticates by the Authorization header only: a page of another site cannot ride the cookie");

        // the person changes their own password: this session goes on
        browser.go("/app/password.xhtml");
        browser.type(By.id("password:current"), "first-chosen-password");
        browser.type(By.id("password:new"), "second-long-password");
        browser.type(By.id("password:repeat"), "second-long-password");
        browser.clickAjax(By.id("password:save"));
        assertTrue(browser.text(By.id("password:messages")).contains("Your password was changed"),
                browser.text(By.id("password")));
        browser.go("/app/index.xhtml");
        assertEquals("/app/index.xhtml", browser.path(), "changing one's own password keeps one's session");

        // an admin resets it: the session ends at its next request
        Api.expect(200, api.put("admin", "people/" + username, "{\"password\":\"reset-long-password\"}"));
        browser.go("/app/index.xhtml");
        assertEquals("/login.xhtml", browser.path(), "a reset password ends the sessions signed in with the old one");
        browser.signIn(username, "reset-long-password");
        assertEquals("/app/password.xhtml", browser.path(), "a reset password must be changed first");
        browser.go("/app/kpis.xhtml");
        assertEquals("/app/password.xhtml", browser.path(), "no other page until it is");
        changePassword(browser, "reset-long-password", "third-long-password");
        assertEquals("/app/index.xhtml", browser.path());
    }

    /** Changes a temporary password on the password page, which then goes on to "My work". */
    static void changePassword(Browser browser, String current, String next) {
        browser.type(By.id("password:current"), current);
        browser.type(By.id("password:new"), next);
        browser.type(By.id("password:repeat"), next);
        browser.clickToNewPage(By.id("password:save"));
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndAPageRunsOnlyScriptsWithItsNonce(Keystone app, Browser browser)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/login.xhtml", "/api/v1/system", "/app/index.xhtml")) {
            HttpHeaders h = http.send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                    HttpResponse.BodyHandlers.discarding()).headers();
            List<String> csp = h.allValues("Content-Security-Policy");
            assertTrue(csp.stream().anyMatch(v -> v.contains("frame-ancestors 'none'") && v.contains("object-src 'none'")),
                    path + ": " + csp);
            assertEquals("nosniff", h.firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("same-origin", h.firstValue("Referrer-Policy").orElse(null), path);
            assertFalse(h.firstValue("Strict-Transport-Security").isPresent(), "no HSTS over plain HTTP: " + path);
        }
        HttpHeaders login = http.send(HttpRequest.newBuilder(URI.create(app.url("/login.xhtml"))).build(),
                HttpResponse.BodyHandlers.discarding()).headers();
        assertTrue(login.allValues("Content-Security-Policy").stream()
                        .anyMatch(v -> v.matches(".*script-src 'self' 'nonce-[^' ]+'.*")),
                "PrimeFaces' nonce policy for scripts: " + login.allValues("Content-Security-Policy"));

        // the pages work under it (the other browser tests find no violation), and a script without the nonce never runs
        browser.signInAs("alice");
        browser.js("var s = document.createElement('script'); s.textContent = 'window.__injected = true;';"
                + " document.head.appendChild(s);");
        assertEquals(null, browser.js("return window.__injected === undefined ? null : window.__injected;"),
                "an inline script without the page's nonce is blocked");
        assertTrue(browser.scriptErrors().stream().anyMatch(e -> e.startsWith("CSP blocked script-src")),
                browser.scriptErrors().toString());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxBeforeAndAfterSignInAsWebXmlAsks(Keystone app) {
        FormClient client = new FormClient(app.base());
        Page login = client.get("/login.xhtml");
        assertSessionCookieAttributes(login, "the sign-in page's session");
        Page signedIn = client.post("/login.xhtml", FormClient.loginFields("alice", "demo", login.viewState()));
        assertTrue(signedIn.redirectsTo("/app/index.xhtml"), signedIn.toString());
        assertSessionCookieAttributes(signedIn, "the renewed session at sign-in");
    }

    private static void assertSessionCookieAttributes(Page page, String which) {
        String cookie = page.setCookies().stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError(which + ": no session cookie set: " + page.setCookies()));
        String attributes = cookie.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        assertTrue(attributes.contains(";httponly"), which + ": " + cookie);
        assertTrue(attributes.contains(";samesite=lax"), which + ": web.xml asks for SameSite=Lax: " + cookie);
    }

    @Test
    void theMenuFollowsTheRole(Browser browser) {
        By review = By.id("nav:m-review");
        By admin = By.id("nav:m-admin");

        browser.signInAs("hr");
        assertTrue(browser.has(review), "HR sees the quarterly review");
        assertFalse(browser.has(admin), "HR does not see Admin");
        browser.signOut();

        browser.signInAs("alice");
        assertFalse(browser.has(review), "a member does not see the quarterly review");
        assertFalse(browser.has(admin), "a member does not see Admin");
        browser.signOut();

        browser.signInAs("admin");
        assertTrue(browser.has(review), "an admin sees the quarterly review");
        assertTrue(browser.has(admin), "an admin sees Admin");
        browser.openSubmenu("nav:m-admin", "nav:m-units");
        for (String item : List.of("nav:m-units", "nav:m-people", "nav:m-cycles")) {
            assertTrue(browser.visible(By.id(item)).isDisplayed(), item);
        }
    }

    @Test
    void scriptInTitlesAndCommentsIsShownAsTextAndNeverRuns(Browser browser, Api api) {
        String cycle = api.currentCycle();
        String objective = Api.uniqueKey("XSS");
        String kr = objective + "-KR1";
        expect(201, api.post("admin", "cycles/" + cycle + "/objectives", "{\"key\":" + json(objective) + ",\"title\":"
                + json(XSS) + ",\"unitPath\":\"Acme/Marketing/Performance\",\"owner\":\"perf.lead\"}"));
        expect(201, api.post("admin", "cycles/" + cycle + "/objectives/" + objective + "/key-results", "{\"key\":" + json(kr)
                + ",\"title\":" + json(XSS) + ",\"type\":\"NUMERIC\",\"start\":0,\"target\":10,\"owner\":\"alice\"}"));
        expect(201, api.post("alice", "cycles/" + cycle + "/key-results/" + kr + "/check-ins",
                "{\"date\":\"" + java.time.LocalDate.now() + "\",\"value\":3,\"confidence\":5,\"comment\":" + json(XSS) + "}"));

        browser.signInAs("alice");
        String myRow = browser.text(By.xpath("//tbody[@id='dashboard:myKrs_data']/tr[.//a[normalize-space()='" + kr + "']]"));
        assertTrue(myRow.contains(XSS), "the key result's title shows literally: " + myRow);
        String unitRow = browser.text(By.xpath("//tbody[@id='dashboard:unitObjectives_data']/tr[.//a[normalize-space()='"
                + objective + "']]"));
        assertTrue(unitRow.contains(XSS), "the objective's title shows literally: " + unitRow);

        // the check-in dialog repeats the key result's title, rendered by ajax
        browser.clickAjax(By.xpath("//tbody[@id='dashboard:myKrs_data']/tr[.//a[normalize-space()='" + kr
                + "']]//button[contains(@id,':checkin')]"));
        browser.visible(By.id("checkin:value_input"));
        assertTrue(browser.text(By.id("checkin")).contains(XSS), browser.text(By.id("checkin")));
        assertNoScriptRan(browser);

        // the objective page: its title, its key result's title, the check-in comment (and its charts' data)
        browser.go("/app/objective.xhtml?key=" + objective);
        assertTrue(browser.text(By.tagName("h1")).contains(XSS), "the heading: " + browser.text(By.tagName("h1")));
        String checkIns = browser.text(By.cssSelector("[id$=':checkins']"));
        assertTrue(checkIns.contains(XSS), "the check-in comment shows literally: " + checkIns);
        assertNoScriptRan(browser);

        // the pages that list objectives or findings about them
        browser.go("/app/alignment.xhtml");
        browser.clickAjax(By.id("alignment:expandAll"));
        assertTrue(browser.text(By.cssSelector(".ok-node[data-key='" + objective + "']")).contains(XSS),
                "the alignment tree shows the title literally");
        assertNoScriptRan(browser);
        browser.go("/app/coach.xhtml");
        assertNoScriptRan(browser);
    }

    private static void assertNoScriptRan(Browser browser) {
        browser.settle();
        assertTrue(browser.scriptErrors().isEmpty(), "script errors on " + browser.path() + ": " + browser.scriptErrors());
        assertEquals("undefined", browser.js("return typeof window.__xss;"), "injected script ran on " + browser.path());
        assertEquals(0L, browser.js("return document.querySelectorAll('img[src=\"x\"]').length;"),
                "an injected <img> is in the page " + browser.path());
    }

    @Test
    void aSignInPostedWithAMadeUpOrNoViewStateSignsNobodyIn(Keystone app) {
        FormClient forged = new FormClient(app.base());
        forged.get("/login.xhtml");
        Page refused = forged.post("/login.xhtml", FormClient.loginFields("alice", "demo", "-4711:8080"));
        assertTrue(refused.isRefusal(), "a made-up ViewState gets the expired or error page: " + refused);
        assertTrue(forged.get("/app/index.xhtml").redirectsTo("/login.xhtml"), "and nobody is signed in");

        FormClient noToken = new FormClient(app.base());
        noToken.get("/login.xhtml");
        Page ignored = noToken.post("/login.xhtml", FormClient.loginFields("alice", "demo", null));
        assertFalse(ignored.redirectsTo("/app/index.xhtml"), "no ViewState, no sign-in: " + ignored);
        assertTrue(noToken.get("/app/index.xhtml").redirectsTo("/login.xhtml"), "nobody is signed in");
    }

    @Test
    void aCheckInPostedWithAForgedOrNoViewStateStoresNothing(Keystone app, Api api) {
        String cycle = api.currentCycle();
        String kr = newKeyResultOfAlice(api, cycle);
        FormClient alice = new FormClient(app.base());
        alice.signIn("alice", "demo");

        // a ViewState from the attacker's own session is worth nothing in alice's
        FormClient mallory = new FormClient(app.base());
        mallory.signIn("bruno", "demo");
        String mallorys = mallory.get("/app/index.xhtml").viewState();

        Page dashboard = alice.get("/app/index.xhtml");
        assertEquals(200, dashboard.status(), dashboard.toString());
        String row = FormClient.dashboardRowOf(dashboard.body(), kr);
        String button = "dashboard:myKrs:" + row + ":checkin";
        Page opened = alice.ajax("/app/index.xhtml", "dashboard", button, "checkin", dashboard.viewState());
        assertTrue(opened.body().contains(kr), "the dialog opened for " + kr + ": " + opened);
        String viewState = opened.viewState();

        for (String token : new String[] {"1234567890123456789:-1234567890123456789", mallorys, null}) {
            Page answer = alice.post("/app/index.xhtml", FormClient.checkInFields(token, "7", "forged"));
            if (token != null) {
                assertTrue(answer.isRefusal(), "refused with the expired or error page: " + answer);
            }
            assertFalse(answer.redirectsTo("/app/index.xhtml"), "not the redirect of a stored check-in: " + answer);
            assertEquals(0, api.checkIns(cycle, kr).size(), "nothing stored with ViewState " + token);
        }

        // the same post with the page's own ViewState is what a person's click sends: it stores
        Page stored = alice.post("/app/index.xhtml", FormClient.checkInFields(viewState, "7", "genuine"));
        assertTrue(stored.redirectsTo("/app/index.xhtml"), "the genuine post stores and reloads: " + stored);
        assertEquals(1, api.checkIns(cycle, kr).size());
        assertEquals("genuine", api.checkIns(cycle, kr).get(0).getString("comment"));
    }

    /** A key result of alice's own, with no check-in yet, in an objective made for this test. */
    static String newKeyResultOfAlice(Api api, String cycle) {
        String objective = Api.uniqueKey("BT");
        expect(201, api.post("admin", "cycles/" + cycle + "/objectives", "{\"key\":" + json(objective)
                + ",\"title\":\"Browser test objective\",\"unitPath\":\"Acme/Marketing/Performance\",\"owner\":\"perf.lead\"}"));
        String kr = objective + "-KR1";
        expect(201, api.post("admin", "cycles/" + cycle + "/objectives/" + objective + "/key-results", "{\"key\":" + json(kr)
                + ",\"title\":\"Reach one hundred\",\"type\":\"NUMERIC\",\"start\":0,\"target\":100,\"owner\":\"alice\"}"));
        return kr;
    }

    @Test
    void pagesARoleMayNotUseShowNotAllowedAndOfferNothingToActOn(Browser browser) {
        browser.signInAs("alice");
        browser.go("/app/admin/people.xhtml");
        assertNotAllowed(browser, "Only an administrator may open this page.", "people", "personDialog");
        browser.go("/app/admin/units.xhtml");
        assertNotAllowed(browser, "Only an administrator may open this page.", "units", "unitDialog");
        browser.go("/app/review.xhtml");
        assertNotAllowed(browser, "Only HR, administrators and leads see the quarterly review.", "review");
        browser.go("/app/editor.xhtml");
        assertNotAllowed(browser, "Only leads (in their units and the units below) and administrators create objectives.",
                "editor");
        browser.signOut();

        browser.signInAs("hr");
        browser.go("/app/admin/units.xhtml");
        assertNotAllowed(browser, "Only an administrator may open this page.", "units", "unitDialog");
        browser.go("/app/admin/cycles.xhtml");
        assertNotAllowed(browser, "Only an administrator may open this page.", "cycles");
        browser.go("/app/editor.xhtml?key=MK-1");
        assertFalse(browser.has(By.id("editor")), "HR changes nothing, so no editor form");
    }

    private static void assertNotAllowed(Browser browser, String explanation, String... absentForms) {
        String where = browser.driver().getCurrentUrl();
        assertTrue(browser.bodyText().contains(explanation), where + " says why:\n" + browser.bodyText());
        for (String form : absentForms) {
            assertFalse(browser.has(By.id(form)), where + " renders no form '" + form + "'");
        }
        assertTrue(browser.scriptErrors().isEmpty(), where + ": " + browser.scriptErrors());
    }

    @Test
    void withoutSigningInEveryApplicationPageSendsToTheSignInPage(Keystone app) {
        FormClient anonymous = new FormClient(app.base());
        for (String path : List.of("/app/index.xhtml", "/app/alignment.xhtml", "/app/kpis.xhtml", "/app/coach.xhtml",
                "/app/review.xhtml", "/app/admin/people.xhtml", "/app/password.xhtml", "/")) {
            Page page = anonymous.get(path);
            assertTrue(page.redirectsTo("/login.xhtml"), path + " redirects to sign-in: " + page);
        }
    }
}
