package concord.server.reliability;

import concord.connector.reliability.ReliabilityResults;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's PostgreSQL connection goes through a {@link TcpProxy} that the test cuts for a while (every
 * connection reset, new ones closed on arrival: a database restart or fail-over as clients see it), twice:
 * once while a run reads records, once while a run publishes. Data Entry Triggers keep arriving, one a
 * second, during and after each outage. Asserted: a trigger sent during the outage is never answered 2xx
 * (REDCap must not be told it was stored); no answer hangs; {@code /health} says DOWN during and UP after;
 * after recovery triggers are stored again, the run caught in the outage ends SUCCEEDED (re-run after its
 * lease) or FAILED naming why, each published run's files are in REDCap once, every acknowledged trigger
 * is counted in a run, and a record saved after the outage is in the last published report.
 * Figures: target/reliability/db-outage.json. Needs PostgreSQL (external or embedded, TestDatabases); H2 runs inside the
 * service's own process, so it has no outage to simulate short of the process dying (see RestartIT).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseOutageTest {
    private static final Duration OUTAGE = Duration.ofSeconds(ReliabilityResults.full() ? 20 : 12);
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final String SECRET = "outage-secret-0123456789";
    private static final String FOLDER = "Concord outage reports";
    private static final int RECORDS = 30;
    private static final ReliabilityResults RESULTS = new ReliabilityResults("db-outage");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static RedcapSandbox sandbox;
    private static TcpProxy proxy;
    private static EmbeddedServer server;
    private static String directUrl;
    private static String dbUser;
    private static String dbPassword;
    private static int pid;
    private static String token;
    private static int saved;
    /** Every DET the test sent, with its answer. */
    private static final List<Det> dets = Collections.synchronizedList(new ArrayList<>());

    record Det(Instant sent, Instant answered, int status) {
        boolean accepted() {
            return status >= 200 && status < 300;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "DatabaseOutageTest skipped: " + TestDatabases.postgresSkipMessage());
        Map<String, Object> db = TestDatabases.postgres().properties();
        directUrl = (String) db.get("datasources.default.url");
        dbUser = (String) db.get("datasources.default.username");
        dbPassword = (String) db.get("datasources.default.password");
        Matcher hostPort = Pattern.compile("//([^:/]+):(\\d+)/").matcher(directUrl);
        assertTrue(hostPort.find(), "host:port in " + directUrl);
        proxy = new TcpProxy(hostPort.group(1), Integer.parseInt(hostPort.group(2)));
        String proxiedUrl = directUrl.replace("//" + hostPort.group(1) + ":" + hostPort.group(2) + "/",
                "//127.0.0.1:" + proxy.port() + "/");

        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.generated("Outage study", RECORDS, 6, 42));
        token = sandbox.createToken(pid, SandboxUser.withAllRights("concord"));

        Map<String, Object> p = new HashMap<>(db);
        p.put("datasources.default.url", proxiedUrl);
        p.put("micronaut.server.port", -1);
        p.put("concord.runs.worker-enabled", "true");
        p.put("concord.runs.poll-interval", "100ms");
        p.put("concord.runs.debounce", "500ms");
        p.put("concord.runs.max-wait", "2s");
        p.put("concord.runs.lease", LEASE.toMillis() + "ms");
        p.put("concord.runs.heartbeat", "500ms");
        p.put("concord.redcap.inter-batch-pause", "0ms");
        p.put("concord.redcap.batch-size", "5");
        p.put("concord.projects.out.api-url", sandbox.apiUrl().toString());
        p.put("concord.projects.out.token", token);
        p.put("concord.projects.out.redcap-project-id", String.valueOf(pid));
        p.put("concord.projects.out.group-field", "group");
        p.put("concord.projects.out.outcomes", "ratings");
        p.put("concord.projects.out.domains", "NONE");
        p.put("concord.projects.out.det-secret", SECRET);
        p.put("concord.projects.out.publish.folder", FOLDER);
        p.put("concord.projects.out.publish.formats", "html,csv,json");
        server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        sandbox.setDataEntryTrigger(pid, server.getURI().resolve("/redcap/det?secret=" + SECRET));

        saveRecord();
        Row first = awaitRunAfter(0, Duration.ofSeconds(60));
        assertEquals("SUCCEEDED/PUBLISHED", first.status + "/" + first.outcome, first.toString());
    }

    @AfterAll
    static void stop() throws Exception {
        RESULTS.write();
        if (server != null) {
            server.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void outageWhileARunReadsRecords() throws Exception {
        outage("reading", "READING_RECORDS");
    }

    @Test
    @Order(2)
    void outageWhileARunPublishes() throws Exception {
        outage("publishing", "PUBLISHING");
    }

    private void outage(String scenario, String cutAtStage) throws Exception {
        dets.clear();
        long before = maxRunId();
        AtomicBoolean sending = new AtomicBoolean(true);
        List<Map.Entry<Instant, Integer>> health = Collections.synchronizedList(new ArrayList<>());
        ExecutorService ticker = Executors.newSingleThreadExecutor();
        // One trigger and one health probe a second, each answered in its own time (as REDCap's users save
        // forms independently of each other), so a slow answer never stops the stream.
        Future<?> stream = ticker.submit(() -> {
            while (sending.get()) {
                sendDet();
                probeHealth(health);
                sleep(1000);
            }
        });
        sleep(1500); // some triggers stored before the outage
        // Slow REDCap down so the run is still going when the database disappears.
        sandbox.setFaults(pid, FaultPlan.none().withLatency(Duration.ofMillis(250)));
        int expectedRecords = RECORDS + saveRecord();
        Row caught = awaitRun(r -> r.id > before && r.status.equals("RUNNING") && r.stage.equals(cutAtStage), Duration.ofSeconds(60));
        Instant cut = Instant.now();
        proxy.cut();
        sleep(OUTAGE.toMillis());
        Instant restored = Instant.now();
        proxy.restore();
        sandbox.setFaults(pid, FaultPlan.none());
        sleep(8000); // triggers keep arriving after the outage
        sending.set(false);
        stream.get(60, TimeUnit.SECONDS);
        ticker.shutdown();
        awaitAnswers(Duration.ofSeconds(40));

        List<Det> during = dets.stream().filter(d -> d.sent.isAfter(cut) && d.answered.isBefore(restored)).toList();
        List<Det> accepted = dets.stream().filter(Det::accepted).toList();
        assertFalse(during.isEmpty(), "triggers were sent during the outage");
        for (Det d : during) {
            assertTrue(d.status >= 500, "a trigger sent during the outage is answered with an error, never 2xx: " + d);
        }
        long slowest = dets.stream().mapToLong(d -> Duration.between(d.sent, d.answered).toMillis()).max().orElse(0);
        assertTrue(slowest < 15_000, "no trigger answer hangs (slowest " + slowest + " ms)");
        Det firstBack = dets.stream().filter(d -> d.sent.isAfter(restored) && d.accepted()).findFirst()
                .orElseThrow(() -> new AssertionError("no trigger stored after the outage: " + dets));
        assertTrue(dets.stream().filter(d -> d.sent.isAfter(firstBack.sent)).allMatch(Det::accepted),
                "once back, every trigger is stored: " + dets);
        long recoveredMs = Duration.between(restored, firstBack.answered).toMillis();

        // Asked after the pool had noticed (its connection time-out is 5 s) and before the restore.
        List<Integer> healthDuring = health.stream().filter(h -> h.getKey().isAfter(cut.plusSeconds(1))
                && h.getKey().isBefore(restored.minusSeconds(5))).map(Map.Entry::getValue).toList();
        String healthSeries = health.stream().map(h -> Duration.between(cut, h.getKey()).toMillis() + "ms:" + h.getValue())
                .toList().toString();
        assertFalse(healthDuring.isEmpty(), "health was probed during the outage");
        assertTrue(healthDuring.stream().allMatch(s -> s == 503), "/health reports DOWN (503) during the outage: " + healthSeries
                + " (outage " + Duration.between(cut, restored).toMillis() + " ms)");
        Instant healthUp = health.stream().filter(h -> h.getKey().isAfter(restored) && h.getValue() == 200)
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("/health never UP again: " + health));

        // A record saved after the outage reaches the published report.
        expectedRecords = RECORDS + saveRecord();
        int lastRecords = expectedRecords;
        Row last = awaitRun(r -> isDone(r) && r.recordCount != null && r.recordCount == lastRecords, Duration.ofSeconds(90));
        assertEquals("SUCCEEDED/PUBLISHED", last.status + "/" + last.outcome, last.toString());

        Row outageRun = awaitRun(r -> r.id == caught.id && isDone(r), Duration.ofSeconds(60));
        if (outageRun.status.equals("FAILED")) {
            assertTrue(outageRun.error != null && outageRun.error.contains("lease"), "failed naming why: " + outageRun);
        } else {
            assertEquals("SUCCEEDED", outageRun.status, outageRun.toString());
        }
        // Triggers answered last may still have queued a run: wait until the queue is quiet, then nothing may be
        // left running (a stuck lease would keep a run RUNNING here until the time-out).
        List<Row> all = awaitQuiet(Duration.ofSeconds(60));
        // A run failed after its lease expired hands its triggers to the queued run ("folded"): count them there only.
        int counted = all.stream().filter(r -> r.id > before && !(r.error != null && r.error.contains("folded into")))
                .mapToInt(r -> r.triggerCount).sum();
        int sentSince = dets.size() + 4; // plus the two saves' own two triggers each
        int acceptedSince = accepted.size() + 4;
        assertTrue(counted >= acceptedSince && counted <= sentSince, "every acknowledged trigger is in a run: counted "
                + counted + ", acknowledged " + acceptedSince + ", sent " + sentSince);
        assertFilesOncePerPublishedRun(all);

        Map<Integer, Integer> statuses = new TreeMap<>();
        during.forEach(d -> statuses.merge(d.status, 1, Integer::sum));
        RESULTS.add(scenario, "outage_ms", Duration.between(cut, restored).toMillis());
        RESULTS.add(scenario, "dets_sent", dets.size());
        RESULTS.add(scenario, "dets_during_outage", during.size());
        RESULTS.add(scenario, "statuses_during_outage", statuses.toString());
        RESULTS.add(scenario, "dets_acknowledged_2xx", accepted.size());
        RESULTS.add(scenario, "triggers_counted_in_runs", counted - 4);
        RESULTS.add(scenario, "slowest_det_answer_ms", slowest);
        RESULTS.add(scenario, "first_det_stored_after_restore_ms", recoveredMs);
        RESULTS.add(scenario, "health_up_after_restore_ms", Duration.between(restored, healthUp).toMillis());
        RESULTS.add(scenario, "health_during_outage", healthDuring.size() + " probes, all 503");
        RESULTS.add(scenario, "run_caught_in_outage", "run " + outageRun.id + " cut in " + cutAtStage + ": " + outageRun.status
                + "/" + outageRun.outcome + " after " + outageRun.attempts + " attempt(s)"
                + (outageRun.error == null ? "" : "; " + outageRun.error));
        RESULTS.add(scenario, "last_run", "run " + last.id + " " + last.status + "/" + last.outcome + ", " + last.recordCount + " records");
        RESULTS.add(scenario, "connections_refused_by_proxy", proxy.refused());
    }

    private static boolean isDone(Row r) {
        return !r.status.equals("QUEUED") && !r.status.equals("RUNNING");
    }

    /** Adds a participant through a form save in the sandbox, which fires REDCap's own DET. Returns records added so far. */
    private static int saveRecord() {
        saved++;
        String id = "late-" + saved;
        OptionalInt p = sandbox.saveForm(pid, FormSave.of(id, "participant").withValue("group", "1").withStatus(2));
        OptionalInt r = sandbox.saveForm(pid, FormSave.of(id, "ratings").withValue("q1", "9").withValue("q2", "8").withStatus(2));
        assertEquals(OptionalInt.of(202), p, "the save's trigger is stored");
        assertEquals(OptionalInt.of(202), r, "the save's trigger is stored");
        return saved;
    }

    private static final List<java.util.concurrent.CompletableFuture<?>> pending = Collections.synchronizedList(new ArrayList<>());

    private static void sendDet() {
        Instant sent = Instant.now();
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/redcap/det?secret=" + SECRET))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("project_id=" + pid + "&instrument=ratings&record=1"
                        + "&redcap_url=http%3A%2F%2F127.0.0.1%3A9%2F")).build();
        // No answer at all (time-out) is recorded as -1: not 2xx, and a hang for the assertion on answer times.
        pending.add(HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((r, e) -> dets.add(new Det(sent, Instant.now(), r == null ? -1 : r.statusCode()))));
    }

    private static void probeHealth(List<Map.Entry<Instant, Integer>> health) {
        Instant asked = Instant.now();
        pending.add(HTTP.sendAsync(HttpRequest.newBuilder(server.getURI().resolve("/health")).timeout(Duration.ofSeconds(20))
                .GET().build(), HttpResponse.BodyHandlers.discarding())
                .handle((r, e) -> health.add(Map.entry(asked, r == null ? -1 : r.statusCode()))));
    }

    private static void awaitAnswers(Duration timeout) throws Exception {
        List<java.util.concurrent.CompletableFuture<?>> all;
        synchronized (pending) {
            all = new ArrayList<>(pending);
            pending.clear();
        }
        java.util.concurrent.CompletableFuture.allOf(all.toArray(java.util.concurrent.CompletableFuture[]::new))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        synchronized (dets) {
            dets.sort(java.util.Comparator.comparing(Det::sent));
        }
    }

    private static void assertFilesOncePerPublishedRun(List<Row> all) {
        List<String> names = new ArrayList<>();
        try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token))) {
            for (RepositoryEntry folder : client.listRepository()) {
                if (folder.folder() && folder.name().equals(FOLDER)) {
                    client.listRepository(folder.id()).stream().filter(e -> !e.folder()).forEach(e -> names.add(e.name()));
                }
            }
        }
        Map<Long, List<String>> byRun = new TreeMap<>();
        for (String name : names) {
            Matcher m = Pattern.compile("-run(\\d+)-(.+)$").matcher(name);
            assertTrue(m.find(), "unexpected file " + name);
            byRun.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>()).add(m.group(2));
        }
        List<Long> published = all.stream().filter(r -> "PUBLISHED".equals(r.outcome)).map(r -> r.id).sorted().toList();
        assertEquals(published, List.copyOf(byRun.keySet()), "files exactly for the published runs: " + names);
        byRun.forEach((run, files) -> assertEquals(List.of("exclusions.csv", "report.csv", "report.html", "result.json"),
                files.stream().sorted().toList(), "run " + run + " has each file once"));
    }

    // ---- the run table, read directly (not through the proxy) ----

    record Row(long id, String status, String outcome, int attempts, int triggerCount, Integer recordCount, String stage,
               String error) {
    }

    private static List<Row> rows() throws SQLException {
        try (Connection c = DriverManager.getConnection(directUrl, dbUser, dbPassword);
             PreparedStatement ps = c.prepareStatement("SELECT id, status, outcome, attempts, trigger_count, record_count,"
                     + " stage, error_message FROM concord_run ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<Row> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        (Integer) rs.getObject(6), String.valueOf(rs.getString(7)), rs.getString(8)));
            }
            return out;
        }
    }

    private static long maxRunId() throws SQLException {
        return rows().stream().mapToLong(Row::id).max().orElse(0);
    }

    private static List<Row> awaitQuiet(Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<Row> all = rows();
            if (all.stream().allMatch(DatabaseOutageTest::isDone)) {
                return all;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("runs still queued or running " + timeout + " after the last trigger: " + all);
            }
            Thread.sleep(100);
        }
    }

    private static Row awaitRunAfter(long id, Duration timeout) throws Exception {
        return awaitRun(r -> r.id > id && isDone(r), timeout);
    }

    private static Row awaitRun(java.util.function.Predicate<Row> condition, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<Row> all = rows();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (condition.test(all.get(i))) {
                    return all.get(i);
                }
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("no run as expected within " + timeout + ": " + all);
            }
            Thread.sleep(100);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
