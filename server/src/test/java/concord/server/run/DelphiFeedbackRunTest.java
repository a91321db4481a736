package concord.server.run;

import concord.connector.FileFieldLocation;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapException;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.load.DelphiProjectFiles;
import concord.server.load.DelphiProjectFiles.Panelist;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service run of a longitudinal Delphi project with {@code feedback.enabled}: the reports are published, then every
 * round-2 participant's feedback PDF lands in {@code concord_feedback_r2} of the round-3 event. A participant whose
 * feedback cannot be produced fails the run before anything, reports included, is published.
 */
class DelphiFeedbackRunTest {
    private static final String ROWS = """
            concord_feedback_r2,feedback,,file,"Your feedback on round 2",,,,,,,,,,,,,
            fb_q1,feedback,,text,"Feedback on pain",,,,,,,,,,,,,
            """;

    /** Rounds 1 and 2 answered, round 3 not yet; {@code rename} renames p8. */
    private static List<Panelist> panel(String rename) {
        return DelphiProjectFiles.panel(13, 61).stream().map(p -> new Panelist(p.id().equals("p8") ? rename : p.id(), p.group(),
                p.sex(), new int[][] {p.scores()[0], p.scores()[1], null})).toList();
    }


    private static Run runOnce(RedcapSandbox sandbox, int pid, String token) throws InterruptedException {
        return runOnce(sandbox, pid, token, "en");
    }

    private static Run runOnce(RedcapSandbox sandbox, int pid, String token, String language) throws InterruptedException {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", "jdbc:h2:mem:fbrun" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        p.put("concord.runs.worker-enabled", "true");
        p.put("concord.runs.poll-interval", "50ms");
        p.put("concord.runs.debounce", "100ms");
        p.put("concord.runs.max-wait", "1s");
        p.put("concord.redcap.inter-batch-pause", "0ms");
        String k = "concord.projects.delphi.";
        p.put(k + "api-url", sandbox.apiUrl().toString());
        p.put(k + "token", token);
        p.put(k + "redcap-project-id", String.valueOf(pid));
        p.put(k + "demographic-fields", "sex");
        p.put(k + "consensus", "comet");
        p.put(k + "rounds", "events");
        p.put(k + "publish.formats", "html,json");
        p.put(k + "feedback.enabled", "true");
        p.put(k + "report-language", language);
        try (ApplicationContext ctx = ApplicationContext.run(p, "test")) {
            RunRepository runs = ctx.getBean(RunRepository.class);
            long id = ctx.getBean(RunTriggers.class).trigger("delphi", TriggerKind.CLI).id();
            long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Run run = runs.find(id).orElseThrow();
            while (!run.status().finished() && System.nanoTime() < until) {
                Thread.sleep(100);
                run = runs.find(id).orElseThrow();
            }
            return run;
        }
    }

    @Test
    void aRunPublishesTheReportsThenEveryParticipantsFeedback(@TempDir Path dir) throws Exception {
        List<Panelist> panel = panel("p8");
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(DelphiProjectFiles.longitudinalProject(dir, panel, ROWS, "feedback")));
            Run run = runOnce(sandbox, pid, sandbox.createToken(pid, SandboxUser.withAllRights("concord")));
            assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
            long answered = panel.stream().filter(x -> x.scores()[1] != null).count();
            assertTrue(run.publishedTo().endsWith("; feedback of round 2 for " + answered + " participants in field concord_feedback_r2 "
                    + "(event round_3_arm_1) and [fb_q1]"), run.publishedTo());
            try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(),
                    sandbox.createToken(pid, SandboxUser.withAllRights("observer"))))) {
                for (Panelist x : panel) {
                    FileFieldLocation at = FileFieldLocation.of(x.id(), "concord_feedback_r2").withEvent("round_3_arm_1");
                    if (x.scores()[1] == null) {
                        assertThrows(RedcapException.class, () -> client.exportFile(at), x.id());
                        continue;
                    }
                    byte[] pdf = client.exportFile(at).content();
                    assertEquals("%PDF-", new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
                }
                assertTrue(client.listRepository().stream().anyMatch(e -> e.folder() && e.name().equals("Concord reports")));
            }
        }
    }

    @Test
    void aChineseProjectPublishesChineseFeedbackPdfs(@TempDir Path dir) throws Exception {
        List<Panelist> panel = panel("p8");
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(DelphiProjectFiles.longitudinalProject(dir, panel, ROWS, "feedback")));
            Run run = runOnce(sandbox, pid, sandbox.createToken(pid, SandboxUser.withAllRights("concord")), "zh");
            assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
            Panelist x = panel.stream().filter(q -> q.scores()[1] != null).findFirst().orElseThrow();
            try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(),
                    sandbox.createToken(pid, SandboxUser.withAllRights("observer"))))) {
                byte[] pdf = client.exportFile(FileFieldLocation.of(x.id(), "concord_feedback_r2").withEvent("round_3_arm_1")).content();
                com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
                String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s", "");
                for (String expected : List.of("的反馈：", "您所在的群体：", "各利益相关方群体", "为保护隐私", "结局指标", "您的评分", "中位数")) {
                    assertTrue(text.contains(expected), () -> expected + " in " + text);
                }
                assertFalse(text.contains("Yourfeedback") || text.contains("Median"), text);
            }
        }
    }

    @Test
    void aParticipantWhoseFeedbackFailsStopsTheRunBeforeAnyReportIsPublished(@TempDir Path dir) throws Exception {
        List<Panelist> panel = panel("p8-\u0378");
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(DelphiProjectFiles.longitudinalProject(dir, panel, ROWS, "feedback")));
            Run run = runOnce(sandbox, pid, sandbox.createToken(pid, SandboxUser.withAllRights("concord")));
            assertEquals(RunStatus.FAILED, run.status());
            assertNotNull(run.errorMessage());
            assertTrue(run.errorMessage().startsWith("Project delphi: the feedback of " + DelphiProjectFiles.EVENT_NAMES[1]
                    + " for record 'p8-\u0378' (field 'concord_feedback_r2') could not be produced"), run.errorMessage());
            try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(),
                    sandbox.createToken(pid, SandboxUser.withAllRights("observer"))))) {
                List<RepositoryEntry> top = client.listRepository();
                assertFalse(top.stream().anyMatch(e -> e.folder() && e.name().equals("Concord reports")), "no report folder: " + top);
                assertThrows(RedcapException.class, () -> client.exportFile(FileFieldLocation.of("p1", "concord_feedback_r2")
                        .withEvent("round_3_arm_1")));
            }
        }
    }

}
