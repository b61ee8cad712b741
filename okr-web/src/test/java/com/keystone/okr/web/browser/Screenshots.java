package com.keystone.okr.web.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pictures of the main pages in {@code docs/screenshots/}, shown by the README: taken once,
 * right after the product started and before any test adds its own data, so they show the demo
 * company as a new user finds it. They are written only when {@code -Dokr.screenshots=true}, so
 * an ordinary test run leaves the working tree clean; {@code -Dokr.screenshots.dir=...} writes
 * them elsewhere.
 */
final class Screenshots {

    private static boolean taken;

    private Screenshots() {
    }

    static boolean wanted() {
        return Boolean.getBoolean("okr.screenshots");
    }

    /** Takes every screenshot, once per JVM, when they are wanted. */
    static synchronized void takeAllOnce(Keystone app) {
        if (!wanted() || taken) {
            return;
        }
        taken = true;
        try (Browser browser = Browser.open(app)) {
            browser.go("/login.xhtml");
            take(browser, "login");

            browser.signInAs("ceo");
            take(browser, "dashboard-ceo");
            Map<String, String> leadPages = new LinkedHashMap<>();
            leadPages.put("/app/alignment.xhtml", "alignment");
            leadPages.put("/app/objective.xhtml?key=MK-1", "objective");
            leadPages.put("/app/kpis.xhtml", "kpis");
            leadPages.put("/app/coach.xhtml", "coach");
            leadPages.put("/app/review.xhtml", "review");
            visit(browser, leadPages);
            browser.signOut();

            browser.signInAs("admin");
            Map<String, String> adminPages = new LinkedHashMap<>();
            adminPages.put("/app/admin/units.xhtml", "admin-units");
            adminPages.put("/app/admin/people.xhtml", "admin-people");
            visit(browser, adminPages);
            browser.signOut();

            browser.signInAs("alice");
            take(browser, "dashboard-alice");
            browser.emulatePhone(390, 844);
            browser.go("/app/index.xhtml");
            take(browser, "dashboard-phone");
        }
    }

    private static void visit(Browser browser, Map<String, String> pages) {
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.go(page.getKey());
            String title = browser.driver().getTitle();
            if (browser.path().startsWith("/app/") && !title.startsWith("Something went wrong")) {
                take(browser, page.getValue());
            } else {
                System.err.println("screenshots: " + page.getKey() + " is not there yet (" + title + "), not taken");
            }
        }
    }

    /** Saves what the browser shows as {@code <name>.png}. */
    static void take(Browser browser, String name) {
        browser.screenshot(directory().resolve(name + ".png"));
    }

    static Path directory() {
        String configured = System.getProperty("okr.screenshots.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        // failsafe runs in okr-web/; the docs live at the root of the reactor
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("okr-web")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir.resolve("docs").resolve("screenshots");
            }
        }
        throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath()
                + ": set -Dokr.screenshots.dir");
    }
}
