package concord.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the sandbox's injected faults: what is retried, what fails, and how. */
class RedcapClientSandboxFaultsTest {

    private RedcapSandbox sandbox;
    private int pid;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.generated("faults", 200, 5, 42));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private RedcapClient client(RedcapClientConfiguration adjust) {
        return RedcapClient.create(adjust, sleeps::add);
    }

    private RedcapClientConfiguration configuration() {
        return RedcapClientConfiguration.of(sandbox.apiUrl(), sandbox.createToken(pid, SandboxUser.withAllRights("a")))
                .withBatchSize(20).withInterBatchPause(Duration.ZERO)
                .withRetryPolicy(new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    @Test
    void serverErrorsAndHtmlPagesAreRetriedAndTheExportIsComplete() {
        sandbox.setFaults(pid, FaultPlan.none().withSeed(7).withServerErrorShare(0.2).withHtmlShare(0.1));
        List<RedcapRecord> rows = new ArrayList<>();
        try (RedcapClient client = client(configuration())) {
            ExportSummary summary = client.exportRecords(RecordQuery.all(), rows::add);
            assertEquals(200, summary.records());
            assertEquals(200, rows.size());
            assertTrue(summary.requests() > 1 + summary.batches(), "some requests were repeated: " + summary);
        }
        assertFalse(sleeps.isEmpty(), "retries waited");
        assertEquals(200, rows.stream().map(RedcapRecord::recordId).distinct().count(), "no row twice");
    }

    @Test
    void droppedRecordsAreNeverASilentPartialResult() {
        sandbox.setFaults(pid, FaultPlan.none().withSeed(3).withDroppedRecordShare(0.05));
        try (RedcapClient client = client(configuration())) {
            IncompleteExportException e = assertThrows(IncompleteExportException.class,
                    () -> client.exportRecords(RecordQuery.all(), r -> { }));
            assertFalse(e.missingRecordIds().isEmpty());
            assertTrue(e.getMessage().contains(e.missingRecordIds().get(0)), e.getMessage());
            assertTrue(e.batch() >= 1);
        }
    }

    @Test
    void outOfMemoryNamesTheFixAndIsNotRetried() {
        sandbox.setFaults(pid, FaultPlan.none().withOutOfMemoryAboveRecords(10));
        try (RedcapClient client = client(configuration())) {
            RedcapOutOfMemoryException e = assertThrows(RedcapOutOfMemoryException.class,
                    () -> client.exportRecords(RecordQuery.all(), r -> { }));
            assertTrue(e.redcapMessage().contains("ran out of server memory"), e.redcapMessage());
            assertTrue(sleeps.isEmpty());
        }
        try (RedcapClient client = client(configuration().withBatchSize(10))) {
            assertEquals(200, client.exportRecords(RecordQuery.all(), r -> { }).records(),
                    "smaller batches, as the message advises, get through");
        }
    }

    @Test
    void aBanStopsEverythingAtOnce() {
        sandbox.setFaults(pid, FaultPlan.none().withBanAfterRequestsPerMinute(5));
        try (RedcapClient client = client(configuration())) {
            RedcapBannedException e = assertThrows(RedcapBannedException.class,
                    () -> client.exportRecords(RecordQuery.all(), r -> { }));
            assertTrue(e.getMessage().contains("has been banned due to suspected abuse"), e.getMessage());
            assertTrue(sleeps.isEmpty(), "never retried");
            assertThrows(RedcapBannedException.class, client::version);
        }
        sandbox.liftBans();
        sandbox.setFaults(pid, FaultPlan.none());
        try (RedcapClient client = client(configuration())) {
            assertEquals(sandbox.redcapVersion(), client.version());
        }
    }

    @Test
    void slowAnswersTimeOut() {
        sandbox.setFaults(pid, FaultPlan.none().withLatency(Duration.ofMillis(800)));
        try (RedcapClient client = client(configuration().withReadTimeout(Duration.ofMillis(200))
                .withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10))))) {
            RedcapTimeoutException e = assertThrows(RedcapTimeoutException.class, client::metadata);
            assertTrue(e.transientFailure());
            assertEquals(List.of(Duration.ofMillis(10)), sleeps);
        }
    }

    @Test
    void failedUploadsToTheRepositoryAreNotRepeated() {
        sandbox.setFaults(pid, FaultPlan.none().withUploadFailureShare(1.0));
        try (RedcapClient client = client(configuration())) {
            assertThrows(RedcapServerException.class, () -> client.importRepositoryFile(
                    new RedcapFile("a.csv", "text/csv", new byte[] {'a'})));
            assertTrue(sleeps.isEmpty(), "a second upload could duplicate the file");
        }
    }
}
