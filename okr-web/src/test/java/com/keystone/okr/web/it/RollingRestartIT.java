package com.keystone.okr.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.keystone.okr.persistence.TestDatabase;
import com.keystone.okr.web.it.ApiClient.Answer;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster of two instances restarted one at a time, as an upgrade does, under a steady load of
 * writes and reads. The clients behave as a load balancer with retries does: a request that an
 * instance does not answer (stopped, starting) goes once to the other one. No request is lost
 * that way, and every write that was acknowledged is stored, once, as sent.
 *
 * <p>The writes are KPI measurements, one date each: recording a date again replaces its value,
 * so a write that reached a dying instance and is sent again cannot count twice.
 */
class RollingRestartIT {

    private static final int CLIENTS = 3;

    @Test
    void twoInstancesRestartedOneAtATimeUnderLoadLoseNoRequestThatIsRetriedOnTheOther(@TempDir Path a, @TempDir Path b)
            throws Exception {
        String url = TestDatabase.emptyPostgresUrl();
        String[] settings = {"okr.db.url=" + url, "okr.db.user=postgres", "okr.db.password=", "okr.demo=true"};
        String cluster = "keystone-rolling-" + UUID.randomUUID();
        int[] hazelcast = RunningJar.freePorts(2);
        Path[] dirs = {a, b};
        RunningJar[] nodes = new RunningJar[2];
        for (int i = 0; i < 2; i++) {
            nodes[i] = RunningJar.start(dirs[i], RunningJar.clusterOptions(cluster, i, hazelcast), settings);
        }
        try {
            for (RunningJar n : nodes) {
                n.awaitReady();
            }
            URI[] bases = {nodes[0].base(), nodes[1].base()};
            String kpi = "RR-" + UUID.randomUUID().toString().substring(0, 8);
            Answer created = new ApiClient(bases[1]).post("admin", "kpis", "{\"key\":\"" + kpi + "\",\"name\":\"Rolling "
                    + kpi + "\",\"unitPath\":\"Acme/Marketing/Performance\",\"direction\":\"HIGHER_IS_BETTER\","
                    + "\"kind\":\"LEADING\",\"target\":10,\"warning\":5,\"timeAggregation\":\"SUM\"}");
            assertEquals(201, created.status(), created.toString());
            String cycle = new ApiClient(bases[1]).get("hr", "cycles").array().getValuesAs(JsonObject.class).stream()
                    .filter(c -> c.getString("state").equals("ACTIVE")).findFirst().orElseThrow().getString("name");

            Load load = new Load(bases, kpi, cycle);
            load.start();
            Thread.sleep(3_000);
            for (int i = 0; i < 2; i++) {
                nodes[i].close(); // SIGTERM, as a service manager stops it
                nodes[i].keepLog("rolling-" + i + "-before");
                nodes[i] = RunningJar.start(dirs[i], RunningJar.clusterOptions(cluster, i, hazelcast), settings);
                nodes[i].awaitReady();
                load.repointed(i, nodes[i].base());
                Thread.sleep(3_000); // the restarted instance takes its share before the next one stops
            }
            load.stop();

            System.out.printf("RollingRestartIT: %d writes and %d reads answered, %d of them on the second try"
                    + " (answers of the first instance: %s)%n", load.acknowledged.size(), load.reads.get(),
                    load.retried.get(), load.firstAnswers);
            assertEquals(List.of(), List.copyOf(load.lost), "requests that neither instance answered: " + load.firstBodies);
            assertTrue(load.retried.get() > 0, "some requests met a stopped instance and went to the other");
            assertTrue(load.acknowledged.size() > 50, "a steady load: " + load.acknowledged.size());

            Answer stored = new ApiClient(nodes[0].base()).get("hr", "kpis/" + kpi + "/measurements");
            assertEquals(200, stored.status(), stored.toString());
            Map<String, BigDecimal> byDate = stored.array().getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                    m -> m.getString("date"), m -> m.getJsonNumber("value").bigDecimalValue(), (x, y) -> {
                        throw new AssertionError("two measurements of one date: " + x + ", " + y);
                    }, TreeMap::new));
            assertEquals(new TreeMap<>(load.acknowledged), byDate, "every acknowledged write, as sent, and nothing else");
        } finally {
            for (int i = 0; i < 2; i++) {
                nodes[i].close();
                nodes[i].keepLog("rolling-" + i + "-after");
            }
        }
    }

    /** Clients writing a measurement of a new date, and now and then reading the KPI board, each to alternate instances. */
    private static final class Load {
        final URI[] bases;
        final String kpi;
        final String cycle;
        final Map<String, BigDecimal> acknowledged = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger reads = new AtomicInteger();
        /** What the first instance answered to the requests that went to the other one (-1: no answer). */
        final Map<Integer, AtomicInteger> firstAnswers = new ConcurrentHashMap<>();
        final Map<Integer, String> firstBodies = new ConcurrentHashMap<>();
        final AtomicInteger sequence = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();

        Load(URI[] bases, String kpi, String cycle) {
            this.bases = bases.clone();
            this.kpi = kpi;
            this.cycle = cycle;
        }

        void start() {
            for (int c = 0; c < CLIENTS; c++) {
                Thread t = new Thread(this::run, "rolling-client-" + c);
                threads.add(t);
                t.start();
            }
        }

        synchronized void repointed(int node, URI base) {
            bases[node] = base;
        }

        private synchronized URI base(int node) {
            return bases[node];
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(120_000);
            }
        }

        private void run() {
            while (running.get()) {
                int n = sequence.incrementAndGet();
                String date = LocalDate.of(2020, 1, 1).plusDays(n).toString();
                BigDecimal value = BigDecimal.valueOf(n);
                String body = "{\"date\":\"" + date + "\",\"value\":" + value + "}";
                if (answered(n, api -> api.post("admin", "kpis/" + kpi + "/measurements", body), 201)) {
                    acknowledged.put(date, value);
                } else {
                    lost.add("measurement of " + date);
                }
                if (n % 4 == 0) {
                    if (answered(n + 1, api -> api.get("hr", "cycles/" + cycle + "/kpis?unit=Acme/Marketing/Performance"), 200)) {
                        reads.incrementAndGet();
                    } else {
                        lost.add("read " + n);
                    }
                }
            }
        }

        /** Sends to one instance and, when it does not answer as expected, once to the other. */
        private boolean answered(int n, Function<ApiClient, Answer> request, int expected) {
            for (int attempt = 0; attempt < 2; attempt++) {
                int status;
                String body;
                try {
                    Answer answer = request.apply(new ApiClient(base((n + attempt) % 2)));
                    status = answer.status();
                    body = answer.toString();
                } catch (RuntimeException unreachable) {
                    status = -1; // refused or cut: the instance is stopping or not started yet
                    body = unreachable.toString();
                }
                firstBodies.putIfAbsent(status, body);
                if (status == expected) {
                    if (attempt > 0) {
                        retried.incrementAndGet();
                    }
                    return true;
                }
                firstAnswers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
            }
            return false;
        }
    }
}
