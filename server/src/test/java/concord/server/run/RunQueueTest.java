package concord.server.run;

import concord.server.testing.TestDatabases;
import concord.server.testing.TestDatabases.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue's contract on every supported database (H2 always, PostgreSQL when configured). */
class RunQueueTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration DEBOUNCE = Duration.ofSeconds(30);
    private static final Duration MAX_WAIT = Duration.ofSeconds(100);
    private static final Duration LEASE = Duration.ofSeconds(60);

    static List<TestDatabase> databases() {
        return TestDatabases.all();
    }

    static ApplicationContext start(TestDatabase db) {
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("concord.runs.worker-enabled", "false");
        return ApplicationContext.run(props);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void triggersCoalesceUntilQuietOrTheDeadline(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            Run first = queue.enqueue("p", TriggerKind.DET, T0, DEBOUNCE, MAX_WAIT);
            assertEquals(T0.plus(DEBOUNCE), first.notBefore());
            Run joined = queue.enqueue("p", TriggerKind.DET, T0.plusSeconds(10), DEBOUNCE, MAX_WAIT);
            assertEquals(first.id(), joined.id());
            assertEquals(2, joined.triggerCount());
            assertEquals(T0.plusSeconds(40), joined.notBefore(), "each trigger postpones the run by the debounce");
            for (int s = 20; s <= 200; s += 10) {
                joined = queue.enqueue("p", TriggerKind.DET, T0.plusSeconds(s), DEBOUNCE, MAX_WAIT);
            }
            assertEquals(first.id(), joined.id());
            assertEquals(21, joined.triggerCount());
            assertEquals(T0.plus(MAX_WAIT), joined.notBefore(), "a busy burst still runs at the max-wait deadline");

            assertTrue(queue.claim("w", T0.plusSeconds(99), LEASE).isEmpty(), "not due before the deadline");
            Run claimed = queue.claim("w", T0.plusSeconds(100), LEASE).orElseThrow();
            assertEquals(first.id(), claimed.id());
            assertEquals(RunStatus.RUNNING, claimed.status());

            Run next = queue.enqueue("p", TriggerKind.DET, T0.plusSeconds(101), DEBOUNCE, MAX_WAIT);
            assertNotEquals(first.id(), next.id(), "a trigger after the claim queues the next run");
            assertEquals(RunStatus.QUEUED, next.status());
            assertEquals(T0.plusSeconds(101), next.firstTriggerAt());
            assertTrue(queue.claim("w2", T0.plusSeconds(200), LEASE).isEmpty(),
                    "a project never has two runs RUNNING at once");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void adminTriggerMakesAQueuedRunDueNow(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            Run det = queue.enqueue("p", TriggerKind.DET, T0, DEBOUNCE, MAX_WAIT);
            Run admin = queue.enqueue("p", TriggerKind.ADMIN, T0.plusSeconds(1), Duration.ZERO, MAX_WAIT);
            assertEquals(det.id(), admin.id());
            assertEquals(T0.plusSeconds(1), admin.notBefore());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentWorkersClaimEachRunExactlyOnce(TestDatabase db) throws Exception {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            int projects = 24;
            for (int i = 0; i < projects; i++) {
                queue.enqueue("p" + i, TriggerKind.ADMIN, T0, Duration.ZERO, MAX_WAIT);
            }
            Map<Long, String> owners = new ConcurrentHashMap<>();
            AtomicInteger duplicates = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            for (int w = 0; w < 4; w++) {
                String worker = "worker-" + w;
                pool.submit(() -> {
                    go.await();
                    Optional<Run> run;
                    while ((run = queue.claim(worker, T0.plusSeconds(1), LEASE)).isPresent()) {
                        if (owners.putIfAbsent(run.get().id(), worker) != null) {
                            duplicates.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
            assertEquals(0, duplicates.get());
            assertEquals(projects, owners.size());
            RunRepository repo = ctx.getBean(RunRepository.class);
            for (Map.Entry<Long, String> e : owners.entrySet()) {
                assertEquals(e.getValue(), repo.find(e.getKey()).orElseThrow().workerId());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoInstancesOnOneDatabaseClaimARunOnce(TestDatabase db) throws Exception {
        try (ApplicationContext a = start(db); ApplicationContext b = start(db)) {
            RunQueue qa = a.getBean(RunQueue.class);
            RunQueue qb = b.getBean(RunQueue.class);
            Run run = qa.enqueue("shared", TriggerKind.DET, T0, Duration.ZERO, MAX_WAIT);
            Optional<Run> byB = qb.claim("instance-b", T0, LEASE);
            Optional<Run> byA = qa.claim("instance-a", T0, LEASE);
            assertEquals(run.id(), byB.orElseThrow().id());
            assertTrue(byA.isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void expiredLeaseIsRequeuedAndTheOldOwnerCannotFinish(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            Run run = queue.enqueue("p", TriggerKind.DET, T0, Duration.ZERO, MAX_WAIT);
            queue.claim("dead", T0, LEASE).orElseThrow();
            assertTrue(queue.heartbeat(run.id(), "dead", T0.plusSeconds(30), LEASE, RunStage.READING_RECORDS, 10));
            assertEquals(0, queue.recoverExpired(T0.plusSeconds(89), 3), "lease renewed by the heartbeat");
            assertEquals(1, queue.recoverExpired(T0.plusSeconds(91), 3));
            Run requeued = ctx.getBean(RunRepository.class).find(run.id()).orElseThrow();
            assertEquals(RunStatus.QUEUED, requeued.status());
            assertTrue(requeued.errorMessage().contains("dead"));

            Run again = queue.claim("alive", T0.plusSeconds(92), LEASE).orElseThrow();
            assertEquals(run.id(), again.id());
            assertEquals(2, again.attempts());
            assertFalse(queue.heartbeat(run.id(), "dead", T0.plusSeconds(93), LEASE, RunStage.PUBLISHING, 10));
            assertFalse(queue.succeed(run.id(), "dead", T0.plusSeconds(94), completion("x")));
            assertTrue(queue.succeed(run.id(), "alive", T0.plusSeconds(95), completion("x")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunThatKeepsLosingItsWorkerFailsAfterMaxAttempts(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            Run run = queue.enqueue("p", TriggerKind.DET, T0, Duration.ZERO, MAX_WAIT);
            Instant t = T0;
            for (int attempt = 1; attempt <= 2; attempt++) {
                queue.claim("w" + attempt, t, LEASE).orElseThrow();
                t = t.plus(LEASE).plusSeconds(1);
                queue.recoverExpired(t, 2);
            }
            Run failed = ctx.getBean(RunRepository.class).find(run.id()).orElseThrow();
            assertEquals(RunStatus.FAILED, failed.status());
            assertTrue(failed.errorMessage().contains("attempt 2 of 2"), failed.errorMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void expiredRunFoldsIntoAnAlreadyQueuedRun(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            Run lost = queue.enqueue("p", TriggerKind.DET, T0, Duration.ZERO, MAX_WAIT);
            queue.claim("dead", T0, LEASE).orElseThrow();
            Run waiting = queue.enqueue("p", TriggerKind.DET, T0.plusSeconds(5), DEBOUNCE, MAX_WAIT);
            assertEquals(1, queue.recoverExpired(T0.plus(LEASE).plusSeconds(1), 3));
            RunRepository repo = ctx.getBean(RunRepository.class);
            assertEquals(RunStatus.FAILED, repo.find(lost.id()).orElseThrow().status());
            assertEquals(2, repo.find(waiting.id()).orElseThrow().triggerCount());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void successRecordsWhereTheRunsTimeWent(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            RunRepository repo = ctx.getBean(RunRepository.class);
            Run run = queue.enqueue("p", TriggerKind.ADMIN, T0, Duration.ZERO, MAX_WAIT);
            queue.claim("w", T0, LEASE).orElseThrow();
            assertEquals(null, repo.find(run.id()).orElseThrow().stageMillis(), "nothing recorded while it runs");
            Map<RunStage, Long> millis = new java.util.EnumMap<>(RunStage.class);
            millis.put(RunStage.CLAIMED, 3L);
            millis.put(RunStage.READING_RECORDS, 1250L);
            millis.put(RunStage.PUBLISHING, 40L);
            assertTrue(queue.succeed(run.id(), "w", T0.plusSeconds(2), completion("abc"), millis));
            Map<String, Long> stored = repo.find(run.id()).orElseThrow().stageMillis();
            assertEquals(List.of("CLAIMED", "READING_RECORDS", "PUBLISHING"), List.copyOf(stored.keySet()), "stage order kept");
            assertEquals(List.of(3L, 1250L, 40L), List.copyOf(stored.values()));

            Run plain = queue.enqueue("p", TriggerKind.ADMIN, T0.plusSeconds(3), Duration.ZERO, MAX_WAIT);
            queue.claim("w", T0.plusSeconds(3), LEASE).orElseThrow();
            assertTrue(queue.succeed(plain.id(), "w", T0.plusSeconds(4), completion("abc")));
            assertEquals(null, repo.find(plain.id()).orElseThrow().stageMillis(), "no times given, none stored");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void successStoresFilesAndBecomesTheLastPublishedRun(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            RunRepository repo = ctx.getBean(RunRepository.class);
            Run run = queue.enqueue("p", TriggerKind.ADMIN, T0, Duration.ZERO, MAX_WAIT);
            queue.claim("w", T0, LEASE).orElseThrow();
            assertTrue(queue.succeed(run.id(), "w", T0.plusSeconds(3), completion("abc")));
            Run done = repo.lastPublished("p").orElseThrow();
            assertEquals(run.id(), done.id());
            assertEquals("abc", done.fingerprint());
            assertEquals(7, done.recordCount());
            assertEquals(Set.of("report.html"), Set.copyOf(repo.files(run.id()).stream().map(RunFile::name).toList()));
            assertArrayEquals("<p>hi</p>".getBytes(StandardCharsets.UTF_8),
                    repo.artifact(run.id(), "report.html").orElseThrow().content());

            Run failing = queue.enqueue("p", TriggerKind.ADMIN, T0.plusSeconds(4), Duration.ZERO, MAX_WAIT);
            queue.claim("w", T0.plusSeconds(4), LEASE).orElseThrow();
            assertTrue(queue.fail(failing.id(), "w", T0.plusSeconds(5), "REDCap said no", null));
            assertEquals(run.id(), repo.lastPublished("p").orElseThrow().id(), "a failed run leaves the last published one");
            assertEquals("REDCap said no", repo.find(failing.id()).orElseThrow().errorMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void eachScopeCoalescesItsOwnTriggersAndKeepsItsOwnLastPublishedRun(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            RunRepository repo = ctx.getBean(RunRepository.class);
            Run project = queue.enqueue("p", TriggerKind.DET, T0, DEBOUNCE, MAX_WAIT);
            Run siteA = queue.enqueue("p", "site_a", TriggerKind.BOOKMARK, T0.plusSeconds(1), DEBOUNCE, MAX_WAIT);
            Run siteB = queue.enqueue("p", "site_b", TriggerKind.BOOKMARK, T0.plusSeconds(2), DEBOUNCE, MAX_WAIT);
            assertEquals(3, Set.of(project.id(), siteA.id(), siteB.id()).size(), "one queued run per (project, scope)");
            assertEquals("", project.scope());
            assertTrue(project.projectWide());
            assertEquals("site_a", siteA.scope());
            Run siteAAgain = queue.enqueue("p", "site_a", TriggerKind.REFRESH, T0.plusSeconds(3), DEBOUNCE, MAX_WAIT);
            assertEquals(siteA.id(), siteAAgain.id(), "a group's triggers coalesce with its queued run");
            assertEquals(2, siteAAgain.triggerCount());
            assertEquals(project.id(), queue.enqueue("p", TriggerKind.SCHEDULE, T0.plusSeconds(4), DEBOUNCE, MAX_WAIT).id());
            Run otherProject = queue.enqueue("q", "site_a", TriggerKind.BOOKMARK, T0, DEBOUNCE, MAX_WAIT);
            assertNotEquals(siteA.id(), otherProject.id(), "another project's group of the same name is another scope");

            // due order: q/site_a (T0+30 s), p/site_b (+32 s), p/site_a (+33 s), p (+34 s)
            Instant later = T0.plus(MAX_WAIT);
            assertEquals(otherProject.id(), queue.claim("w1", later, LEASE).orElseThrow().id());
            assertEquals(siteB.id(), queue.claim("w2", later, LEASE).orElseThrow().id());
            assertTrue(queue.claim("w3", later, LEASE).isEmpty(), "a project runs one analysis at a time, whatever the scope");
            assertTrue(queue.succeed(siteB.id(), "w2", later.plusSeconds(1), completion("b")));
            assertEquals(siteA.id(), queue.claim("w3", later.plusSeconds(2), LEASE).orElseThrow().id());
            assertTrue(queue.succeed(siteA.id(), "w3", later.plusSeconds(3), completion("a")));
            assertEquals(project.id(), queue.claim("w2", later.plusSeconds(4), LEASE).orElseThrow().id());
            Run queuedDuringRun = queue.enqueue("p", TriggerKind.DET, later.plusSeconds(5), DEBOUNCE, MAX_WAIT);
            assertNotEquals(project.id(), queuedDuringRun.id(), "a trigger after the claim queues the next run");
            assertTrue(queue.succeed(project.id(), "w2", later.plusSeconds(6), completion("all")));

            assertEquals(project.id(), repo.lastPublished("p").orElseThrow().id());
            assertEquals(siteA.id(), repo.lastPublished("p", "site_a").orElseThrow().id());
            assertEquals("b", repo.lastPublished("p", "site_b").orElseThrow().fingerprint());
            assertTrue(repo.lastPublished("q").isEmpty(), "q's only run is its group's");
            assertEquals(List.of(siteA.id()), repo.list("p", "site_a", 10).stream().map(Run::id).toList());
            assertEquals(List.of("site_a", "site_b"), repo.groupScopes("p"));
            Run doomed = queue.enqueue("p", "site_b", TriggerKind.REFRESH, later.plusSeconds(7), Duration.ZERO, MAX_WAIT);
            assertEquals(doomed.id(), queue.claim("w", later.plusSeconds(8), LEASE).orElseThrow().id());
            assertTrue(queue.fail(doomed.id(), "w", later.plusSeconds(9), "no data access group 'site_b'", null));
            assertEquals(List.of("site_a"), repo.groupScopes("p"), "a group whose latest run failed is not refreshed");
            assertEquals(5, repo.list("p", 10).size(), "the project's history holds every scope");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anExpiredGroupRunIsRequeuedIntoItsOwnScope(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            RunRepository repo = ctx.getBean(RunRepository.class);
            Run lost = queue.enqueue("p", "site_a", TriggerKind.BOOKMARK, T0, Duration.ZERO, MAX_WAIT);
            queue.claim("dead", T0, LEASE).orElseThrow();
            Run projectWide = queue.enqueue("p", TriggerKind.DET, T0.plusSeconds(5), DEBOUNCE, MAX_WAIT);
            assertEquals(1, queue.recoverExpired(T0.plus(LEASE).plusSeconds(1), 3));
            Run requeued = repo.find(lost.id()).orElseThrow();
            assertEquals(RunStatus.QUEUED, requeued.status(), "the project-wide queued run is another scope: no folding");
            assertEquals(lost.id(), queue.enqueue("p", "site_a", TriggerKind.BOOKMARK, T0.plus(LEASE).plusSeconds(2),
                    Duration.ZERO, MAX_WAIT).id(), "it holds its scope's slot again");
            assertEquals(1, repo.find(projectWide.id()).orElseThrow().triggerCount());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aScopeMustBeAUniqueGroupName(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> queue.enqueue("p", "Site A", TriggerKind.BOOKMARK, T0, Duration.ZERO, MAX_WAIT));
            assertTrue(e.getMessage().contains("unique group name"), e.getMessage());
        }
    }

    private static RunCompletion completion(String fingerprint) {
        return new RunCompletion(RunOutcome.PUBLISHED, 7, 0, fingerprint, "cfg", "0.1.0", "14.5.3", "folder",
                List.of(new RunArtifact("report.html", "text/html", "<p>hi</p>".getBytes(StandardCharsets.UTF_8))));
    }
}
