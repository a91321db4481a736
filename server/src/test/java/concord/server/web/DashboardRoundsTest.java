package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.StudyResult;
import concord.analysis.report.HtmlTables;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.load.DelphiProjectFiles;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunStatus;
import concord.server.web.internal.StoredResultReader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Delphi project (three rounds as REDCap events, drop-outs, a hostile round label) run through the service: its
 * dashboard shows the rounds view (consensus per round, stability, response per round) built from the stored
 * result, and offers rounds.csv; the ordinary sections show the latest round.
 */
class DashboardRoundsTest {
    @TempDir
    static Path dir;
    static RedcapSandbox redcap;
    static EmbeddedServer server;
    static int pid;
    static String session;
    static Run run;
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        redcap = RedcapSandbox.builder().build().start();
        pid = redcap.addProject(SandboxProject.fromFixtureDirectory(
                DelphiProjectFiles.longitudinalProject(dir.resolve("delphi"), DelphiProjectFiles.panel(11, 40))));
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("datasources.default.url", "jdbc:h2:mem:rounds" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        props.put("concord.runs.worker-enabled", "true");
        props.put("concord.web.secure-cookie", "false");
        String prefix = "concord.projects.delphi.";
        props.put(prefix + "api-url", redcap.apiUrl().toString());
        props.put(prefix + "token", redcap.createToken(pid, SandboxUser.withAllRights("concord_service")));
        props.put(prefix + "redcap-project-id", Integer.toString(pid));
        props.put(prefix + "rounds", "events");
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        HttpResponse<String> launch = HTTP.send(HttpRequest.newBuilder(url("/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("authkey=" + URLEncoder.encode(
                        redcap.issueAuthkey(pid, SandboxUser.withAllRights("alice")), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, launch.statusCode(), launch.body());
        session = DashboardFixture.sessionCookie(launch);
        String page = get("/dashboard/delphi").body();
        HttpResponse<String> started = HTTP.send(request("/dashboard/delphi/runs")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + DashboardFixture.csrf(page))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, started.statusCode(), started.body());
        String location = started.headers().firstValue("Location").orElseThrow();
        run = await(Long.parseLong(location.substring(location.indexOf("?run=") + 5)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (redcap != null) {
            redcap.close();
        }
    }

    @Test
    void theDashboardShowsTheRoundsViewOfTheStoredResult() throws Exception {
        String page = get("/dashboard/delphi").body();
        assertTrue(page.contains("<a href=\"#rounds\">Rounds</a>"), "navigation links the section");
        assertTrue(page.contains("<h2 id=\"h-rounds\">Delphi rounds</h2>"), page);
        assertTrue(page.contains("Round 3, the latest round with answers"), "the other sections are the latest round's");
        StudyResult stored = StoredResultReader.read(get("/dashboard/delphi/downloads/json", byte[].class).body());
        assertTrue(stored.delphi().isPresent());
        // the same fragment as the reports, from the stored result: matrix, stability verdicts, response per round
        assertTrue(page.contains(HtmlTables.rounds(stored)), "the rounds fragment of the stored result");
        for (String table : new String[] {"rounds-consensus", "rounds-stability", "rounds-response", "rounds-dropouts"}) {
            assertTrue(page.contains("<table class=\"concord-table " + table + "\">"), table);
        }
        assertTrue(page.contains("Consensus since round") && page.contains("Verdict") && page.contains("% of round 1"));
        String advice = HtmlTables.escapeText(stored.delphi().get().advice().text());
        assertTrue(page.contains("Stopping advice: " + advice), advice);
        // REDCap's event label "Round 2 & "re-rating"" escaped, never raw
        assertTrue(page.contains("<th scope=\"col\">Round 2 &amp; &quot;re-rating&quot;</th>"), "round labels escaped");
        assertFalse(page.contains("Round 2 & \"re-rating\""));
        long respondents = stored.delphi().get().attrition().all().rounds().get(0).respondents();
        assertTrue(page.contains("<tr><th scope=\"row\">All participants</th><th scope=\"row\">Round 1</th><td class=\"num\">"
                + stored.delphi().get().attrition().all().panel() + "</td><td class=\"num\">" + respondents + "</td>"), "response row");
    }

    @Test
    void roundsCsvIsOfferedAndDownloads() throws Exception {
        String page = get("/dashboard/delphi").body();
        assertTrue(page.contains("/downloads/rounds\">Delphi rounds (CSV)</a>"), "download offered");
        HttpResponse<byte[]> csv = get("/dashboard/delphi/downloads/rounds", byte[].class);
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFtable,outcome_field,outcome,group_code,group,round,measure,value\r\n"), text);
        assertTrue(text.contains("\r\nadvice,,,,,3,decision,"), text);
        assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow().contains("rounds.csv"));
    }

    private static Run await(long id) throws InterruptedException {
        RunRepository runs = server.getApplicationContext().getBean(RunRepository.class);
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            Run r = runs.find(id).orElseThrow();
            if (r.status().finished()) {
                assertEquals(RunStatus.SUCCEEDED, r.status(), r.errorMessage());
                return r;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish");
    }

    private static URI url(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(url(path)).header("Cookie", SessionCookie.NAME + "=" + session);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> get(String path, Class<byte[]> bytes) throws Exception {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
