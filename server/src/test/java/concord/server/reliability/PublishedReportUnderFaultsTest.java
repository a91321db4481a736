package concord.server.reliability;

import concord.connector.reliability.ReliabilityResults;
import concord.connector.reliability.CountingProxy;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunStatus;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import concord.server.testing.ProductionJsonLog;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service against the sandbox's faults (through a request-counting proxy): every run either publishes a
 * report from all the records or fails with a message naming the cause, and after a failure the previously
 * published report is still the latest, in Concord and in REDCap's File Repository. Also: forged triggers,
 * and no token or participant value in any log line (concord.* captured at TRACE and encoded as production's
 * JSON lines, MDC and stack traces included). Seeds per fault: 2 in the normal build, 20 with {@code -Dconcord.reliability=full}. Figures: target/reliability/service-faults.json.
 */
@TestMethodOrder(MethodOrderer.MethodName.class)
class PublishedReportUnderFaultsTest {
    private static final int SEEDS = ReliabilityResults.full() ? 20 : 2;
    private static final String SECRET = "reliability-secret-0123456789";
    private static final String MARKER = "qz7731";
    private static final ReliabilityResults RESULTS = new ReliabilityResults("service-faults");

    private static RedcapSandbox sandbox;
    private static CountingProxy proxy;
    private static HttpServer listener;
    private static final AtomicInteger listenerHits = new AtomicInteger();
    private static int pid;
    private static String token;
    private static EmbeddedServer server;
    private static RunRepository runs;
    private static ProductionJsonLog logs;
    private static Level concordLevel;
    private static int added;

    @BeforeAll
    static void start() throws Exception {
        Logger concord = (Logger) LoggerFactory.getLogger("concord");
        concordLevel = concord.getLevel();
        concord.setLevel(Level.TRACE);
        logs = new ProductionJsonLog();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);

        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.fromDictionaryCsv("Reliability study", resource("dictionary.csv"), resource("records.csv")));
        token = sandbox.createToken(pid, SandboxUser.withAllRights("concord"));
        proxy = new CountingProxy(sandbox.apiUrl());
        listener = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        listener.createContext("/", x -> {
            listenerHits.incrementAndGet();
            x.sendResponseHeaders(200, -1);
            x.close();
        });
        listener.start();

        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("datasources.default.url", "jdbc:h2:mem:reliability" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        p.put("concord.runs.worker-enabled", "true");
        p.put("concord.runs.poll-interval", "100ms");
        p.put("concord.runs.debounce", "1s");
        p.put("concord.redcap.inter-batch-pause", "0ms");
        p.put("concord.redcap.batch-size", "4");
        p.put("concord.redcap.read-timeout", "2s");
        p.put("concord.projects.rel.api-url", proxy.apiUrl().toString());
        p.put("concord.projects.rel.token", token);
        p.put("concord.projects.rel.redcap-project-id", String.valueOf(pid));
        p.put("concord.projects.rel.group-field", "stakeholder");
        p.put("concord.projects.rel.demographic-fields", "age,sex");
        p.put("concord.projects.rel.det-secret", SECRET);
        p.put("concord.projects.rel.publish.folder", "Concord reliability reports");
        server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        runs = server.getApplicationContext().getBean(RunRepository.class);
        Run first = trigger();
        assertEquals(RunStatus.SUCCEEDED, first.status(), first.errorMessage());
    }

    @AfterAll
    static void stop() {
        RESULTS.write();
        if (server != null) {
            server.close();
        }
        proxy.close();
        sandbox.close();
        listener.stop(0);
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("concord")).setLevel(concordLevel);
    }

    /** Adds one valid participant, so every trial has new data that must be read completely to be published. */
    private static void addParticipant() {
        added++;
        String id = MARKER + "-" + added;
        sandbox.saveForm(pid, FormSave.of(id, "participant").withValue("stakeholder", String.valueOf(1 + added % 2))
                .withValue("age", "41").withStatus(2));
        sandbox.saveForm(pid, FormSave.of(id, "ratings").withValue("pain", String.valueOf(1 + added % 9))
                .withValue("mood", "6").withValue("comments", MARKER + " private note " + added).withStatus(2));
    }

    private static Run trigger() throws InterruptedException {
        int before = runs.list("rel", 1000).size();
        server.getApplicationContext().getBean(RunTriggers.class).trigger("rel", TriggerKind.ADMIN);
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < until) {
            List<Run> list = runs.list("rel", 1000);
            if (list.size() > before && list.get(0).status().finished()) {
                return list.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run did not finish: " + runs.list("rel", 3));
    }

    /** Runs one trial per seed; the plan fails or not, and the invariants hold either way. */
    private void trials(String scenario, IntFunction<FaultPlan> plan, String causeWords) throws Exception {
        trials(scenario, plan, causeWords, Integer.MAX_VALUE);
    }

    private void trials(String scenario, IntFunction<FaultPlan> plan, String causeWords, int maxRequestsOfAFailedRun) throws Exception {
        for (int seed = 1; seed <= SEEDS; seed++) {
            Run published = runs.lastPublished("rel").orElseThrow();
            List<String> filesBefore = repositoryFiles();
            addParticipant();
            int expectedRecords = published.recordCount() + 1;
            sandbox.setFaults(pid, plan.apply(seed));
            proxy.reset();
            long t0 = System.nanoTime();
            Run run;
            try {
                run = trigger();
            } finally {
                sandbox.setFaults(pid, FaultPlan.none());
                sandbox.liftBans();
            }
            RESULTS.increment(scenario, "trials");
            RESULTS.add(scenario, "requests_last_trial", proxy.requests());
            RESULTS.add(scenario, "run_ms_last_trial", (System.nanoTime() - t0) / 1_000_000);
            if (run.status() == RunStatus.SUCCEEDED) {
                RESULTS.increment(scenario, "published_complete");
                assertEquals(expectedRecords, run.recordCount(), scenario + " seed " + seed + ": published from all records");
                assertEquals(run.id(), runs.lastPublished("rel").orElseThrow().id());
            } else {
                RESULTS.increment(scenario, "failed_with_cause");
                assertEquals(RunStatus.FAILED, run.status());
                assertTrue(proxy.requests() <= maxRequestsOfAFailedRun, scenario + ": " + proxy.requests() + " requests reached REDCap");
                assertTrue(run.errorMessage().matches("(?is).*(" + causeWords + ").*"),
                        scenario + " seed " + seed + " message names the cause: " + run.errorMessage());
                assertFalse(run.errorMessage().contains(token), "no token in messages");
                assertEquals(published.id(), runs.lastPublished("rel").orElseThrow().id(), "previous report stays current");
                assertEquals(filesBefore, repositoryFiles(), "nothing of the failed run stays in the File Repository");
                // Catch up now, so the next trial again starts from a report of all records.
                Run caughtUp = trigger();
                assertEquals(RunStatus.SUCCEEDED, caughtUp.status(), caughtUp.errorMessage());
                assertEquals(expectedRecords, caughtUp.recordCount());
            }
        }
    }

    @Test
    void serverErrors() throws Exception {
        trials("http_500_502_504", s -> FaultPlan.none().withSeed(s).withServerErrorShare(0.15), "50[024]|server error");
    }

    @Test
    void htmlInsteadOfData() throws Exception {
        trials("html_in_200", s -> FaultPlan.none().withSeed(s).withHtmlShare(0.15), "html");
    }

    @Test
    void droppedRecords() throws Exception {
        trials("dropped_records", s -> FaultPlan.none().withSeed(s).withDroppedRecordShare(0.2), "missing|incomplete|dropped|left out");
    }

    @Test
    void outOfMemory() throws Exception {
        trials("out_of_memory", s -> FaultPlan.none().withSeed(s).withOutOfMemoryAboveRecords(1 + s % 3), "memory");
    }

    @Test
    void uploadsFailingHalfway() throws Exception {
        trials("upload_failure", s -> FaultPlan.none().withSeed(s).withUploadFailureShare(0.3), "Publishing failed");
    }

    @Test
    void slowAnswersBeyondTheTimeOut() throws Exception {
        if (!ReliabilityResults.full()) {
            return; // each failing run waits out 5 attempts with real back-off (~20 s): full suite only
        }
        trials("slow_beyond_timeout", s -> FaultPlan.none().withSeed(s).withLatency(Duration.ofMillis(2500)), "time");
    }

    @Test
    void aBanIsNeverRetried() throws Exception {
        int threshold = 2;
        // A ban fails the run at the first banned answer: at most threshold + 1 requests reach REDCap
        // (fewer when earlier requests of the same minute already count); a retry would add 4 more.
        trials("ip_ban", s -> FaultPlan.none().withSeed(s).withBanAfterRequestsPerMinute(threshold), "banned", threshold + 1);
    }

    @Test
    void forgedTriggersAreRefusedAndNeverCallBack() throws Exception {
        String local = "http://127.0.0.1:" + listener.getAddress().getPort() + "/";
        int before = runs.list("rel", 1000).size();
        int refused = 0;
        for (Map<String, String> form : List.of(
                Map.of("project_id", String.valueOf(pid), "redcap_url", local, "record", MARKER + "-det"),
                Map.of("project_id", "99999", "redcap_url", local, "record", MARKER + "-det"))) {
            for (String query : List.of("", "?secret=wrong", "?secret=" + SECRET)) {
                boolean knownAndSecret = query.endsWith(SECRET) && form.get("project_id").equals(String.valueOf(pid));
                try {
                    int status = HttpClient.create(server.getURL()).toBlocking().exchange(HttpRequest.POST("/redcap/det" + query, form)
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED), String.class).getStatus().getCode();
                    assertTrue(knownAndSecret, "accepted only with the project's secret: " + query + " " + form);
                    assertEquals(202, status);
                } catch (HttpClientResponseException e) {
                    assertFalse(knownAndSecret, e.getMessage());
                    assertEquals(403, e.getStatus().getCode(), query + " " + form);
                    refused++;
                }
            }
        }
        RESULTS.add("forged_det", "refused", refused);
        RESULTS.add("forged_det", "sent", 6);
        Thread.sleep(3000); // the accepted trigger's run (debounce 1 s) reads through the configured URL only
        RESULTS.add("forged_det", "listener_hits", listenerHits.get());
        assertEquals(5, refused);
        assertEquals(0, listenerHits.get(), "redcap_url from a request is never called");
        assertTrue(runs.list("rel", 1000).size() <= before + 1);
    }

    @Test
    void zLogsCarryNoTokenAndNoParticipantValue() throws Exception {
        addParticipant();
        trigger();
        // the lines as production writes them (JSON: message, MDC, exception with its stack), each parsed
        List<String> lines = logs.lines();
        for (String line : lines) {
            assertTrue(new ObjectMapper().readTree(line).has("formattedMessage"), line);
        }
        RESULTS.add("log_scan", "lines_scanned", lines.size());
        long leaks = lines.stream().filter(l -> l.contains(token) || l.contains(MARKER)).count();
        RESULTS.add("log_scan", "lines_with_token_or_participant_value", leaks);
        assertTrue(lines.size() > 20, "the capture saw the runs: " + lines.size());
        assertEquals(List.of(), lines.stream().filter(l -> l.contains(token) || l.contains(MARKER)).toList());
    }

    private static List<String> repositoryFiles() {
        try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token))) {
            for (RepositoryEntry folder : client.listRepository()) {
                if (folder.folder() && folder.name().equals("Concord reliability reports")) {
                    return client.listRepository(folder.id()).stream().map(RepositoryEntry::name).sorted().toList();
                }
            }
            return List.of();
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = PublishedReportUnderFaultsTest.class.getResourceAsStream("/load/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
