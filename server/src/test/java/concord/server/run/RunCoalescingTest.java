package concord.server.run;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A burst of Data Entry Triggers over HTTP becomes few runs, no trigger is lost, and the last run
 * starts after the last trigger. Timing: debounce 200 ms, max wait 1 s, each run takes 300 ms.
 */
class RunCoalescingTest {

    @Test
    void aBurstOfTriggersGivesFewRunsAndTheLastRunFollowsTheLastTrigger() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("spec.name", "RunCoalescingTest");
        props.put("datasources.default.url", "jdbc:h2:mem:coalesce" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        props.put("concord.runs.worker-enabled", "true");
        props.put("concord.projects.study.api-url", "http://127.0.0.1:9/api/");
        props.put("concord.projects.study.redcap-project-id", "7");
        props.put("concord.projects.study.group-field", "group");
        props.put("concord.projects.study.det-secret", "s");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test")) {
            BlockingHttpClient http = server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
            int triggers = 60;
            Instant lastTrigger = null;
            for (int i = 0; i < triggers; i++) {
                http.exchange(HttpRequest.POST("/redcap/det?secret=s", Map.of("project_id", "7", "record", String.valueOf(i),
                        "instrument", "ratings")).contentType(MediaType.APPLICATION_FORM_URLENCODED), String.class);
                lastTrigger = Instant.now();
                Thread.sleep(40);
            }
            RunRepository runs = server.getApplicationContext().getBean(RunRepository.class);
            long until = System.currentTimeMillis() + 15_000;
            List<Run> all;
            do {
                Thread.sleep(100);
                all = runs.list("study", 1000);
            } while (System.currentTimeMillis() < until && !all.stream().allMatch(r -> r.status().finished()));

            assertTrue(all.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED), all.toString());
            assertEquals(triggers, all.stream().mapToInt(Run::triggerCount).sum(), "every trigger is counted in a run");
            assertTrue(all.size() >= 2 && all.size() <= 8, "a ~3 s burst with 1 s max wait gives a few runs, got " + all.size());
            Run last = all.stream().max(Comparator.comparing(Run::startedAt)).orElseThrow();
            assertTrue(last.startedAt().isAfter(lastTrigger), "last run started " + last.startedAt()
                    + " before the last trigger " + lastTrigger);
            assertTrue(server.getApplicationContext().getBean(SlowExecutor.class).maxConcurrent <= 1);
        }
    }

    /** Takes 300 ms per run and records overlap, standing in for the analysis (the queue is under test). */
    @Singleton
    @Replaces(RunExecutor.class)
    @Requires(property = "spec.name", value = "RunCoalescingTest")
    static class SlowExecutor implements RunExecutor {
        private int concurrent;
        volatile int maxConcurrent;

        @Override
        public RunCompletion execute(Run run, RunContext context) throws InterruptedException {
            synchronized (this) {
                maxConcurrent = Math.max(maxConcurrent, ++concurrent);
            }
            Thread.sleep(300);
            synchronized (this) {
                concurrent--;
            }
            return new RunCompletion(RunOutcome.PUBLISHED, 0, 0, "f" + run.id(), "c", "test", null, null, List.of());
        }
    }
}
