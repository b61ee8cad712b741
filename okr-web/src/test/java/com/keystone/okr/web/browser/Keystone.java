package com.keystone.okr.web.browser;

import com.keystone.okr.web.it.RunningJar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The product the browser tests drive: the built uber-jar with {@code okr.demo=true}, started
 * once per test JVM in its own temporary working directory on a free port, and stopped (and
 * its directory removed) by a shutdown hook when the JVM ends. A server start costs ~30 s,
 * so every browser test class shares this one; tests keep apart by making their own data.
 *
 * <p>{@code -Dokr.browser.url=http://localhost:8080} points the tests at a server that is
 * already running instead (handy while writing a test); it must have the demo company.
 */
final class Keystone {

    private static Keystone instance;

    private final URI base;
    private final RunningJar jar;
    private final Path workDir;

    private Keystone(URI base, RunningJar jar, Path workDir) {
        this.base = base;
        this.jar = jar;
        this.workDir = workDir;
    }

    /** The one running product of this JVM, started on first use (the uber-jar tests' {@link RunningJar}). */
    static synchronized Keystone get() {
        if (instance == null) {
            String external = System.getProperty("okr.browser.url");
            instance = external != null && !external.isBlank()
                    ? new Keystone(URI.create(external.replaceAll("/+$", "")), null, null)
                    : start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "keystone-browser-tests-stop"));
        }
        return instance;
    }

    private static Keystone start() {
        try {
            Path dir = Files.createTempDirectory("keystone-browser-");
            RunningJar jar = RunningJar.start(dir, "okr.demo=true");
            try {
                jar.awaitReady();
            } catch (AssertionError | InterruptedException notReady) {
                jar.close();
                deleteTree(dir);
                throw notReady;
            }
            return new Keystone(jar.base(), jar, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the uber-jar", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The address of a path of the product, e.g. {@code url("/app/index.xhtml")}. */
    String url(String path) {
        return base.resolve(path).toString();
    }

    URI base() {
        return base;
    }

    /** The end of the server's log, for failure messages (empty for an external server). */
    String logTail() {
        return jar == null ? "(external server: no log)" : jar.tail();
    }

    private void stop() {
        if (jar == null) {
            return;
        }
        try {
            jar.close(); // SIGTERM, as a service manager would
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(workDir);
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is not worth failing a run for
        }
    }
}
