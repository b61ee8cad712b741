package com.keystone.okr.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium, driven through Debian's ChromeDriver, with the few moves the tests
 * make on Keystone's pages: open a page, sign in, click and wait for PrimeFaces, read text.
 *
 * <p>Nothing is ever downloaded: the driver's path is given to the driver service (so Selenium
 * Manager, which could fetch a driver or a browser, never runs; the {@code SE_OFFLINE=true} it
 * would honour is then moot), and the browser is the installed one. A missing Chromium or
 * driver fails the test with what to install: browser tests must not pass by being skipped.
 * Every browser gets a fresh profile and download folder, removed when it closes.
 */
final class Browser implements AutoCloseable {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Selenium warns on every start that it has no CDP classes for this Chromium; we use none of them. */
    private static final Logger CDP_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final Logger CHROMIUM = Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

    static {
        CDP_FINDER.setLevel(Level.SEVERE);
        CHROMIUM.setLevel(Level.SEVERE);
    }

    private final Keystone app;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final WebDriverWait wait;

    private Browser(Keystone app, ChromeDriver driver, Path profile, Path downloads) {
        this.app = app;
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** The installed Chromium: {@code CHROME_BIN} or {@code /usr/bin/chromium}. */
    static Path chromium() {
        return Path.of(setting("CHROME_BIN", "okr.browser.chrome", "/usr/bin/chromium"));
    }

    /** Its driver: {@code CHROMEDRIVER}, the system property {@code webdriver.chrome.driver}, or {@code /usr/bin/chromedriver}. */
    static Path chromedriver() {
        String fromProperty = System.getProperty("webdriver.chrome.driver");
        String env = System.getenv("CHROMEDRIVER");
        return Path.of(env != null && !env.isBlank() ? env
                : fromProperty != null && !fromProperty.isBlank() ? fromProperty : "/usr/bin/chromedriver");
    }

    private static String setting(String env, String property, String fallback) {
        String e = System.getenv(env);
        if (e != null && !e.isBlank()) {
            return e;
        }
        return System.getProperty(property, fallback);
    }

    /** Fails (never skips) when the browser or its driver is missing. */
    static void requireInstalled() {
        for (Path p : List.of(chromium(), chromedriver())) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError("The browser tests need Chromium and ChromeDriver, but " + p + " is missing. "
                        + "Install them with 'apt-get install chromium chromium-driver' (.ci/run does), "
                        + "or point CHROME_BIN and CHROMEDRIVER at them.");
            }
        }
    }

    /** A new browser window of 1280 x 800 on the product. */
    static Browser open(Keystone app) {
        requireInstalled();
        Path driverPath = chromedriver();
        System.setProperty("webdriver.chrome.driver", driverPath.toString());
        try {
            Path profile = Files.createTempDirectory("keystone-chrome-profile-");
            Path downloads = Files.createTempDirectory("keystone-chrome-downloads-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium().toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=" + WIDTH + "," + HEIGHT, "--disable-quic", "--no-first-run",
                    "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--lang=en-US", "--user-data-dir=" + profile);
            Map<String, Object> prefs = new HashMap<>();
            prefs.put("intl.accept_languages", "en-US,en");
            prefs.put("download.default_directory", downloads.toString());
            prefs.put("download.prompt_for_download", false);
            prefs.put("credentials_enable_service", false);
            prefs.put("profile.password_manager_enabled", false);
            options.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(driverPath.toString()))
                    .usingAnyFreePort()
                    .withLogOutput(OutputStream.nullOutputStream())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
            // every page records its script errors, so a test can insist there was none
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__errors = []; window.addEventListener('error', e => window.__errors.push("
                            + "String(e.message || (e.target && (e.target.src || e.target.href)))), true);"
                            + "window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));"
                            // a script, style or frame the Content-Security-Policy blocked is an error too
                            + "document.addEventListener('securitypolicyviolation', e => window.__errors.push('CSP blocked '"
                            + " + e.violatedDirective + ': ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));"));
            Browser browser = new Browser(app, driver, profile, downloads);
            browser.viewport(WIDTH, HEIGHT);
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    Path downloads() {
        return downloads;
    }

    // ---- navigation and waiting ----------------------------------------------------------

    /** Opens a path of the product (e.g. {@code /app/index.xhtml}) and waits until the page is quiet. */
    Browser go(String path) {
        driver.get(app.url(path));
        settle();
        return this;
    }

    /** The path of the page shown, e.g. {@code /login.xhtml}. */
    String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * Waits until the page has loaded and PrimeFaces is idle: no jQuery request in flight, the
     * PrimeFaces ajax queue empty, no animation running (a dialog opening, a growl sliding in).
     */
    void settle() {
        wait.withMessage(() -> "the page did not settle: " + driver.getCurrentUrl()).until(d -> {
            try {
                return Boolean.TRUE.equals(driver.executeScript(
                        "return document.readyState === 'complete'"
                                + " && (typeof jQuery === 'undefined' || (jQuery.active === 0 && jQuery(':animated').length === 0))"
                                + " && (typeof PrimeFaces === 'undefined' || !PrimeFaces.ajax || !PrimeFaces.ajax.Queue"
                                + "     || PrimeFaces.ajax.Queue.isEmpty())"
                                // overlays (a select's panel, a menu) open and close by CSS transition
                                + " && document.querySelector('.ui-connected-overlay-enter, .ui-connected-overlay-enter-active,"
                                + " .ui-connected-overlay-exit, .ui-connected-overlay-exit-active') === null;"));
            } catch (JavascriptException | StaleElementReferenceException navigating) {
                return false;
            }
        });
    }

    /** Clicks something that loads another page (a form post, a redirect after ajax) and waits for it. */
    void clickToNewPage(By by) {
        WebElement html = driver.findElement(By.tagName("html"));
        clickable(by).click();
        wait.withMessage(() -> "no new page after clicking " + by + " on " + driver.getCurrentUrl())
                .until(d -> isGone(html));
        settle();
    }

    /** True once the element's document was replaced (Chromium may say so in more than one way). */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException | NoSuchElementException replaced) {
            return true;
        } catch (WebDriverException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("does not belong to the document") || m.contains("No node with given id")) {
                return true;
            }
            throw e;
        }
    }

    /** Clicks something that works by ajax on the same page and waits for it to finish. */
    void clickAjax(By by) {
        clickable(by).click();
        settle();
    }

    WebElement clickable(By by) {
        return wait.withMessage(() -> by + " is not clickable on " + driver.getCurrentUrl())
                .until(ExpectedConditions.elementToBeClickable(by));
    }

    WebElement visible(By by) {
        return wait.withMessage(() -> by + " is not visible on " + driver.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for a condition of the page, with a message saying what was expected. */
    <T> T until(String expectation, java.util.function.Function<ChromeDriver, T> condition) {
        return wait.withMessage(() -> expectation + " on " + driver.getCurrentUrl() + ", which shows:\n" + bodyText())
                .until(d -> condition.apply(driver));
    }

    // ---- the moves people make -------------------------------------------------------------

    /** Types the credentials into the sign-in page and submits them. */
    Browser signIn(String user, String password) {
        go("/login.xhtml");
        type(By.id("login:username"), user);
        type(By.id("login:password"), password);
        clickToNewPage(By.id("login:submit"));
        return this;
    }

    /** Signs a demo user in (password "demo") and insists they landed on "My work". */
    Browser signInAs(String user) {
        signIn(user, "demo");
        if (!path().equals("/app/index.xhtml")) {
            throw new AssertionError(user + " did not land on /app/index.xhtml but on " + driver.getCurrentUrl()
                    + ":\n" + bodyText());
        }
        return this;
    }

    /** Signs out through the user menu. */
    void signOut() {
        openUserMenu();
        clickToNewPage(By.id("nav:m-logout"));
    }

    void openUserMenu() {
        openSubmenu("nav:m-user", "nav:m-logout");
    }

    /** Opens a submenu of the menubar (it opens on hover, as on a desktop) and waits for one of its items. */
    void openSubmenu(String submenuId, String itemId) {
        WebElement root = clickable(By.cssSelector("li[id='" + submenuId + "'] > a"));
        new Actions(driver).moveToElement(root).perform();
        if (!driver.findElement(By.id(itemId)).isDisplayed()) {
            root.click(); // a touch screen opens it by a tap
        }
        visible(By.id(itemId));
    }

    /** The label of the user menu: the signed-in person's name. */
    String userMenuLabel() {
        return driver.findElement(By.cssSelector("li[id='nav:m-user'] > a .ui-menuitem-text")).getText().strip();
    }

    void type(By by, String text) {
        WebElement e = clickable(by);
        e.clear();
        e.sendKeys(text);
    }

    /** Types into a PrimeFaces autoComplete and picks the suggestion with this label (an ajax item select). */
    void complete(String autoCompleteId, String typed, String label) {
        type(By.id(autoCompleteId + "_input"), typed);
        By item = By.xpath("//*[@id=" + xpathLiteral(autoCompleteId + "_panel") + "]//li[@data-item-label="
                + xpathLiteral(label) + "]");
        visible(item);
        settle();
        clickAjax(item);
    }

    /** Picks an option of a PrimeFaces selectOneMenu by its label. */
    void choose(String selectId, String label, boolean loadsNewPage) {
        pick(selectId, "@data-label=" + xpathLiteral(label), loadsNewPage);
    }

    /** Picks the option of a PrimeFaces selectOneMenu whose label starts so (e.g. a key before its title). */
    void chooseStartingWith(String selectId, String labelStart) {
        pick(selectId, "starts-with(@data-label," + xpathLiteral(labelStart) + ")", false);
    }

    /**
     * Opens the select's panel, waits until its opening transition is over (items move while it
     * runs, and a click then lands on a neighbour), clicks the item and checks that the select
     * now shows it; a click that did not take is tried again, twice at most.
     */
    private void pick(String selectId, String condition, boolean loadsNewPage) {
        By panel = By.id(selectId + "_panel");
        By item = By.xpath("//*[@id=" + xpathLiteral(selectId + "_panel") + "]//li[" + condition + "]");
        String shown = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            if (!has(panel) || !driver.findElement(panel).isDisplayed()) {
                clickable(By.id(selectId)).click();
            }
            settle();
            WebElement option = visible(item);
            String wanted = option.getAttribute("data-label");
            driver.executeScript("arguments[0].scrollIntoView({block: 'nearest'});", option);
            settle();
            if (loadsNewPage) {
                clickToNewPage(item);
                return;
            }
            clickAjax(item);
            shown = driver.findElement(By.id(selectId + "_label")).getText().strip();
            if (shown.equals(wanted.strip())) {
                return;
            }
        }
        throw new AssertionError(selectId + " shows '" + shown + "' after three tries to pick the option [" + condition
                + "] on " + driver.getCurrentUrl());
    }

    static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }

    // ---- reading the page ----------------------------------------------------------------------

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    String text(By by) {
        try {
            return driver.findElement(by).getText();
        } catch (NoSuchElementException e) {
            throw new AssertionError(by + " is not on " + driver.getCurrentUrl() + ":\n" + bodyText(), e);
        }
    }

    String bodyText() {
        try {
            return driver.findElement(By.tagName("body")).getText();
        } catch (WebDriverException e) {
            return "(no body: " + e.getMessage() + ")";
        }
    }

    /** The script errors (and failed script or style loads) of the page shown, since it loaded. */
    @SuppressWarnings("unchecked")
    List<String> scriptErrors() {
        Object errors = driver.executeScript("return window.__errors || [];");
        return (List<String>) errors;
    }

    String html() {
        return driver.getPageSource();
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    Optional<Cookie> cookie(String name) {
        return Optional.ofNullable(driver.manage().getCookieNamed(name));
    }

    // ---- screen size and pictures --------------------------------------------------------------

    /** Sizes the window so that the page itself (the viewport, what a screenshot shows) is width x height. */
    void viewport(int width, int height) {
        @SuppressWarnings("unchecked")
        List<Long> frame = (List<Long>) driver.executeScript(
                "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];");
        driver.manage().window().setSize(new Dimension(width + frame.get(0).intValue(), height + frame.get(1).intValue()));
    }

    /**
     * Makes the page a phone's: a viewport of the given CSS size, touch and the mobile viewport
     * rules (the page's {@code <meta name="viewport">} counts), as Chrome's device mode does.
     */
    void emulatePhone(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", true, "maxTouchPoints", 5));
    }

    byte[] png() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a downloaded file whose name ends so, in this browser's download folder. */
    Path awaitDownload(String suffix) {
        try {
            return wait.withMessage(() -> "no download *" + suffix + " in " + downloads).until(d -> {
                try (var files = Files.list(downloads)) {
                    return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                } catch (IOException e) {
                    return null;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException alreadyGone) {
            // nothing to release
        } finally {
            Keystone.deleteTree(profile);
            Keystone.deleteTree(downloads);
        }
    }
}
