package concord.server.deploy;

import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Two Concord processes started from the built jar share one PostgreSQL database and one REDCap sandbox
 * with several projects. A burst of Data Entry Triggers, spread over both instances, must yield runs that
 * each execute exactly once and account for every trigger; an instance killed (SIGKILL) mid-run must have
 * its run finished by the other once the lease expires.
 *
 * <p>Run by maven-failsafe in {@code mvn verify} against the test PostgreSQL (the server
 * {@code CONCORD_TEST_POSTGRES_URL} names, else the embedded one); skipped with the reason when there is none or
 * {@code server/target/concord.jar} has not been built. Figures go to standard output and to
 * {@code server/target/cluster-it/summary.txt}; the instances' logs are beside it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final int PROJECTS = 4;
    private static final int SAVES_PER_PROJECT = 12;
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final String ADMIN_TOKEN = "cluster-it-admin-token-0123456789abcdef";
    private static final String PENDING_EXECUTOR = "cannot analyse studies yet";
    private static final Pattern CLAIMED = Pattern.compile("Run (\\d+) of project (\\S+) claimed by (\\S+) .*attempt (\\d+)");
    private static final Pattern DET_STORED = Pattern.compile("Data Entry Trigger for project (\\S+) .*stored in run (\\d+)");

    private final Path workDir = Path.of("target", "cluster-it").toAbsolutePath();
    private final List<String> summary = new ArrayList<>();
    private RedcapSandbox sandbox;
    private RunTable runs;
    private ConcordProcess nodeA;
    private ConcordProcess nodeB;
    private final Map<String, Integer> redcapIds = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void startCluster() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(),
                "ClusterIT skipped: " + TestDatabases.postgresSkipMessage());
        Path jar = Path.of(System.getProperty("concord.jar", "target/concord.jar")).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(jar), "ClusterIT skipped: " + jar
                + " is missing; build it with `mvn -B -pl server -am package -DskipTests` (or run `mvn verify`).");

        Map<String, Object> database = TestDatabases.postgres().properties();
        String url = (String) database.get("datasources.default.url");
        runs = new RunTable(url, (String) database.get("datasources.default.username"),
                (String) database.get("datasources.default.password"));

        sandbox = RedcapSandbox.builder().build().start();
        Map<String, String> env = new HashMap<>();
        env.put("CONCORD_DB_URL", url);
        env.put("CONCORD_DB_USER", (String) database.get("datasources.default.username"));
        env.put("CONCORD_DB_PASSWORD", (String) database.get("datasources.default.password"));
        env.put("CONCORD_ADMIN_TOKENS", ADMIN_TOKEN);
        env.put("CONCORD_RUNS_DEBOUNCE", "300ms");
        env.put("CONCORD_RUNS_MAX_WAIT", "3s");
        env.put("CONCORD_RUNS_LEASE", LEASE.toMillis() + "ms");
        env.put("CONCORD_RUNS_HEARTBEAT", "1s");
        env.put("CONCORD_RUNS_POLL_INTERVAL", "200ms");
        env.put("CONCORD_RUNS_MAX_ATTEMPTS", "3");
        env.put("CONCORD_REDCAP_INTER_BATCH_PAUSE", "0ms");
        for (int i = 1; i <= PROJECTS; i++) {
            String id = "p" + i;
            int pid = sandbox.addProject(SandboxProject.generated("Cluster project " + i, 60, 8, i));
            redcapIds.put(id, pid);
            String prefix = "CONCORD_PROJECTS_P" + i + "_";
            env.put(prefix + "API_URL", sandbox.apiUrl().toString());
            tokens.put(id, sandbox.createToken(pid, SandboxUser.withAllRights("concord")));
            env.put(prefix + "TOKEN", tokens.get(id));
            env.put(prefix + "REDCAP_PROJECT_ID", String.valueOf(pid));
            env.put(prefix + "DET_SECRET", "secret-" + id);
            env.put(prefix + "GROUP_FIELD", "group");
            env.put(prefix + "OUTCOMES", "ratings");
            env.put(prefix + "DOMAINS", "NONE");
            env.put(prefix + "PUBLISH_ENABLED", "true");
            env.put(prefix + "PUBLISH_FORMATS", "json,csv");
        }
        Files.createDirectories(workDir);
        Instant started = Instant.now();
        nodeA = ConcordProcess.start("node-a", jar, ConcordProcess.freePort(), with(env, "CONCORD_RUNS_WORKER_ID", "node-a"), workDir);
        nodeB = ConcordProcess.start("node-b", jar, ConcordProcess.freePort(), with(env, "CONCORD_RUNS_WORKER_ID", "node-b"), workDir);
        nodeA.awaitReady(Duration.ofSeconds(180));
        nodeB.awaitReady(Duration.ofSeconds(180));
        record("both instances ready (started together, one Flyway migration) in "
                + Duration.between(started, Instant.now()).toMillis() + " ms");
        // REDCap would reach the instances through a load balancer; here the projects alternate between them.
        for (int i = 1; i <= PROJECTS; i++) {
            ConcordProcess target = i % 2 == 1 ? nodeA : nodeB;
            sandbox.setDataEntryTrigger(redcapIds.get("p" + i),
                    target.baseUrl().resolve("/redcap/det?secret=secret-p" + i));
        }
    }

    @Test
    @Order(1)
    void aBurstOfTriggersRunsEveryProjectOnceAndLosesNothing() throws Exception {
        int sent = PROJECTS * SAVES_PER_PROJECT;
        Instant start = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<OptionalInt>> answers = new ArrayList<>();
        Random random = new Random(7);
        for (int s = 0; s < SAVES_PER_PROJECT; s++) {
            for (int i = 1; i <= PROJECTS; i++) {
                int pid = redcapIds.get("p" + i);
                FormSave save = FormSave.of(String.valueOf(1 + random.nextInt(60)), "ratings")
                        .withValue("q1", String.valueOf(1 + random.nextInt(9))).withStatus(2);
                answers.add(pool.submit(() -> sandbox.saveForm(pid, save)));
            }
        }
        for (Future<OptionalInt> answer : answers) {
            assertEquals(OptionalInt.of(202), answer.get(), "every Data Entry Trigger is accepted (202)");
        }
        pool.shutdown();
        Instant burstDone = Instant.now();

        List<RunTable.Row> all = runs.awaitQuiet(Duration.ofSeconds(180));
        Instant quiet = Instant.now();
        int triggers = all.stream().mapToInt(RunTable.Row::triggerCount).sum();
        assertEquals(sent, triggers, "every trigger is counted in exactly one run: " + all);

        Map<Long, List<String>> claims = claims();
        for (RunTable.Row run : all) {
            assertEquals(1, run.attempts(), "run " + run.id() + " was executed once: " + run);
            assertEquals(List.of(run.workerId()), claims.get(run.id()), "run " + run.id() + " claimed by one instance only");
            assertTerminal(run);
        }
        for (int i = 1; i <= PROJECTS; i++) {
            String project = "p" + i;
            List<RunTable.Row> ofProject = all.stream().filter(r -> r.projectId().equals(project)).toList();
            assertFalse(ofProject.isEmpty(), project + " ran");
            for (int k = 1; k < ofProject.size(); k++) {
                assertFalse(ofProject.get(k).startedAt().isBefore(ofProject.get(k - 1).finishedAt()),
                        project + ": runs never overlap: " + ofProject);
            }
        }
        assertPublishedExactlyOnce(all);
        Map<String, Integer> stored = detsStored();
        assertEquals(sent, stored.values().stream().mapToInt(Integer::intValue).sum(), "DETs stored per instance " + stored);

        Map<String, Long> byWorker = new LinkedHashMap<>();
        all.forEach(r -> byWorker.merge(r.workerId(), 1L, Long::sum));
        record("burst: " + sent + " DETs over " + PROJECTS + " projects (stored by instance " + stored + ") sent in "
                + Duration.between(start, burstDone).toMillis() + " ms; " + all.size() + " runs (executed by " + byWorker
                + "), duplicates 0, lost 0; all finished " + Duration.between(burstDone, quiet).toMillis()
                + " ms after the burst; outcomes " + outcomes(all));
    }

    @Test
    @Order(2)
    void aRunWhoseInstanceIsKilledIsFinishedByTheOther() throws Exception {
        int pid = redcapIds.get("p1");
        // Change the data through the API (imports fire no trigger), so the run that survives the kill publishes.
        String q1 = sandbox.project(pid).values("1").get("q1");
        try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), tokens.get("p1")))) {
            client.importRecords(List.of(Map.of("record_id", "1", "q1", String.valueOf(Integer.parseInt(q1) % 9 + 1))));
        }
        sandbox.setFaults(pid, FaultPlan.none().withLatency(Duration.ofMillis(1500)));
        HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        nodeA.baseUrl().resolve("/projects/p1/runs")).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, started.statusCode(), started.body());
        long runId = Long.parseLong(matchOrFail("\"id\":(\\d+)", started.body()));

        RunTable.Row running = runs.await(runId, r -> !r.status().equals("QUEUED"), Duration.ofSeconds(60));
        if (!running.status().equals("RUNNING")) {
            Assumptions.assumeFalse(String.valueOf(running.errorMessage()).contains(PENDING_EXECUTOR),
                    "kill test skipped: the jar's run executor fails at once (" + running.errorMessage()
                            + "), so no run lasts long enough to be killed mid-run");
            fail("run " + runId + " finished before it could be killed, despite 1.5 s of REDCap latency: " + running);
        }
        ConcordProcess victim = running.workerId().equals("node-a") ? nodeA : nodeB;
        ConcordProcess survivor = victim == nodeA ? nodeB : nodeA;
        String killStage = System.getProperty("concord.cluster.kill-stage", "");
        if (killStage.isBlank()) {
            Thread.sleep(1500); // let the victim renew its lease at least once: it is mid-run, not just claimed
        } else { // e.g. PUBLISHING: reproduces leftovers of a killed upload (see deploy/README.md)
            runs.await(runId, r -> killStage.equals(r.stage()), Duration.ofSeconds(60));
            Thread.sleep(2000);
        }
        RunTable.Row beforeKill = runs.find(runId);
        assertEquals("RUNNING", beforeKill.status(), "still running when killed: " + beforeKill);
        Instant killedAt = Instant.now();
        victim.kill();
        sandbox.setFaults(pid, FaultPlan.none());

        RunTable.Row taken = runs.await(runId, r -> r.attempts() == 2, LEASE.multipliedBy(6));
        Instant takenAt = taken.startedAt();
        RunTable.Row done = runs.await(runId, r -> !r.status().equals("RUNNING") && !r.status().equals("QUEUED"),
                Duration.ofSeconds(120));
        assertEquals(survivor.name(), done.workerId(), "the surviving instance finished the run: " + done);
        assertEquals(2, done.attempts(), done.toString());
        assertTrue(takenAt.isAfter(beforeKill.leaseUntil()) || takenAt.equals(beforeKill.leaseUntil()),
                "taken over only after the victim's lease (" + beforeKill.leaseUntil() + ") expired, at " + takenAt);
        assertEquals("SUCCEEDED", done.status(), "the taken-over run finished: " + done);
        assertEquals("PUBLISHED", done.outcome(), "the taken-over run published the changed data: " + done);
        assertEquals(1, runs.all().stream().filter(r -> r.projectId().equals("p1") && r.id() >= runId).count(),
                "the kill created no extra run");
        assertPublishedExactlyOnce(runs.all());
        record("kill: run " + runId + " killed on " + victim.name() + " in stage " + beforeKill.stage() + "; "
                + survivor.name() + " took it over " + Duration.between(killedAt, takenAt).toMillis()
                + " ms after the kill (lease " + LEASE.toMillis() + " ms) and finished it "
                + Duration.between(killedAt, done.finishedAt()).toMillis() + " ms after the kill: " + done.status()
                + " " + done.outcome());
    }

    /**
     * REDCap's side of "exactly once": the File Repository holds files of exactly the runs that report
     * PUBLISHED (file names carry the run id), and no file name twice.
     */
    private void assertPublishedExactlyOnce(List<RunTable.Row> all) {
        for (String project : redcapIds.keySet()) {
            List<String> names = new ArrayList<>();
            try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), tokens.get(project)))) {
                for (RepositoryEntry folder : client.listRepository()) {
                    if (folder.folder() && folder.name().equals("Concord reports")) {
                        client.listRepository(folder.id()).stream().filter(e -> !e.folder()).forEach(e -> names.add(e.name()));
                    }
                }
            }
            Set<Long> filed = new TreeSet<>();
            for (String name : names) {
                Matcher m = Pattern.compile("-run(\\d+)-").matcher(name);
                assertTrue(m.find(), project + ": unexpected file " + name);
                filed.add(Long.parseLong(m.group(1)));
            }
            Set<Long> published = new TreeSet<>();
            all.stream().filter(r -> r.projectId().equals(project) && "PUBLISHED".equals(r.outcome()))
                    .forEach(r -> published.add(r.id()));
            assertEquals(published, filed, project + ": runs with files in the File Repository " + names);
            assertEquals(names.size(), new HashSet<>(names).size(), project + ": a file uploaded twice: " + names);
        }
    }

    private void assertTerminal(RunTable.Row run) {
        if (run.status().equals("FAILED")) {
            assertTrue(String.valueOf(run.errorMessage()).contains(PENDING_EXECUTOR),
                    "run " + run.id() + " failed for a reason other than the unwired executor: " + run.errorMessage());
        } else {
            assertEquals("SUCCEEDED", run.status(), run.toString());
        }
    }

    private static String outcomes(List<RunTable.Row> all) {
        Map<String, Long> out = new LinkedHashMap<>();
        all.forEach(r -> out.merge(r.status() + (r.outcome() == null ? "" : "/" + r.outcome()), 1L, Long::sum));
        return out.toString();
    }

    /** run id → the workers that logged claiming it (from both instances' logs). */
    private Map<Long, List<String>> claims() {
        Map<Long, List<String>> out = new HashMap<>();
        for (ConcordProcess node : List.of(nodeA, nodeB)) {
            for (String line : node.logLines()) {
                Matcher m = CLAIMED.matcher(line);
                if (m.find()) {
                    out.computeIfAbsent(Long.parseLong(m.group(1)), k -> new ArrayList<>()).add(m.group(3));
                }
            }
        }
        return out;
    }

    private Map<String, Integer> detsStored() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ConcordProcess node : List.of(nodeA, nodeB)) {
            out.put(node.name(), (int) node.logLines().stream().filter(l -> DET_STORED.matcher(l).find()).count());
        }
        return out;
    }

    private static String matchOrFail(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no " + regex + " in " + text);
        return m.group(1);
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(key, value);
        return copy;
    }

    private void record(String line) {
        summary.add(line);
        System.out.println("[ClusterIT] " + line);
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (ConcordProcess node : new ConcordProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (sandbox != null) {
            sandbox.close();
        }
        if (!summary.isEmpty()) {
            Files.write(workDir.resolve("summary.txt"), summary);
        }
    }
}
