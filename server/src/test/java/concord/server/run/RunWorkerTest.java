package concord.server.run;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import concord.server.config.RunsConfiguration;
import concord.server.testing.TestDatabases;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a failed run's log line keeps of its message (the full message stays with the run), and the run's MDC. */
class RunWorkerTest {

    @Test
    void everyLineLoggedWhileARunExecutesCarriesItsProjectAndRunId() {
        Map<String, Object> props = new HashMap<>(TestDatabases.h2().properties());
        props.put("concord.runs.worker-enabled", "false");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger concord = (Logger) LoggerFactory.getLogger("concord");
        logs.start();
        concord.addAppender(logs);
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            RunQueue queue = ctx.getBean(RunQueue.class);
            Clock clock = Clock.systemUTC();
            Run queued = queue.enqueue("mdc", TriggerKind.ADMIN, clock.instant().minusSeconds(60), Duration.ZERO, Duration.ofSeconds(1));
            RunExecutor executor = (run, context) -> {
                LoggerFactory.getLogger("concord.test.Executor").info("executing");
                return new RunCompletion(RunOutcome.PUBLISHED, 0, 0, "f", "c", "v", null, null, List.of());
            };
            RunWorker worker = new RunWorker(queue, ctx.getBean(RunRepository.class), executor, ctx.getBean(RunsConfiguration.class), clock);
            try {
                assertTrue(worker.pollOnce());
            } finally {
                worker.stop();
            }
            List<ILoggingEvent> runLines = logs.list.stream()
                    .filter(e -> e.getLoggerName().endsWith("RunWorker") || e.getLoggerName().endsWith("Executor")).toList();
            assertTrue(runLines.size() >= 3, "claimed, executing, succeeded: " + runLines);
            for (ILoggingEvent e : runLines) {
                assertEquals("mdc", e.getMDCPropertyMap().get(RunWorker.MDC_PROJECT), e.getFormattedMessage());
                assertEquals(Long.toString(queued.id()), e.getMDCPropertyMap().get(RunWorker.MDC_RUN), e.getFormattedMessage());
            }
            assertTrue(runLines.stream().noneMatch(e -> e.getMDCPropertyMap().containsKey(RunWorker.MDC_SCOPE)),
                    "a project-wide run has no scope");
            assertNull(MDC.get(RunWorker.MDC_PROJECT), "the keys are removed when the run ends");

            logs.list.clear();
            Run group = queue.enqueue("mdc", "site_a", TriggerKind.ADMIN, clock.instant().minusSeconds(60), Duration.ZERO,
                    Duration.ofSeconds(1));
            RunWorker second = new RunWorker(queue, ctx.getBean(RunRepository.class), executor,
                    ctx.getBean(RunsConfiguration.class), clock);
            try {
                assertTrue(second.pollOnce());
            } finally {
                second.stop();
            }
            ILoggingEvent executing = logs.list.stream().filter(e -> e.getLoggerName().endsWith("Executor")).findFirst().orElseThrow();
            assertEquals("site_a", executing.getMDCPropertyMap().get(RunWorker.MDC_SCOPE));
            assertEquals(Long.toString(group.id()), executing.getMDCPropertyMap().get(RunWorker.MDC_RUN));
            assertNull(MDC.get(RunWorker.MDC_SCOPE));
        } finally {
            concord.detachAppender(logs);
        }
    }

    @Test
    void logLinesDropRecordIdListsAndQuotedValues() {
        assertEquals("Project rel: REDCap listed 4 records for batch 2 of 3 but did not return 2 of them: […]. Run again.",
                RunWorker.withoutParticipantData(
                        "Project rel: REDCap listed 4 records for batch 2 of 3 but did not return 2 of them: [5, qz7731-2]. Run again."));
        assertEquals("record '…' field '…'", RunWorker.withoutParticipantData("record 'abc' field 'pain'"));
        assertEquals("", RunWorker.withoutParticipantData(null));
    }
}
