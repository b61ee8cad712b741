package com.keystone.okr.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * A load generator against the running product, over HTTP only: imports a generated company
 * ({@link CsvCompany}) through the four CSV endpoints into the active cycle, then runs N virtual
 * users for a fixed time, each signed in to the web UI with its own session, calling a mix of
 * REST reads, Faces pages and check-in writes, and prints Markdown tables of import speed,
 * per-call latency percentiles and the server's heap (MicroProfile Metrics). How to run it and
 * results: docs/benchmarks.md.
 *
 * <pre>LoadBenchmark baseUrl units concurrency seconds [--warmup=S] [--seed=N] [--no-import]</pre>
 */
public final class LoadBenchmark {

    private static final String PASSWORD = "demo";
    private static final String[] PAGES = {"/app/index.xhtml", "/app/alignment.xhtml", "/app/kpis.xhtml", "/app/review.xhtml",
        "/app/coach.xhtml"};
    private static final Pattern VIEW_STATE = Pattern.compile(
            "<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
    private static final Pattern CYCLE = Pattern.compile("\\{[^{}]*\\}");

    private final String base;
    private final HttpClient rest = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, Stats> stats = new TreeMap<>();

    private LoadBenchmark(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LoadBenchmark baseUrl units|S|M|L|XL concurrency seconds [--warmup=S] [--seed=N]"
                    + " [--no-import] [--writes=PER_SECOND]");
            System.exit(2);
        }
        boolean named = args[1].matches("S|M|L|XL");
        int units = named ? CsvCompany.unitsOf(args[1]) : Integer.parseInt(args[1]);
        CsvCompany.Shape shape = named ? CsvCompany.Shape.ENTERPRISE : CsvCompany.Shape.WEEKLY;
        double writes = 0;
        int concurrency = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = 10;
        long seed = 42;
        boolean doImport = true;
        for (int i = 4; i < args.length; i++) {
            if (args[i].startsWith("--warmup=")) {
                warmup = Integer.parseInt(args[i].substring(9));
            } else if (args[i].startsWith("--seed=")) {
                seed = Long.parseLong(args[i].substring(7));
            } else if (args[i].startsWith("--writes=")) {
                writes = Double.parseDouble(args[i].substring(9));
            } else if (args[i].equals("--no-import")) {
                doImport = false;
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        new LoadBenchmark(args[0]).run(units, shape, concurrency, seconds, warmup, seed, doImport, writes);
    }

    private void run(int units, CsvCompany.Shape shape, int concurrency, int seconds, int warmup, long seed, boolean doImport,
                     double writes) throws Exception {
        // the active cycle (newest first; the one containing today when several are active)
        String cycles = get("/api/v1/cycles", "admin").body();
        String cycle = null;
        LocalDate first = null;
        LocalDate end = null;
        LocalDate today = LocalDate.now();
        Matcher m = CYCLE.matcher(cycles);
        while (m.find()) {
            String c = m.group();
            if (c.contains("\"state\":\"ACTIVE\"")) {
                LocalDate s = LocalDate.parse(field(c, "startDate"));
                LocalDate e = LocalDate.parse(field(c, "endDate"));
                if (cycle == null || (!today.isBefore(s) && !today.isAfter(e))) {
                    cycle = field(c, "name");
                    first = s;
                    end = e;
                }
            }
        }
        if (cycle == null) {
            throw new IllegalStateException("no ACTIVE cycle in " + cycles);
        }
        String rollup = get("/api/v1/cycles/" + cycle + "/rollup", "admin").body();
        String root = field(rollup, "path");
        LocalDate last = today.isBefore(end) ? today : end;
        LocalDate asOf = first.plusDays((last.toEpochDay() - first.toEpochDay()) / 2);

        long t = System.nanoTime();
        CsvCompany company = new CsvCompany(units, shape, seed, root, cycle, first, last);
        System.err.printf(Locale.ROOT, "generated %d units in %d ms%n", units, (System.nanoTime() - t) / 1_000_000);

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "### %d units, %d virtual users%s, %d s (after %d s warm-up), %s%n%n", units,
                concurrency, writes > 0 ? String.format(Locale.ROOT, " and a writer of %.0f check-ins/s", writes) : "", seconds,
                warmup, Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC"));
        out.append(String.format(Locale.ROOT, "Company: %,d units (depth %d) under %s, %,d objectives, %,d key results"
                        + " (%,d taking check-ins), %,d check-ins, %,d KPIs, %,d measurements; cycle %s, as-of date %s.%n%n",
                company.units, company.depth, root, company.objectives, company.keyResults, company.checkInKeys.size(),
                company.checkInRows, company.kpiRows, company.measurementRows, cycle, asOf));

        long heapBefore = heap();
        long heapImported = heapBefore;
        if (doImport) {
            out.append("| import | rows | bytes | time (s) | rows/s | answer |\n| --- | ---: | ---: | ---: | ---: | --- |\n");
            importCsv(out, "kpis", company.kpis, company.kpiRows);
            importCsv(out, "okrs", company.okrs, company.okrRows);
            importCsv(out, "checkins", company.checkIns, company.checkInRows);
            importCsv(out, "measurements", company.measurements, company.measurementRows);
            out.append('\n');
            heapImported = heap();
        }

        String[] users = {"ceo", "hr"};
        CountDownLatch ready = new CountDownLatch(concurrency);
        Window window = new Window();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        String c = cycle;
        LocalDate firstDay = first;
        LocalDate lastDay = last;
        for (int u = 0; u < concurrency; u++) {
            int vu = u;
            Thread th = new Thread(() -> {
                try {
                    new VirtualUser(users[vu % users.length], c, asOf, firstDay, lastDay, company.checkInKeys, new Random(seed + vu),
                            writes == 0).loop(ready, window);
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                    ready.countDown();
                }
            }, "vu-" + u);
            threads.add(th);
        }
        if (writes > 0) {
            threads.add(writer(c, first, last, company.checkInKeys, new Random(seed - 1), writes, window, failures));
        }
        threads.forEach(Thread::start);
        ready.await();
        long start = System.nanoTime();
        window.open(start + warmup * 1_000_000_000L, seconds);
        for (Thread th : threads) {
            th.join();
        }
        if (!failures.isEmpty()) {
            failures.get(0).printStackTrace();
        }
        long heapAfter = heap();

        out.append("| call | calls | calls/s | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        long total = 0;
        synchronized (stats) {
            for (Map.Entry<String, Stats> e : stats.entrySet()) {
                Stats s = e.getValue();
                long[] v = s.sorted();
                total += v.length;
                out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %s | %s | %s | %d |%n", e.getKey(), v.length,
                        v.length / (double) seconds, ms(v, 0.50), ms(v, 0.95), ms(v, 0.99), ms(v, 1.0), s.errors));
            }
        }
        out.append(String.format(Locale.ROOT, "| **all** | %d | %.2f | | | | | |%n%n", total, total / (double) seconds));
        out.append(String.format(Locale.ROOT, "Calls counted: those started within the %d s window (the last ones end up to"
                + " %.1f s after it); calls/s = calls / %d s.%n%n", seconds, (System.nanoTime() - window.end()) / 1e9, seconds));
        out.append(String.format(Locale.ROOT, "Heap used (MicroProfile Metrics `memory_usedHeap_bytes`, not after a GC):"
                + " %s before the import, %s after it, %s after the load.%n", mib(heapBefore), doImport ? mib(heapImported) : "–",
                mib(heapAfter)));
        synchronized (stats) {
            for (Map.Entry<String, Stats> e : stats.entrySet()) {
                if (!e.getValue().firstError.isEmpty()) {
                    out.append("\nfirst error of ").append(e.getKey()).append(": ").append(e.getValue().firstError).append('\n');
                }
            }
        }
        System.out.println(out);
    }

    /**
     * A writer posting check-ins at a fixed rate (as admin), counted as "POST check-in"; it stops
     * with the window. A slow answer delays the next post rather than piling posts up.
     */
    private Thread writer(String cycle, LocalDate first, LocalDate last, List<String> krs, Random random, double perSecond,
                          Window window, List<Throwable> failures) {
        long gap = (long) (1_000_000_000L / perSecond);
        return new Thread(() -> {
            try {
                long next = System.nanoTime();
                while (true) {
                    long now = System.nanoTime();
                    if (window.isOver(now)) {
                        return;
                    }
                    if (now < next) {
                        Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
                    }
                    next += gap;
                    long t = System.nanoTime();
                    String error = postCheckIn("admin", cycle, first, last, krs, random);
                    if (window.counts(t)) {
                        record("POST check-in", System.nanoTime() - t, error == null, error);
                    }
                }
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        }, "writer");
    }

    private String postCheckIn(String as, String cycle, LocalDate first, LocalDate last, List<String> krs, Random random)
            throws IOException, InterruptedException {
        String kr = krs.get(random.nextInt(krs.size()));
        // as people check in: mostly dated today, one in five for an earlier day of the cycle
        LocalDate date = random.nextInt(5) > 0 ? last
                : first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1));
        String json = String.format(Locale.ROOT, "{\"date\":\"%s\",\"value\":%d,\"confidence\":%d,\"comment\":\"load test\"}",
                date, random.nextInt(100), 1 + random.nextInt(10));
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/cycles/" + cycle + "/key-results/" + kr + "/check-ins"))
                .header("Authorization", basic(as)).header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        HttpResponse<String> r = rest.send(req, HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 201 ? null : r.statusCode() + " " + r.body();
    }

    /** Rows per import request: well within the API's limits (200,000 rows, 32 MB). */
    private static final int CHUNK_ROWS = 100_000;

    /** Imports a CSV in chunks of {@link #CHUNK_ROWS} rows, each with the header, as an integration within the limits would. */
    private void importCsv(StringBuilder out, String kind, String csv, int rows) throws IOException, InterruptedException {
        int headerEnd = csv.indexOf('\n') + 1;
        String header = csv.substring(0, headerEnd);
        int at = headerEnd;
        int chunk = 0;
        while (at < csv.length()) {
            int end = at;
            int n = 0;
            while (end < csv.length() && n < CHUNK_ROWS) {
                end = csv.indexOf('\n', end) + 1;
                n++;
            }
            importChunk(out, kind + (at == headerEnd && end >= csv.length() ? "" : " #" + ++chunk), header + csv.substring(at, end),
                    n, kind);
            at = end;
        }
    }

    private void importChunk(StringBuilder out, String label, String csv, int rows, String kind)
            throws IOException, InterruptedException {
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/import/" + kind))
                .header("Authorization", basic("admin")).header("Content-Type", "text/csv; charset=UTF-8")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long t = System.nanoTime();
        HttpResponse<String> r = rest.send(req, HttpResponse.BodyHandlers.ofString());
        double s = (System.nanoTime() - t) / 1e9;
        String answer = r.statusCode() + " " + abbreviate(r.body(), 70);
        System.err.printf(Locale.ROOT, "import %s: %d rows in %.1f s: %s%n", label, rows, s, answer);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("import " + label + " failed: " + abbreviate(r.body(), 2000));
        }
        out.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.1f | %,.0f | `%s` |%n", label, rows, body.length, s, rows / s,
                r.body().strip()));
    }

    private long heap() throws IOException, InterruptedException {
        String metrics = get("/metrics", null).body();
        for (String line : metrics.split("\n")) {
            if ((line.startsWith("base_memory_usedHeap_bytes") || line.startsWith("memory_usedHeap_bytes"))
                    && (line.contains("base") || line.startsWith("base_"))) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return rest.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void record(String call, long nanos, boolean ok, String error) {
        synchronized (stats) {
            Stats s = stats.computeIfAbsent(call, k -> new Stats());
            s.add(nanos);
            if (!ok) {
                s.errors++;
                if (s.firstError.isEmpty()) {
                    s.firstError = abbreviate(error, 300);
                }
            }
        }
    }

    /** One signed-in user with its own web session, calling the mix in a closed loop. */
    private final class VirtualUser {

        private final String user;
        private final String cycle;
        private final LocalDate asOf;
        private final LocalDate first;
        private final LocalDate last;
        private final List<String> krs;
        private final Random random;
        private final HttpClient web = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        private final Map<String, Integer> mix = new LinkedHashMap<>();

        VirtualUser(String user, String cycle, LocalDate asOf, LocalDate first, LocalDate last, List<String> krs, Random random,
                    boolean writes) {
            this.user = user;
            this.cycle = cycle;
            this.asOf = asOf;
            this.first = first;
            this.last = last;
            this.krs = krs;
            this.random = random;
            // weights: every read about as often as the others, a write about one call in twelve
            mix.put("GET rollup", 2);
            mix.put("GET rollup?asOf", 1);
            mix.put("GET kpis", 2);
            mix.put("GET findings", 1);
            for (String p : PAGES) {
                mix.put("GET " + p, 1);
            }
            if (writes) {
                mix.put("POST check-in", 1);
            }
            mix.put("GET /health/live", 1); // the server's floor: what any call costs at this load
        }

        void loop(CountDownLatch ready, Window window) throws Exception {
            signIn();
            ready.countDown();
            int sum = mix.values().stream().mapToInt(Integer::intValue).sum();
            while (true) {
                if (window.isOver(System.nanoTime())) {
                    return;
                }
                int pick = random.nextInt(sum);
                String call = null;
                for (Map.Entry<String, Integer> e : mix.entrySet()) {
                    pick -= e.getValue();
                    if (pick < 0) {
                        call = e.getKey();
                        break;
                    }
                }
                long t = System.nanoTime();
                String error = call(call);
                long end = System.nanoTime();
                if (window.counts(t)) { // a call started in the window counts, even if it ends after it
                    record(call, end - t, error == null, error);
                }
            }
        }

        /** Makes one call; answers null when it went as expected, else what went wrong. */
        private String call(String call) throws IOException, InterruptedException {
            String api = "/api/v1/cycles/" + cycle;
            return switch (call) {
                case "GET rollup" -> rest(api + "/rollup");
                case "GET rollup?asOf" -> rest(api + "/rollup?asOf=" + asOf);
                case "GET kpis" -> rest(api + "/kpis");
                case "GET findings" -> rest(api + "/findings");
                case "POST check-in" -> checkIn(api);
                case "GET /health/live" -> rest("/health/live");
                default -> page(call.substring(4));
            };
        }

        private String rest(String path) throws IOException, InterruptedException {
            // as an integration would: gzip accepted and decoded; the text read to its end but not kept
            // (a whole company's roll-up is tens of MB)
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .header("Authorization", basic(user)).header("Accept-Encoding", "gzip");
            HttpResponse<InputStream> r = rest.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            long bytes = 0;
            byte[] buffer = new byte[65536];
            boolean gzip = r.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
            try (InputStream in = gzip ? new GZIPInputStream(r.body(), 65536) : r.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                }
            }
            return r.statusCode() == 200 && bytes > 2 ? null : r.statusCode() + " (" + bytes + " bytes)";
        }

        private String checkIn(String api) throws IOException, InterruptedException {
            // ceo leads the company unit, so may check in on every key result; hr may not, so hr's writes go as admin
            return postCheckIn(user.equals("ceo") ? "ceo" : "admin", cycle, first, last, krs, random);
        }

        private String page(String path) throws IOException, InterruptedException {
            HttpResponse<String> r = web.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return r.statusCode() + " " + r.headers().firstValue("Location").orElse("") + " " + r.body();
            }
            return r.body().contains("id=\"login\"") ? "200 but the sign-in page" : null;
        }

        private void signIn() throws IOException, InterruptedException {
            HttpResponse<String> form = web.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher input = VIEW_STATE.matcher(form.body());
            if (!input.find()) {
                throw new IllegalStateException("no ViewState on /login.xhtml: " + abbreviate(form.body(), 500));
            }
            Matcher value = VALUE.matcher(input.group());
            value.find();
            String viewState = unescape(value.group(1));
            String body = "login=login&" + enc("login:username") + "=" + enc(user) + "&" + enc("login:password") + "="
                    + enc(PASSWORD) + "&" + enc("login:submit") + "=&" + enc("jakarta.faces.ViewState") + "=" + enc(viewState);
            HttpResponse<String> r = web.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String location = r.headers().firstValue("Location").orElse("");
            if (r.statusCode() / 100 != 3 || location.contains("login")) {
                throw new IllegalStateException(user + " could not sign in: " + r.statusCode() + " " + location + " "
                        + abbreviate(r.body(), 500));
            }
            String check = page(PAGES[0]);
            if (check != null) {
                throw new IllegalStateException(user + " signed in but " + PAGES[0] + " answers " + abbreviate(check, 500));
            }
        }
    }

    /** The measured window (System.nanoTime), opened once every virtual user has signed in. */
    private static final class Window {
        private long from;
        private long to;

        synchronized void open(long start, int seconds) {
            from = start;
            to = start + seconds * 1_000_000_000L;
        }

        synchronized long end() {
            return to;
        }

        /** Whether the window has closed: the loops stop. */
        synchronized boolean isOver(long now) {
            return to != 0 && now >= to;
        }

        /** Whether a call started at {@code t} counts: it started within the window. */
        synchronized boolean counts(long t) {
            return from != 0 && t >= from && t < to;
        }
    }

    /** Latencies of one call, in nanoseconds. */
    private static final class Stats {
        private long[] values = new long[1024];
        private int size;
        int errors;
        String firstError = "";

        void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        long[] sorted() {
            long[] v = java.util.Arrays.copyOf(values, size);
            java.util.Arrays.sort(v);
            return v;
        }
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static String ms(long[] sorted, double p) {
        if (sorted.length == 0) {
            return "–";
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        double ms = sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
        return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "?" : String.format(Locale.ROOT, "%,d MiB", bytes / (1024 * 1024));
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no \"" + name + "\" in " + abbreviate(json, 300));
        }
        return m.group(1);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String unescape(String html) {
        Matcher m = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int cp = Integer.parseInt(m.group(2), m.group(1).isEmpty() ? 10 : 16);
            m.appendReplacement(sb, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(sb);
        return sb.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    private static String abbreviate(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }
}
