package concord.server.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;
import concord.server.logging.CapturedLogs;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service run of the demo project with its qualitative instrument: the result JSON carries the joint display, the
 * topic guide is published (HTML and Word) and asks exactly about the result's differing outcomes, the quotes are
 * escaped in the report and never logged, and a changed quote changes the fingerprint and re-publishes.
 */
class StudyRunExecutorQuotesTest {
    private static final String QUOTE = "<script>alert('quote')</script> It costs too much for what it does";

    @Test
    void aRunPublishesTheJointDisplayAndTheTopicGuideAndAChangedQuoteRepublishes() throws Exception {
        CapturedLogs logs = CapturedLogs.atDebug();
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.seedDemoProject();
            sandbox.saveForm(pid, quote("12", QUOTE));
            Map<String, Object> props = new HashMap<>();
            props.put("datasources.default.url", "jdbc:h2:mem:quotes" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            props.put("concord.runs.worker-enabled", "true");
            props.put("concord.runs.poll-interval", "50ms");
            props.put("concord.redcap.inter-batch-pause", "0ms");
            String p = "concord.projects.clbpoq.";
            props.put(p + "api-url", sandbox.apiUrl().toString());
            props.put(p + "token", sandbox.createToken(pid, SandboxUser.withAllRights("concord")));
            props.put(p + "redcap-project-id", String.valueOf(pid));
            props.put(p + "demographic-fields", "age,sex");
            props.put(p + "publish.results", "RECORD");
            props.put(p + "publish.formats", "html,json,topic-guide");
            try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
                RunRepository runs = ctx.getBean(RunRepository.class);
                Run first = run(ctx, runs);
                assertEquals(RunOutcome.PUBLISHED, first.outcome(), first.errorMessage());
                assertEquals(56, first.recordCount(), "the qualitative instances are not participants");

                JsonNode json = new ObjectMapper().readTree(text(runs, first, "result.json"));
                JsonNode display = json.required("jointDisplay");
                int quotes = 0;
                for (JsonNode row : display.required("rows")) {
                    for (JsonNode theme : row.required("themes")) {
                        quotes += theme.required("quotes").size();
                    }
                }
                assertEquals(demoQuotesPerOutcome() + 1, quotes, "every demo excerpt under each outcome it concerns, and the added one");
                String report = text(runs, first, "report.html");
                assertTrue(report.contains("&lt;script&gt;alert(&#39;quote&#39;)&lt;/script&gt;") || report.contains("&lt;script&gt;alert("),
                        "the quote is escaped in the report");
                assertFalse(report.contains("<script>alert('quote')"), "never as markup");

                String guide = text(runs, first, "topic-guide.html");
                assertTrue(runs.artifact(first.id(), "topic-guide.docx").orElseThrow().content().length > 1000, "the Word guide");
                assertEquals(expectedEmphasised(json), emphasised(guide),
                        "the guide asks about exactly the differing outcomes (and opens with the shared critical ones)");
                assertTrue(runs.files(first.id()).stream().anyMatch(f -> f.name().equals("topic-guide.docx")));

                Run unchanged = run(ctx, runs);
                assertEquals(RunOutcome.UNCHANGED, unchanged.outcome(), "same ratings and quotes: nothing re-published");

                sandbox.saveForm(pid, quote("12", QUOTE + " (corrected)"));
                Run changed = run(ctx, runs);
                assertEquals(RunOutcome.PUBLISHED, changed.outcome(), "a changed quote re-publishes");
                assertNotEquals(first.fingerprint(), changed.fingerprint());
                assertTrue(text(runs, changed, "result.json").contains("(corrected)"));
            }
        } finally {
            logs.close();
        }
        assertTrue(logs.lines().size() > 3, "the run logged");
        for (String line : logs.lines()) {
            assertFalse(line.contains("costs too much") || line.contains("Illustrative placeholder"), "a quote was logged: " + line);
        }
    }

    /** Quotes × outcomes of the committed demo export, read by the CSV path. */
    private static int demoQuotesPerOutcome() throws Exception {
        java.nio.file.Path deploy = java.nio.file.Path.of(System.getProperty("user.dir")).resolve("../deploy/redcap").normalize();
        java.util.List<concord.connector.FieldMetadata> dictionary = concord.connector.DataDictionaryReader.create()
                .read(deploy.resolve("clbpoq-dictionary.csv"));
        concord.server.load.StudySpec spec = new concord.server.load.StudySpec("demo", null, null,
                concord.server.config.OutcomeSelection.parse(java.util.List.of("@CONCORD-OUTCOME")),
                concord.server.config.DomainSource.ANNOTATION, java.util.List.of(), "80/15", null, null, null);
        concord.server.load.LoadedStudy loaded = concord.server.load.StudyLoader.grade().load(spec, dictionary, null, java.util.List.of());
        return concord.server.load.QuoteReader.read(deploy.resolve("clbpoq-qualitative.csv"), loaded, "demo",
                concord.server.load.QualitativeInstrument.find(dictionary, null, "demo").orElseThrow()).quotes().stream()
                .mapToInt(q -> q.outcomeFields().size()).sum();
    }

    private static FormSave quote(String record, String text) {
        return FormSave.of(record, "qualitative_data").withInstance(2).withValues(Map.of("qual_theme", "Cost",
                "qual_outcomes", "qaly", "qual_group", "2", "qual_speaker", "P" + record, "qual_quote", text)).withStatus(2);
    }

    private static Run run(ApplicationContext ctx, RunRepository runs) throws InterruptedException {
        Run queued = ctx.getBean(RunTriggers.class).trigger("clbpoq", TriggerKind.ADMIN);
        long until = System.nanoTime() + 120_000_000_000L;
        Run run = runs.find(queued.id()).orElseThrow();
        while (!run.status().finished() && System.nanoTime() < until) {
            Thread.sleep(100);
            run = runs.find(queued.id()).orElseThrow();
        }
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
        return run;
    }

    private static String text(RunRepository runs, Run run, String name) {
        return new String(runs.artifact(run.id(), name).orElseThrow().content(), StandardCharsets.UTF_8);
    }

    /** The labels the guide emphasises: its questions' outcomes. */
    private static Set<String> emphasised(String html) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("<em>([^<]*)</em>").matcher(html);
        while (m.find()) {
            out.add(m.group(1).replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\""));
        }
        return out;
    }

    /** From the result: the differing outcomes, and the opening questions' outcomes critical in every group. */
    private static Set<String> expectedEmphasised(JsonNode json) {
        Set<String> out = new TreeSet<>();
        for (JsonNode o : json.required("outcomes")) {
            boolean criticalEverywhere = true;
            for (JsonNode g : o.required("groups")) {
                criticalEverywhere &= g.path("consensus").asText().equals("critical");
            }
            if (o.required("comparison").required("differs").asBoolean() || criticalEverywhere) {
                out.add(o.required("label").asText());
            }
        }
        return out;
    }
}
