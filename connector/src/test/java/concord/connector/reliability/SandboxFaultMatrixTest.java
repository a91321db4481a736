package concord.connector.reliability;

import concord.connector.ExportSummary;
import concord.connector.IncompleteExportException;
import concord.connector.RecordQuery;
import concord.connector.RedcapBannedException;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapConnectionException;
import concord.connector.RedcapException;
import concord.connector.RedcapFile;
import concord.connector.RedcapHtmlResponseException;
import concord.connector.RedcapOutOfMemoryException;
import concord.connector.RedcapRecord;
import concord.connector.RedcapServerException;
import concord.connector.RedcapTimeoutException;
import concord.connector.RetryPolicy;
import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every sandbox fault, over many seeds, against the client through a request-counting proxy. The rule
 * for each trial: the export is complete (all records, none twice) or it fails with the exception and
 * message of the cause; a ban or failed upload is never repeated. Seeds: 5 per fault in the normal
 * build, 20 with {@code -Dconcord.reliability=full}. Figures go to target/reliability/connector-faults.json.
 */
class SandboxFaultMatrixTest {
    private static final int RECORDS = 120;
    private static final int BATCH = 20;
    private static final int SEEDS = ReliabilityResults.full() ? 20 : 5;
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(5, Duration.ofMillis(5), Duration.ofMillis(20));
    private static final ReliabilityResults RESULTS = new ReliabilityResults("connector-faults");

    @AfterAll
    static void writeFigures() {
        RESULTS.write();
    }

    private record Env(RedcapSandbox sandbox, int pid, String token, CountingProxy proxy) implements AutoCloseable {
        static Env start() throws Exception {
            RedcapSandbox sandbox = RedcapSandbox.builder().build().start();
            int pid = sandbox.addProject(SandboxProject.generated("faults", RECORDS, 4, 42));
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("reliability"));
            return new Env(sandbox, pid, token, new CountingProxy(sandbox.apiUrl()));
        }

        RedcapClient client() {
            return RedcapClient.create(RedcapClientConfiguration.of(proxy.apiUrl(), token).withBatchSize(BATCH)
                    .withInterBatchPause(Duration.ZERO).withRetryPolicy(FAST_RETRIES));
        }

        @Override
        public void close() {
            proxy.close();
            sandbox.close();
        }
    }

    private static Env env;

    @BeforeAll
    static void start() throws Exception {
        env = Env.start();
    }

    @AfterAll
    static void stop() {
        env.close();
    }

    /** Exports everything under the plan; returns the failure, or null after checking the export is complete. */
    private static RedcapException export(Env e, FaultPlan plan, RedcapClientConfiguration config, String scenario) {
        e.sandbox().setFaults(e.pid(), plan);
        e.proxy().reset();
        Set<String> ids = new HashSet<>();
        int[] rows = {0};
        try (RedcapClient client = RedcapClient.create(config)) {
            ExportSummary summary = client.exportRecords(RecordQuery.all(), (RedcapRecord r) -> {
                rows[0]++;
                ids.add(r.recordId());
            });
            assertEquals(RECORDS, summary.records(), scenario + " seed " + plan.seed());
            assertEquals(RECORDS, rows[0], "no record twice, none missing: " + scenario + " seed " + plan.seed());
            assertEquals(RECORDS, ids.size());
            RESULTS.increment(scenario, "succeeded_complete");
            return null;
        } catch (RedcapException failure) {
            RESULTS.increment(scenario, "failed_with_cause");
            return failure;
        } finally {
            RESULTS.increment(scenario, "trials");
            RESULTS.add(scenario, "requests_at_sandbox_last_trial", e.proxy().requests());
            e.sandbox().setFaults(e.pid(), FaultPlan.none());
        }
    }

    private static RedcapClientConfiguration config(Env e) {
        return RedcapClientConfiguration.of(e.proxy().apiUrl(), e.token()).withBatchSize(BATCH)
                .withInterBatchPause(Duration.ZERO).withRetryPolicy(FAST_RETRIES);
    }

    @Test
    void serverErrorsAreRetriedOrNamed() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            RedcapException f = export(env, FaultPlan.none().withSeed(seed).withServerErrorShare(0.3), config(env), "http_500_502_504");
            if (f != null) {
                assertInstanceOf(RedcapServerException.class, f, f.toString());
                assertTrue(f.getMessage().matches("(?s).*\\b50[024]\\b.*"), f.getMessage());
            }
        }
    }

    @Test
    void htmlInsteadOfDataIsRetriedOrNamed() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            RedcapException f = export(env, FaultPlan.none().withSeed(seed).withHtmlShare(0.3), config(env), "html_in_200");
            if (f != null) {
                assertInstanceOf(RedcapHtmlResponseException.class, f, f.toString());
            }
        }
    }

    @Test
    void answersSlowerThanTheTimeOutFailNamingTheTimeOut() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            RedcapException f = export(env, FaultPlan.none().withSeed(seed).withLatency(Duration.ofMillis(250)),
                    config(env).withReadTimeout(Duration.ofMillis(80)), "slow_beyond_timeout");
            assertInstanceOf(RedcapTimeoutException.class, f, String.valueOf(f));
            assertTrue(f.getMessage().toLowerCase().contains("time"), f.getMessage());
            sleepQuietly(400); // the abandoned requests are still being answered by the slow sandbox
            assertEquals(FAST_RETRIES.maxAttempts(), env.proxy().requests(), "a time-out is transient: retried up to the limit");
        }
    }

    @Test
    void droppedRecordsNeverGiveAPartialExport() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            RedcapException f = export(env, FaultPlan.none().withSeed(seed).withDroppedRecordShare(0.02 + 0.01 * (seed % 5)),
                    config(env), "dropped_records");
            if (f != null) {
                IncompleteExportException ie = assertInstanceOf(IncompleteExportException.class, f, f.toString());
                assertTrue(f.getMessage().contains(ie.missingRecordIds().get(0)), f.getMessage());
            }
        }
    }

    @Test
    void outOfMemoryIsNamedAndNotRetried() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            RedcapException f = export(env, FaultPlan.none().withSeed(seed).withOutOfMemoryAboveRecords(1 + seed % (BATCH - 1)),
                    config(env), "out_of_memory");
            assertInstanceOf(RedcapOutOfMemoryException.class, f, String.valueOf(f));
            assertTrue(f.getMessage().contains("memory"), f.getMessage());
            assertEquals(3, env.proxy().requests(), "dictionary, record-ID list, and the first batch, which is not repeated");
        }
    }

    @Test
    void aBanIsNeverRetried() throws Exception {
        for (int seed = 1; seed <= SEEDS; seed++) {
            int threshold = 1 + seed % 5;
            try (Env fresh = Env.start()) { // the ban window is per IP and minute: a fresh sandbox per trial
                RedcapException f = export(fresh, FaultPlan.none().withSeed(seed).withBanAfterRequestsPerMinute(threshold),
                        config(fresh), "ip_ban");
                assertInstanceOf(RedcapBannedException.class, f, String.valueOf(f));
                assertTrue(f.getMessage().contains("banned"), f.getMessage());
                assertEquals(threshold + 1, fresh.proxy().requests(), "the request that met the ban page is the last one");
                try (RedcapClient client = fresh.client()) { // still banned: one more call, one more request, no retry
                    assertInstanceOf(RedcapBannedException.class, catching(client::version));
                }
                assertEquals(threshold + 2, fresh.proxy().requests());
            }
        }
    }

    @Test
    void connectionRefusedIsNamed() throws Exception {
        for (int seed = 1; seed <= SEEDS; seed++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            URI dead = URI.create("http://127.0.0.1:" + port + "/api/");
            try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(dead, env.token()).withRetryPolicy(FAST_RETRIES))) {
                RedcapException f = catching(() -> client.exportRecords(RecordQuery.all(), r -> { }));
                assertInstanceOf(RedcapConnectionException.class, f, String.valueOf(f));
                assertTrue(f.getMessage().contains("Could not reach REDCap at " + dead), f.getMessage());
                assertTrue(!f.getMessage().contains(env.token()), "no token in messages");
            }
            RESULTS.increment("connection_refused", "trials");
            RESULTS.increment("connection_refused", "failed_with_cause");
        }
    }

    @Test
    void failedUploadsAreNamedAndNeverRepeated() {
        for (int seed = 1; seed <= SEEDS; seed++) {
            env.sandbox().setFaults(env.pid(), FaultPlan.none().withSeed(seed).withUploadFailureShare(0.5));
            env.proxy().reset();
            int failed = 0;
            try (RedcapClient client = env.client()) {
                for (int i = 0; i < 4; i++) {
                    RedcapFile file = new RedcapFile("seed" + seed + "-" + i + ".csv", "text/csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
                    RedcapException f = catching(() -> client.importRepositoryFile(file));
                    if (f != null) {
                        assertInstanceOf(RedcapServerException.class, f, f.toString());
                        failed++;
                    }
                }
            } finally {
                env.sandbox().setFaults(env.pid(), FaultPlan.none());
            }
            assertEquals(4, env.proxy().requests(), "one request per upload, failed ones included");
            RESULTS.increment("upload_failure", "trials");
            RESULTS.add("upload_failure", "failed_uploads_seed" + seed, failed);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RedcapException catching(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RedcapException e) {
            return e;
        } catch (RuntimeException e) {
            fail("not a RedcapException: " + e);
            return null;
        }
    }
}
