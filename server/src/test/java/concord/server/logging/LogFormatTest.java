package concord.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.server.run.RunWorker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.MDC;

/**
 * The production {@code logback.xml} (the one in the jar, not the tests' logback-test.xml), loaded into a
 * logger context of its own: JSON lines by default, the text pattern on request, JSON again on a typo.
 */
class LogFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void productionLogsAreOneJsonObjectPerLineWithTheRunsMdc() throws Exception {
        List<String> lines = logWithProductionConfiguration(null);
        assertEquals(3, lines.size(), String.join("\n", lines));

        JsonNode plain = JSON.readTree(lines.get(0));
        long millis = plain.get("timestamp").asLong();
        assertTrue(Math.abs(millis - Instant.now().toEpochMilli()) < 60_000, "epoch milliseconds: " + millis);
        assertEquals("INFO", plain.get("level").asText());
        assertEquals("concord.server.run.StudyRunExecutor", plain.get("loggerName").asText());
        assertEquals(Thread.currentThread().getName(), plain.get("threadName").asText());
        assertEquals("Run 42 of project clbp read 120 records", plain.get("formattedMessage").asText());
        assertFalse(plain.has("message") || plain.has("arguments"), "the message once, formatted: " + plain);
        assertEquals(2, plain.get("mdc").size(), "projectId and runId: " + plain.get("mdc"));
        assertEquals("clbp", plain.get("mdc").get(RunWorker.MDC_PROJECT).asText());
        assertEquals("42", plain.get("mdc").get(RunWorker.MDC_RUN).asText());

        JsonNode awkward = JSON.readTree(lines.get(1));
        assertEquals("a \"quoted\"\nsecond line\tand a tab \\ backslash", awkward.get("formattedMessage").asText(),
                "quotes, newlines and backslashes stay inside one JSON line");

        JsonNode failure = JSON.readTree(lines.get(2));
        assertEquals("WARN", failure.get("level").asText());
        assertEquals("java.lang.IllegalStateException", failure.get("throwable").get("className").asText());
        assertEquals("REDCap answered 500", failure.get("throwable").get("message").asText());
        assertTrue(failure.get("throwable").get("stepArray").size() > 0, "the stack trace, as an array");
        assertFalse(failure.has("mdc") && failure.get("mdc").size() > 0, "the MDC ended with the run: " + failure);
    }

    @Test
    void textIsTheHumanPatternWithTheMdc() throws Exception {
        List<String> lines = logWithProductionConfiguration("text").stream().filter(l -> !l.startsWith("\tat ")).toList();
        assertEquals(5, lines.size(), "two events, one of two lines, and an exception: " + lines);
        assertTrue(lines.get(0).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+\\] "
                + "concord\\.server\\.run\\.StudyRunExecutor \\[(projectId=clbp, runId=42|runId=42, projectId=clbp)\\] "
                + "- Run 42 of project clbp read 120 records"), lines.get(0));
        assertTrue(lines.get(3).matches(".* WARN  \\[[^]]+\\] concord\\.server\\.run\\.StudyRunExecutor - Publishing failed"),
                "no empty MDC brackets outside a run: " + lines.get(3));
        assertEquals("java.lang.IllegalStateException: REDCap answered 500", lines.get(4));
    }

    @Test
    void anUnknownFormatFallsBackToJsonAndSaysSo() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty(LogFormat.VARIABLE, "xml");
        List<String> lines = logWith(context);
        JSON.readTree(lines.get(0));
        List<String> warnings = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() == Status.WARN).map(Status::getMessage).toList();
        assertTrue(warnings.stream().anyMatch(m -> m.contains("CONCORD_LOG_FORMAT=xml is not a log format; logging JSON lines")),
                warnings.toString());
    }

    @Test
    void theProcessFormatDefaultsToJsonAndReadsTheSystemProperty() {
        String before = System.getProperty(LogFormat.VARIABLE);
        try {
            System.setProperty(LogFormat.VARIABLE, " TEXT ");
            assertEquals("text", LogFormat.fromEnvironment());
            System.setProperty(LogFormat.VARIABLE, "yaml");
            assertEquals("json", LogFormat.fromEnvironment(), "an unknown value logs JSON");
            System.setProperty(LogFormat.VARIABLE, "");
            assertEquals("json", LogFormat.fromEnvironment());
        } finally {
            if (before == null) {
                System.clearProperty(LogFormat.VARIABLE);
            } else {
                System.setProperty(LogFormat.VARIABLE, before);
            }
        }
    }

    @Test
    void commandsDefaultToTextButAnExplicitChoiceWins() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(LogFormat.VARIABLE) == null,
                "CONCORD_LOG_FORMAT is set in this environment");
        String before = System.getProperty(LogFormat.VARIABLE);
        try {
            System.clearProperty(LogFormat.VARIABLE);
            LogFormat.defaultTo(LogFormat.TEXT);
            assertEquals(LogFormat.TEXT, LogFormat.fromEnvironment());

            System.setProperty(LogFormat.VARIABLE, LogFormat.JSON);
            LogFormat.defaultTo(LogFormat.TEXT);
            assertEquals(LogFormat.JSON, LogFormat.fromEnvironment(), "a format chosen at start is kept");
        } finally {
            if (before == null) {
                System.clearProperty(LogFormat.VARIABLE);
            } else {
                System.setProperty(LogFormat.VARIABLE, before);
            }
        }
    }

    private static List<String> logWithProductionConfiguration(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        if (format != null) {
            context.putProperty(LogFormat.VARIABLE, format);
        }
        List<String> lines = logWith(context);
        List<Status> problems = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).toList();
        assertEquals(List.of(), problems, "a clean configuration: logback prints its status at start on any warning");
        return lines;
    }

    /** Configures the context from the jar's logback.xml, logs three events and returns the console lines. */
    private static List<String> logWith(LoggerContext context) throws Exception {
        URL production = LogFormatTest.class.getResource("/logback.xml");
        assertTrue(production.toString().contains("classes/logback.xml"), "the main configuration: " + production);
        context.setMDCAdapter(MDC.getMDCAdapter()); // the adapter MDC.put writes to, as in a real start
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(production);
            Logger log = context.getLogger("concord.server.run.StudyRunExecutor");
            try (MDC.MDCCloseable p = MDC.putCloseable(RunWorker.MDC_PROJECT, "clbp");
                 MDC.MDCCloseable r = MDC.putCloseable(RunWorker.MDC_RUN, "42")) {
                log.info("Run {} of project {} read {} records", 42, "clbp", 120);
                log.info("a \"quoted\"\nsecond line\tand a tab \\ backslash");
            }
            log.warn("Publishing failed", new IllegalStateException("REDCap answered 500"));
            context.getLogger("org.flywaydb.core").info("below the configured level: not written");
        } finally {
            System.setOut(console);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
