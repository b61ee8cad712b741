package com.keystone.okr.web.it;

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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The built uber-jar started as an operator would, {@code java -jar okr-microbundle.jar}, in
 * its own working directory (so the default {@code ./okr-data/} database lands there), on a
 * free port. Stopped with SIGTERM, as a service manager would. Each start has a Payara root
 * directory of its own, as a plain {@code java -jar} has: a root directory used again would
 * deploy the previous start's application first and then replace it, serving 404s between.
 */
public final class RunningJar implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(360);

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningJar(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * A stand-alone instance ({@code --nohazelcast}): it shares the database with others, not its
     * sessions, and is told to keep them in memory, as the README's "Run a cluster" says.
     */
    public static RunningJar start(Path workDir, String... systemProperties) throws IOException {
        Path standAlone = workDir.resolve("stand-alone-sessions.asadmin");
        Files.writeString(standAlone, STAND_ALONE_SESSIONS + "\n");
        return start(workDir, List.of("--nohazelcast", "--prebootcommandfile", standAlone.toString()), systemProperties);
    }

    /** The pre-boot command of an instance without Hazelcast (README, "Run a cluster"). */
    static final String STAND_ALONE_SESSIONS =
            "set configs.config.server-config.availability-service.web-container-availability.availability-enabled=false";

    /** An instance started with these Payara Micro options (e.g. a cluster's, see {@link #clusterOptions}). */
    public static RunningJar start(Path workDir, List<String> payaraOptions, String... systemProperties)
            throws IOException {
        String bundle = System.getProperty("okr.bundle", "target/okr-microbundle.jar");
        if (!Files.isRegularFile(Path.of(bundle))) {
            throw new IllegalStateException("The uber-jar " + bundle + " is missing: run 'mvn verify'");
        }
        int port = freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        for (String p : systemProperties) {
            cmd.add("-D" + p);
        }
        cmd.addAll(List.of("-jar", Path.of(bundle).toAbsolutePath().toString(), "--port", String.valueOf(port),
                "--rootdir", workDir.resolve("payara-root-" + Instant.now().toEpochMilli()).toString()));
        cmd.addAll(payaraOptions);
        Path log = workDir.resolve("keystone-" + Instant.now().toEpochMilli() + ".log");
        Process p = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        return new RunningJar(p, log, port);
    }

    /**
     * Payara Micro's options for member {@code member} of a cluster of instances on this host, as the
     * README's "Run a cluster" gives them: a cluster name of its own (so no other test's instances
     * join), members found over TCP/IP at the given Hazelcast ports, and {@code --nohostaware}
     * because they share one host.
     */
    public static List<String> clusterOptions(String clusterName, int member, int... hazelcastPorts) {
        String members = Arrays.stream(hazelcastPorts).mapToObj(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(","));
        return List.of("--clustername", clusterName, "--clustermode", "tcpip:" + members, "--interfaces", "127.0.0.1",
                "--startport", String.valueOf(hazelcastPorts[member]), "--nohostaware");
    }

    /** Ports nobody listens on now (for an instance's HTTP or Hazelcast port). */
    public static int[] freePorts(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket s = new ServerSocket(0);
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) {
                s.close();
            }
        }
        return ports;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Waits until /health/ready answers 200; fails with the log's tail if the process dies or time runs out. */
    public RunningJar awaitReady() throws InterruptedException {
        Instant limit = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(limit)) {
            if (!process.isAlive()) {
                throw new AssertionError("Keystone exited with " + process.exitValue() + " before it was ready:\n" + tail());
            }
            try {
                if (get("/health/ready").statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("Keystone was not ready within " + START_LIMIT + ":\n" + tail());
    }

    /** Waits for the process to end by itself; returns its exit code. */
    int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Keystone did not stop by itself within " + limit + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** Kills the process with SIGKILL, as a crashing machine or the OOM killer would: nothing runs on the way out. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("Keystone did not die from SIGKILL within 30 s");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Where the product answers, e.g. {@code http://localhost:41234}. */
    public URI base() {
        return URI.create("http://localhost:" + port);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps this instance's log under {@code target/instance-logs/} (the working directory is a temporary one). */
    public void keepLog(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "instance-logs"));
            Files.copy(log, dir.resolve(name + ".log"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String tail() {
        String out = output();
        return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
