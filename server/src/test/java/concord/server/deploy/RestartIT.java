package concord.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.publish.DashboardBody;
import concord.server.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Concord process (the built jar) is killed with SIGKILL at a seeded random point of a publishing run,
 * then the same jar is restarted on the same database: the run must complete after its lease expires,
 * publish each report file exactly once, and leave the database consistent. Once on the default H2 file
 * database and once on PostgreSQL (the server {@code CONCORD_TEST_POSTGRES_URL} names, else the embedded one of
 * {@link concord.server.testing.TestDatabases}).
 *
 * <p>The kill point is exact: Concord reaches the sandbox through a {@link RedcapTap}, and the process is
 * killed after the sandbox has answered API call n of the run (n drawn from the seed over all the calls a
 * clean run makes: metadata, record batches, folder look-ups, each upload), either before the answer is
 * relayed (REDCap did the work, Concord never heard of it) or 0–400 ms after it (Concord carried on:
 * analysing, rendering, the next upload, marking the run done). Seeds per database: 6, or 20 with
 * {@code -Dconcord.reliability=full}. Figures: stdout and {@code target/restart-it/summary.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartIT {
    private static final int SEEDS = "full".equals(System.getProperty("concord.reliability")) ? 20 : 6;
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final String ADMIN_TOKEN = "restart-it-admin-token-0123456789abcdef";
    private static final String WORKER = "restart-it-worker"; // the same after a restart, like a container's host name
    private static final List<String> FORMATS = List.of("html", "pdf", "xlsx", "csv", "json");
    private static final String FOLDER = "Concord reports";

    private final Path jar = Path.of(System.getProperty("concord.jar", "target/concord.jar")).toAbsolutePath();
    private final Path root = Path.of("target", "restart-it").toAbsolutePath();
    private final List<String> summary = new ArrayList<>();
    private RedcapSandbox sandbox;

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(jar), "RestartIT skipped: " + jar
                + " is missing; build it with `mvn -B -pl server -am package -DskipTests` (or run `mvn verify`).");
        sandbox = RedcapSandbox.builder().build().start();
        Files.createDirectories(root);
    }

    @Test
    void killedAndRestartedOnTheDefaultH2FileDatabase() throws Exception {
        Path dir = root.resolve("h2");
        deleteTree(dir);
        // No CONCORD_DB_URL: the default embedded file database ./data/concord in the working directory.
        exercise("h2", dir, Map.of(), "jdbc:h2:file:" + dir.resolve("data/concord"), "sa", "", 101);
    }

    @Test
    void killedAndRestartedOnPostgresql() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), "PostgreSQL variant skipped: " + TestDatabases.postgresSkipMessage());
        Map<String, Object> db = TestDatabases.postgres().properties();
        String url = (String) db.get("datasources.default.url");
        String user = (String) db.get("datasources.default.username");
        String password = (String) db.get("datasources.default.password");
        Path dir = root.resolve("postgres");
        deleteTree(dir);
        exercise("postgres", dir, Map.of("CONCORD_DB_URL", url, "CONCORD_DB_USER", user, "CONCORD_DB_PASSWORD", password),
                url, user, password, 202);
    }

    private void exercise(String name, Path dir, Map<String, String> dbEnv, String jdbcUrl, String user, String password,
                          long seedBase) throws Exception {
        int pid = sandbox.addProject(SandboxProject.generated("Restart " + name, 60, 8, seedBase));
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("concord"));
        try (RedcapTap tap = new RedcapTap(sandbox.apiUrl());
             RedcapClient redcap = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token))) {
            Map<String, String> env = environment(tap.apiUrl(), token, pid, dbEnv);
            RestartableInstance node = new RestartableInstance(name, jar, dir, env, ADMIN_TOKEN);
            node.start();
            List<Long> runIds = new ArrayList<>();
            try {
                runIds.add(runToEnd(node, redcap, pid, null)); // creates the folder
                long measured = runToEnd(node, redcap, pid, tap);
                runIds.add(measured);
                int calls = tap.calls();
                record(name + ": a clean publishing run makes " + calls + " REDCap API calls; " + SEEDS + " kills follow");
                Map<String, Integer> byStage = new TreeMap<>();
                for (int trial = 0; trial < SEEDS; trial++) {
                    Trial t = killOnce(node, tap, redcap, pid, new Random(seedBase * 1000 + trial), calls);
                    runIds.add(t.runId);
                    byStage.merge(t.stage, 1, Integer::sum);
                    assertFilesExactlyOnce(redcap, runIds, name);
                    record(name + " seed " + (seedBase * 1000 + trial) + ": " + t);
                }
                record(name + ": " + SEEDS + " kills, stage last reported before the kill " + byStage
                        + "; every run SUCCEEDED/PUBLISHED once, no report file twice");
            } finally {
                node.stop();
            }
            assertDatabaseConsistent(jdbcUrl, user, password, runIds);
        }
    }

    private Trial killOnce(RestartableInstance node, RedcapTap tap, RedcapClient redcap, int pid, Random random, int calls) throws Exception {
        changeData(redcap, pid, random);
        int n = 1 + random.nextInt(calls);
        boolean relayFirst = random.nextBoolean();
        int delayMs = relayFirst ? random.nextInt(400) : 0;
        CompletableFuture<String> killed = new CompletableFuture<>();
        CompletableFuture<Long> started = new CompletableFuture<>();
        JsonNode[] beforeKill = {null};
        Instant[] killing = {null};
        tap.arm(call -> {
            if (call.index() != n || killed.isDone()) {
                return;
            }
            Runnable kill = () -> {
                try {
                    beforeKill[0] = node.run(started.get(10, TimeUnit.SECONDS)); // call 1 may beat the 202
                    killing[0] = Instant.now();
                    node.kill();
                    killed.complete(call.kind());
                } catch (Exception e) {
                    killed.completeExceptionally(e);
                }
            };
            if (relayFirst) {
                CompletableFuture.delayedExecutor(delayMs, TimeUnit.MILLISECONDS).execute(kill);
            } else {
                kill.run(); // the answer is held until the process is dead
            }
        });
        long runId = node.startRun();
        started.complete(runId);
        String kind = killed.get(90, TimeUnit.SECONDS);
        tap.disarm();
        Instant killedAt = Instant.now();
        JsonNode before = beforeKill[0];

        node.start();
        JsonNode done = node.awaitFinished(runId, Duration.ofSeconds(120));
        Instant finished = Instant.now();
        assertEquals("SUCCEEDED", done.path("status").asText(), "run " + runId + " completes after the restart: " + done);
        assertEquals("PUBLISHED", done.path("outcome").asText(), done.toString());
        int attempts = done.path("attempts").asInt();
        if (attempts == 1) {
            // The kill landed after the run was marked done (e.g. 300 ms after the last upload): nothing to redo.
            // The database is the witness, not the log: a kill between the commit and the log line is possible.
            Instant finishedAt = Instant.parse(done.path("finishedAt").asText());
            assertTrue(finishedAt.isBefore(killing[0]), "a run executed once must have finished before the kill at "
                    + killing[0] + ": " + done);
        } else {
            // Killed mid-run: executed once more after the restart, claimed only once the old lease had expired.
            assertEquals(2, attempts, "killed once, so two attempts: " + done);
            Instant leaseUntil = Instant.parse(before.path("leaseUntil").asText());
            Instant retakenAt = Instant.parse(done.path("startedAt").asText());
            assertTrue(!retakenAt.isBefore(leaseUntil), "claimed again at " + retakenAt + ", not before the lease ("
                    + leaseUntil + ") expired");
        }
        String stage = before.path("status").asText().equals("RUNNING") ? before.path("stage").asText()
                : before.path("status").asText();
        return new Trial(runId, n, kind, relayFirst ? delayMs : -1, stage, attempts,
                Duration.between(killedAt, finished).toMillis());
    }

    record Trial(long runId, int call, String kind, int delayMs, String stage, int attempts, long recoveredMs) {
        @Override
        public String toString() {
            return "run " + runId + " killed " + (delayMs < 0 ? "while REDCap's answer to call " + call + " (" + kind + ") was held"
                    : delayMs + " ms after call " + call + " (" + kind + ") was answered") + ", stage " + stage
                    + "; after the restart SUCCEEDED/PUBLISHED in attempt " + attempts + ", " + recoveredMs
                    + " ms after the kill (restart included)";
        }
    }

    /** A clean run to the end with new data; with a tap, its calls are counted from the start of the run. */
    private long runToEnd(RestartableInstance node, RedcapClient redcap, int pid, RedcapTap tap) throws Exception {
        changeData(redcap, pid, new Random(pid));
        if (tap != null) {
            tap.arm(call -> { });
        }
        long id = node.startRun();
        JsonNode done = node.awaitFinished(id, Duration.ofSeconds(120));
        assertEquals("SUCCEEDED/PUBLISHED", done.path("status").asText() + "/" + done.path("outcome").asText(), done.toString());
        if (tap != null) {
            tap.disarm();
        }
        return id;
    }

    /** Changes one rating through the API (imports fire no trigger), so every run has new data to publish. */
    private void changeData(RedcapClient redcap, int pid, Random random) {
        String record = String.valueOf(1 + random.nextInt(60));
        String field = "q" + (1 + random.nextInt(8));
        int now = Integer.parseInt(sandbox.project(pid).values(record).get(field));
        redcap.importRecords(List.of(Map.of("record_id", record, field, String.valueOf(now % 9 + 1))));
    }

    /** Every run's report files are in the folder once; nothing else is. */
    private static void assertFilesExactlyOnce(RedcapClient redcap, List<Long> runIds, String name) {
        List<String> files = new ArrayList<>();
        for (RepositoryEntry folder : redcap.listRepository()) {
            if (folder.folder() && folder.name().equals(FOLDER)) {
                redcap.listRepository(folder.id()).stream().filter(e -> !e.folder()).forEach(e -> files.add(e.name()));
            }
        }
        Map<Long, List<String>> byRun = new TreeMap<>();
        for (String file : files) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("-run(\\d+)-(.+)$").matcher(file);
            assertTrue(m.find(), name + ": unexpected file " + file);
            byRun.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>()).add(m.group(2));
        }
        assertEquals(runIds.stream().sorted().toList(), List.copyOf(byRun.keySet()), name + ": runs with files " + files);
        for (Map.Entry<Long, List<String>> run : byRun.entrySet()) {
            List<String> expected = expectedFiles();
            assertEquals(expected, run.getValue().stream().sorted().toList(),
                    name + ": run " + run.getKey() + " has each report file exactly once: " + files);
        }
    }

    private static List<String> expectedFiles() {
        List<String> names = new ArrayList<>(List.of("exclusions.csv", "report.csv", "report.html", "report.pdf",
                "report.xlsx", "result.json"));
        names.sort(null);
        return names;
    }

    /**
     * Read directly from the database once the instance is stopped: no run left RUNNING or QUEUED, each run
     * SUCCEEDED once, each with its stored files once (report files, exclusions and the dashboard body).
     */
    private void assertDatabaseConsistent(String url, String user, String password, List<Long> runIds) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            Map<Long, String> status = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, status, outcome, lease_until FROM concord_run");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    status.put(rs.getLong(1), rs.getString(2) + "/" + rs.getString(3)
                            + (rs.getObject(4) == null ? "" : " lease " + rs.getObject(4)));
                }
            }
            Map<Long, String> expected = runIds.stream().collect(Collectors.toMap(id -> id, id -> "SUCCEEDED/PUBLISHED",
                    (a, b) -> a, TreeMap::new));
            assertEquals(expected, status, "every run succeeded exactly once, nothing left running, queued or leased");
            Map<Long, List<String>> artifacts = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT run_id, name FROM concord_run_artifact ORDER BY run_id, name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    artifacts.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<String> files = new ArrayList<>(expectedFiles());
            files.add(DashboardBody.FILE_NAME);
            files.sort(null);
            for (long id : runIds) {
                List<String> stored = artifacts.getOrDefault(id, List.of()).stream().sorted().toList();
                assertEquals(files, stored, "run " + id + " stored each of its files once");
            }
        }
    }

    private Map<String, String> environment(URI apiUrl, String token, int pid, Map<String, String> dbEnv) {
        Map<String, String> env = new HashMap<>(dbEnv);
        env.put("CONCORD_ADMIN_TOKENS", ADMIN_TOKEN);
        env.put("CONCORD_RUNS_WORKER_ID", WORKER);
        env.put("CONCORD_RUNS_DEBOUNCE", "0ms");
        env.put("CONCORD_RUNS_LEASE", LEASE.toMillis() + "ms");
        env.put("CONCORD_RUNS_HEARTBEAT", "250ms");
        env.put("CONCORD_RUNS_POLL_INTERVAL", "200ms");
        env.put("CONCORD_RUNS_MAX_ATTEMPTS", "3");
        env.put("CONCORD_REDCAP_BATCH_SIZE", "10");
        env.put("CONCORD_REDCAP_INTER_BATCH_PAUSE", "0ms");
        String prefix = "CONCORD_PROJECTS_R_";
        env.put(prefix + "API_URL", apiUrl.toString());
        env.put(prefix + "TOKEN", token);
        env.put(prefix + "REDCAP_PROJECT_ID", String.valueOf(pid));
        env.put(prefix + "GROUP_FIELD", "group");
        env.put(prefix + "OUTCOMES", "ratings");
        env.put(prefix + "DOMAINS", "NONE");
        env.put(prefix + "PUBLISH_ENABLED", "true");
        env.put(prefix + "PUBLISH_FORMATS", String.join(",", FORMATS));
        return env;
    }

    private void record(String line) {
        summary.add(line);
        System.out.println("[RestartIT] " + line);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
        if (!summary.isEmpty()) {
            Files.write(root.resolve("summary.txt"), summary);
        }
    }
}
