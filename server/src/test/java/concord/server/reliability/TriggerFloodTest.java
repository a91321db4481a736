package concord.server.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.reliability.ReliabilityResults;
import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunStatus;
import concord.server.web.SessionCookie;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Floods and load: 1,000 Data Entry Triggers for one project within 10 s (8 client threads) plus interleaved
 * triggers for two other projects against the real service and sandbox; then {@code wrk} against the dashboard
 * while a run is in progress. Figures go to {@code target/reliability/trigger-flood.json}.
 * Timing: debounce 1 s, max wait 3 s, poll 100 ms.
 */
class TriggerFloodTest {
    private static final ReliabilityResults RESULTS = new ReliabilityResults("trigger-flood");
    private static final Duration MAX_WAIT = Duration.ofSeconds(3);
    private static final String[] PROJECTS = {"flood", "side1", "side2"};
    private static final int FLOOD = 1000;
    private static final int SIDE = 60;
    private static final int THREADS = 8;

    private static RedcapSandbox sandbox;
    private static final Map<String, Integer> pids = new HashMap<>();
    private static EmbeddedServer server;
    private static RunRepository runs;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        sandbox = RedcapSandbox.builder().threads(8).build().start();
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("datasources.default.url", "jdbc:h2:mem:flood" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        p.put("concord.runs.worker-enabled", "true");
        p.put("concord.runs.poll-interval", "100ms");
        p.put("concord.runs.debounce", "1s");
        p.put("concord.runs.max-wait", MAX_WAIT.toSeconds() + "s");
        p.put("concord.redcap.inter-batch-pause", "0ms");
        p.put("concord.redcap.batch-size", "4");
        for (String project : PROJECTS) {
            int pid = sandbox.addProject(SandboxProject.fromDictionaryCsv("Flood " + project, resource("dictionary.csv"),
                    resource("records.csv")));
            pids.put(project, pid);
            String prefix = "concord.projects." + project + ".";
            p.put(prefix + "api-url", sandbox.apiUrl().toString());
            p.put(prefix + "token", sandbox.createToken(pid, SandboxUser.withAllRights("concord")));
            p.put(prefix + "redcap-project-id", String.valueOf(pid));
            p.put(prefix + "group-field", "stakeholder");
            p.put(prefix + "demographic-fields", "age,sex");
            p.put(prefix + "det-secret", "secret-" + project);
        }
        server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        runs = server.getApplicationContext().getBean(RunRepository.class);
    }

    @AfterAll
    static void stop() {
        RESULTS.write();
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aThousandTriggersInTenSecondsAreAllAnsweredAndCoalesceIntoFewRuns() throws Exception {
        int floodPid = pids.get("flood");
        int recordsBefore = sandbox.project(floodPid).recordCount();
        // Each thread sends its share of the flood, paced to finish in ~7 s, and interleaves side-project triggers.
        List<long[]> latencies = new ArrayList<>();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Map<String, AtomicInteger> sent = Map.of("flood", new AtomicInteger(), "side1", new AtomicInteger(),
                "side2", new AtomicInteger());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long floodStart = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final int thread = t;
            futures.add(pool.submit(() -> {
                int mine = FLOOD / THREADS;
                int sideEvery = mine / (SIDE * 2 / THREADS);
                List<Long> own = new ArrayList<>();
                for (int i = 0; i < mine; i++) {
                    long target = floodStart + TimeUnit.MILLISECONDS.toNanos(7_000L * i / mine);
                    long wait = target - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    own.add(send("flood", floodPid, thread + "-" + i, ok, failed, sent));
                    if (i % sideEvery == 0) {
                        String side = (i / sideEvery + thread) % 2 == 0 ? "side1" : "side2";
                        own.add(send(side, pids.get(side), thread + "-" + i, ok, failed, sent));
                    }
                }
                return own.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        for (Future<long[]> f : futures) {
            latencies.add(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        double floodSeconds = (System.nanoTime() - floodStart) / 1e9;

        // The last trigger comes from a real form save of a new record, as REDCap would send it.
        sandbox.setDataEntryTrigger(floodPid, URI.create(server.getURL() + "/redcap/det?secret=secret-flood"));
        String lastRecord = "flood-last";
        sandbox.saveForm(floodPid, FormSave.of(lastRecord, "participant").withValue("stakeholder", "2")
                .withValue("age", "52").withValue("sex", "1").withStatus(2));
        sandbox.saveForm(floodPid, FormSave.of(lastRecord, "ratings").withValue("pain", "9").withValue("mood", "6").withStatus(2));
        Instant lastTrigger = Instant.now();
        sent.get("flood").addAndGet(2);

        Map<String, List<Run>> finished = awaitAllFinished(Duration.ofSeconds(40));

        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        int total = sent.values().stream().mapToInt(AtomicInteger::get).sum() - 2;
        RESULTS.add("det-flood", "triggers", (long) total);
        RESULTS.add("det-flood", "answered-2xx", (long) ok.get());
        RESULTS.add("det-flood", "failed", (long) failed.get());
        RESULTS.add("det-flood", "seconds", floodSeconds);
        RESULTS.add("det-flood", "p50-ms", percentile(all, 50));
        RESULTS.add("det-flood", "p99-ms", percentile(all, 99));
        RESULTS.add("det-flood", "max-ms", all[all.length - 1] / 1e6);
        for (String project : PROJECTS) {
            RESULTS.add("det-flood", "runs-" + project, (long) finished.get(project).size());
        }

        assertEquals(0, failed.get(), "every trigger answered 2xx");
        assertEquals(total, ok.get());
        // No time assertion (the 2 shared cores decide the pace): the offered load and its duration are recorded.
        // A new run can open at most every max-wait while triggers keep coming, plus the run in flight and the tail.
        int bound = (int) Math.ceil(floodSeconds / MAX_WAIT.toSeconds()) + 3;
        for (String project : PROJECTS) {
            List<Run> list = finished.get(project);
            assertTrue(list.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED), list.toString());
            assertEquals(sent.get(project).get(), list.stream().mapToInt(Run::triggerCount).sum(),
                    "every trigger of " + project + " is counted in exactly one run");
            assertTrue(list.size() <= bound, project + ": " + list.size() + " runs for a " + floodSeconds
                    + " s burst, expected at most " + bound);
        }
        Run last = finished.get("flood").stream().max(Comparator.comparing(Run::startedAt)).orElseThrow();
        assertTrue(last.startedAt().isAfter(lastTrigger), "the last run started after the last trigger");
        Run firstRun = finished.get("flood").stream().min(Comparator.comparing(Run::startedAt)).orElseThrow();
        assertTrue(firstRun.startedAt().isBefore(lastTrigger), "max wait started a run during the flood");
        assertEquals(firstRun.recordCount() + 1, last.recordCount(),
                "the last run read the record saved just before the last trigger (sandbox had " + recordsBefore + " records)");
        RESULTS.add("det-flood", "last-run-records", (long) last.recordCount());
    }

    @Test
    void dashboardUnderLoadWhileARunIsInProgress() throws Exception {
        Path wrk = Path.of("/usr/bin/wrk");
        Assumptions.assumeTrue(Files.isExecutable(wrk), "wrk not installed (/usr/bin/wrk): dashboard load not measured");
        int pid = pids.get("side2");
        HttpResponse<String> launch = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("authkey=" + URLEncoder.encode(
                        sandbox.issueAuthkey(pid, SandboxUser.withAllRights("alice")), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, launch.statusCode(), launch.body());
        Matcher cookie = Pattern.compile(SessionCookie.NAME + "=([^;]+)").matcher(launch.headers().firstValue("Set-Cookie").orElse(""));
        assertTrue(cookie.find(), "launch set a session cookie");
        URI page = URI.create(server.getURL() + "/dashboard/side2");
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(page).header("Cookie", SessionCookie.NAME + "=" + cookie.group(1))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, probe.statusCode(), "the session opens the dashboard");

        // A slow REDCap (1 s per request) keeps the run going while wrk hammers the page.
        sandbox.setFaults(pid, FaultPlan.none().withLatency(Duration.ofMillis(1000)));
        try {
            assertEquals(202, send("side2", pid, "load", new AtomicInteger(), new AtomicInteger(), null) >= 0 ? 202 : 0);
            Run running = awaitStatus("side2", RunStatus.RUNNING, Duration.ofSeconds(10));
            assertNotNull(running, "a run started");
            Process p = new ProcessBuilder(wrk.toString(), "-t2", "-c100", "-d10s", "--latency", "--timeout", "5s",
                    "-H", "Cookie: " + SessionCookie.NAME + "=" + cookie.group(1), page.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, out);
            Run after = runs.list("side2", 1).get(0);
            RESULTS.add("dashboard-wrk", "run-status-after", after.status() + (after.id() == running.id() ? "" : " (later run)"));
            RESULTS.add("dashboard-wrk", "connections", 100L);
            RESULTS.add("dashboard-wrk", "p50-ms", wrkLatency(out, "50%"));
            RESULTS.add("dashboard-wrk", "p99-ms", wrkLatency(out, "99%"));
            long requests = Long.parseLong(group(out, "(\\d+) requests in"));
            long non2xx = find(out, "Non-2xx or 3xx responses: (\\d+)");
            long socketErrors = 0;
            Matcher errors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
            if (errors.find()) {
                for (int i = 1; i <= 4; i++) {
                    socketErrors += Long.parseLong(errors.group(i));
                }
            }
            RESULTS.add("dashboard-wrk", "requests", requests);
            RESULTS.add("dashboard-wrk", "requests-per-second", Double.parseDouble(group(out, "Requests/sec:\\s+([\\d.]+)")));
            RESULTS.add("dashboard-wrk", "non-2xx", non2xx);
            RESULTS.add("dashboard-wrk", "socket-errors", socketErrors);
            assertEquals(0, non2xx, out);
            assertEquals(0, socketErrors, out);
            assertTrue(requests > 100, out);
        } finally {
            sandbox.setFaults(pid, FaultPlan.none());
        }
        awaitAllFinished(Duration.ofSeconds(40));
    }

    private static long send(String project, int pid, String record, AtomicInteger ok, AtomicInteger failed,
                             Map<String, AtomicInteger> sent) {
        String form = "redcap_url=http%3A%2F%2Fredcap.example%2F&project_id=" + pid + "&record=" + record
                + "&instrument=ratings&ratings_complete=2";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/redcap/det?secret=secret-" + project))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        if (sent != null) {
            sent.get(project).incrementAndGet();
        }
        long start = System.nanoTime();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            (status / 100 == 2 ? ok : failed).incrementAndGet();
        } catch (Exception e) {
            failed.incrementAndGet();
        }
        return System.nanoTime() - start;
    }

    private static Map<String, List<Run>> awaitAllFinished(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, List<Run>> result = new HashMap<>();
        do {
            Thread.sleep(200);
            for (String project : PROJECTS) {
                result.put(project, runs.list(project, 1000));
            }
        } while (Instant.now().isBefore(deadline)
                && !result.values().stream().flatMap(List::stream).allMatch(r -> r.status().finished()));
        return result;
    }

    private static Run awaitStatus(String project, RunStatus status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Run> list = runs.list(project, 1);
            if (!list.isEmpty() && list.get(0).status() == status) {
                return list.get(0);
            }
            Thread.sleep(50);
        }
        return null;
    }

    private static double percentile(long[] sortedNanos, int p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** wrk prints e.g. {@code 99%  12.34ms}; units us, ms or s. */
    private static double wrkLatency(String out, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            throw new AssertionError("no " + label + " latency in wrk output:\n" + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    private static String group(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new AssertionError("'" + regex + "' not in wrk output:\n" + out);
        }
        return m.group(1);
    }

    private static long find(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = TriggerFloodTest.class.getResourceAsStream("/load/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
