package com.keystone.okr.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    private static final Duration START_LIMIT = Duration.ofSeconds(240);
    private static Keystone instance;

    private final URI base;
    private final Process process;
    private final Path workDir;
    private final Path log;

    private Keystone(URI base, Process process, Path workDir, Path log) {
        this.base = base;
        this.process = process;
        this.workDir = workDir;
        this.log = log;
    }

    /** The one running product of this JVM, started on first use. */
    static synchronized Keystone get() {
        if (instance == null) {
            String external = System.getProperty("okr.browser.url");
            instance = external != null && !external.isBlank()
                    ? new Keystone(URI.create(external.replaceAll("/+$", "")), null, null, null)
                    : start();
            Keystone started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "keystone-browser-tests-stop"));
            started.awaitReady();
        }
        return instance;
    }

    private static Keystone start() {
        String bundle = System.getProperty("okr.bundle", "target/okr-microbundle.jar");
        Path jar = Path.of(bundle).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The uber-jar " + jar + " is missing: run 'mvn verify' (or 'mvn package' first)");
        }
        try {
            Path dir = Files.createTempDirectory("keystone-browser-");
            int port = freePort();
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Dokr.demo=true",
                    "-jar", jar.toString(), "--port", String.valueOf(port), "--nohazelcast",
                    "--rootdir", dir.resolve("payara-root").toString()));
            Path log = dir.resolve("keystone.log");
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new Keystone(URI.create("http://localhost:" + port), p, dir, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + jar, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError("Keystone exited with " + process.exitValue() + " before it was ready:\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        throw new AssertionError("Keystone was not ready within " + START_LIMIT + ":\n" + logTail());
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
        if (log == null) {
            return "(external server: no log)";
        }
        try {
            String out = Files.readString(log);
            return out.length() > 8000 ? out.substring(out.length() - 8000) : out;
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void stop() {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM, as a service manager would
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
                }
            }
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
