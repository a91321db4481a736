package concord.server.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.reliability.ReliabilityResults;
import concord.connector.OverwriteBehavior;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RepositoryEntry;
import concord.connector.ReturnContent;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.run.Run;
import concord.server.run.RunArtifact;
import concord.server.run.RunRepository;
import concord.server.run.RunStatus;
import concord.server.web.SessionCookie;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the running service: the real server (embedded, H2 in memory, worker on, debounce 200 ms)
 * reads sandbox projects over HTTP. Each case first publishes a good report, then makes the project's data or
 * dictionary bad through the sandbox (API record import, a new data dictionary, a revoked token), sends a real
 * Data Entry Trigger and checks the run, the File Repository folder and the dashboard. One row per case in
 * {@code target/reliability/bad-input-service.json}.
 */
class BadInputThroughServiceTest {
    private static final ReliabilityResults RESULTS = new ReliabilityResults("bad-input-service");
    private static final String FOLDER = "Concord reports";
    private static final String[] CASES = {"ratings", "groups", "onegroup", "empty", "nogroupfield", "revoked", "markup"};

    private static RedcapSandbox sandbox;
    private static EmbeddedServer server;
    private static RunRepository runs;
    private static final Map<String, Integer> pids = new HashMap<>();
    private static final Map<String, String> tokens = new HashMap<>();
    /** Tokens of another user, for the test's own look at the project (they survive revoking Concord's). */
    private static final Map<String, String> observers = new HashMap<>();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("datasources.default.url", "jdbc:h2:mem:badsvc" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        p.put("concord.runs.worker-enabled", "true");
        p.put("concord.runs.poll-interval", "50ms");
        p.put("concord.runs.debounce", "200ms");
        p.put("concord.runs.max-wait", "1s");
        p.put("concord.redcap.inter-batch-pause", "0ms");
        for (String c : CASES) {
            int pid = sandbox.addProject(SandboxProject.fromDictionaryCsv("Bad input " + c, BadInputDictionary.good(),
                    c.equals("empty") ? null : BadInputDictionary.records(12)));
            pids.put(c, pid);
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("concord"));
            tokens.put(c, token);
            observers.put(c, sandbox.createToken(pid, SandboxUser.withAllRights("observer")));
            String prefix = "concord.projects." + c + ".";
            p.put(prefix + "api-url", sandbox.apiUrl().toString());
            p.put(prefix + "token", token);
            p.put(prefix + "redcap-project-id", String.valueOf(pid));
            p.put(prefix + "group-field", "grp");
            p.put(prefix + "det-secret", "secret-" + c);
            p.put(prefix + "publish.folder", FOLDER);
            p.put(prefix + "publish.formats", "html,xlsx,csv,json");
        }
        server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        runs = server.getApplicationContext().getBean(RunRepository.class);
    }

    @AfterAll
    static void stop() {
        RESULTS.write();
        if (server != null) {
            server.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void ratingsOutOfRangeNonNumericAndDecimalAreExcludedCountedAndNamed() throws Exception {
        Run good = publishGood("ratings");
        importRows("ratings", List.of(row("1", "q3", "10"), row("2", "q3", "-1"), row("3", "q2", "7.5"),
                row("4", "q4", "high"), row("5", "q4", "6,5"), row("6", "q3", "0")));
        Run run = det("ratings");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
        assertEquals(12, run.recordCount(), "every record still analysed (only the bad values are left out)");
        assertEquals(6, run.excludedValues());
        assertTrue(run.id() != good.id() && run.id() == runs.lastPublished("ratings").orElseThrow().id());
        String exclusions = artifact(run, "exclusions.csv");
        for (String expected : List.of("1,q3,10,outside the scale 1–9", "2,q3,'-1,outside the scale 1–9",
                "3,q2,7.5,not a whole number", "4,q4,high,not a whole number", "5,q4,\"6,5\",not a whole number",
                "6,q3,0,outside the scale 1–9")) {
            assertTrue(exclusions.contains(expected), "exclusions.csv names record, field, value and problem: " + expected
                    + "\n" + exclusions);
        }
        List<String> files = folder("ratings");
        assertTrue(files.stream().anyMatch(f -> f.contains("run" + run.id()) && f.endsWith("exclusions.csv")),
                "the exclusions are published beside the report: " + files);
        assertTrue(dashboard("ratings").contains("Excluded values (CSV)"), "the dashboard offers the exclusions");
        assertArrayEquals(artifactBytes(run, "exclusions.csv"), download("ratings", "exclusions"));
        assertArrayEquals(artifactBytes(run, "result.json"), download("ratings", "json"), "dashboard shows the new run");
        RESULTS.add("ratings", "status", run.status().name());
        RESULTS.add("ratings", "excluded_values", (long) run.excludedValues());
        RESULTS.add("ratings", "records_analysed", (long) run.recordCount());
        RESULTS.add("ratings", "files_in_folder", (long) files.size());
    }

    @Test
    void blankGroupLeavesTheRecordOutAndADroppedGroupCodeToo() throws Exception {
        publishGood("groups");
        importRows("groups", List.of(row("1", "grp", "")), OverwriteBehavior.OVERWRITE);
        Run blank = det("groups");
        assertEquals(RunStatus.SUCCEEDED, blank.status(), blank.errorMessage());
        assertTrue(artifact(blank, "exclusions.csv").contains("1,grp,,no stakeholder group: the record is left out; fill in grp."),
                artifact(blank, "exclusions.csv"));
        // A designer deletes choice 2 (Patient): the records still holding 2 carry an unknown code.
        sandbox.replaceDataDictionary(pids.get("groups"), BadInputDictionary.withGroupChoices("1, Doctor | 3, Nurse"));
        Run unknown = det("groups");
        RESULTS.add("groups", "blank_status", blank.status().name());
        RESULTS.add("groups", "blank_records_analysed", (long) blank.recordCount());
        RESULTS.add("groups", "unknown_code_status", unknown.status().name());
        assertEquals(RunStatus.SUCCEEDED, unknown.status(), unknown.errorMessage());
        String exclusions = artifact(unknown, "exclusions.csv");
        long unknownCodes = exclusions.lines().filter(l -> l.matches("\\d+,grp,2,\"not one of the group codes \\[1, 3\\]: "
                + "the record is left out; correct the value.\"")).count();
        assertEquals(6, unknownCodes, "each patient record is left out, naming record, field, value and fix:\n" + exclusions);
        assertEquals(5, unknown.recordCount(), "12 records less the blank one and the six with code 2");
        assertEquals(11, blank.recordCount());
        assertTrue(folder("groups").stream().anyMatch(f -> f.contains("run" + unknown.id())),
                "a changed dictionary publishes again although no value changed");
        RESULTS.add("groups", "unknown_code_records_left_out", unknownCodes);
        RESULTS.add("groups", "unknown_code_records_analysed", (long) unknown.recordCount());
    }

    @Test
    void onlyOneGroupPresentIsAnalysed() throws Exception {
        publishGood("onegroup");
        List<Map<String, String>> rows = new java.util.ArrayList<>();
        for (int i = 2; i <= 12; i += 2) {
            rows.add(row(String.valueOf(i), "grp", "1"));
        }
        importRows("onegroup", rows);
        Run run = det("onegroup");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
        String json = artifact(run, "result.json");
        assertTrue(json.replace(" ", "").matches("(?s).*\"n\":0.*"), "the absent group is published with n = 0: " + json);
        RESULTS.add("onegroup", "status", run.status().name());
        RESULTS.add("onegroup", "records_analysed", (long) run.recordCount());
    }

    @Test
    void anEmptyProjectIsAnalysedWithNoRecords() throws Exception {
        Run run = det("empty");
        RESULTS.add("empty", "status", run.status().name());
        RESULTS.add("empty", "message", String.valueOf(run.errorMessage()));
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
        assertEquals(0, run.recordCount());
        RESULTS.add("empty", "files_in_folder", (long) folder("empty").size());
    }

    @Test
    void groupFieldRemovedFromTheDictionaryFailsAndKeepsThePreviousReport() throws Exception {
        Run good = publishGood("nogroupfield");
        sandbox.replaceDataDictionary(pids.get("nogroupfield"), BadInputDictionary.withoutGroupField());
        Run run = assertFailedAndNothingPublished("nogroupfield", good);
        assertTrue(run.errorMessage().contains("nogroupfield") && run.errorMessage().contains("'grp'")
                && run.errorMessage().contains("group-field"), "names project, field and the setting to fix: " + run.errorMessage());
    }

    @Test
    void aRevokedTokenFailsWithRedcapsRefusalAndPublishesNothing() throws Exception {
        Run good = publishGood("revoked");
        assertTrue(sandbox.revokeToken(tokens.get("revoked")));
        try {
            Run run = assertFailedAndNothingPublished("revoked", good);
            assertTrue(run.errorMessage().contains("403") && run.errorMessage().contains("You do not have permissions to use the API"),
                    "REDCap's 403 text: " + run.errorMessage());
            assertFalse(run.errorMessage().contains(tokens.get("revoked")), "no token in the message");
        } finally {
            sandbox.registerToken(pids.get("revoked"), SandboxUser.withAllRights("concord"), tokens.get("revoked"));
        }
    }

    @Test
    void markupInLabelsIsEscapedOnTheDashboardAndFormulasNeutralisedInSpreadsheets() throws Exception {
        publishGood("markup");
        sandbox.replaceDataDictionary(pids.get("markup"), BadInputDictionary.hostile());
        Run run = det("markup");
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
        String page = dashboard("markup");
        assertTrue(page.contains("Pain"), "the label's text survives");
        // Escaped text may read "onerror=alert(2)"; markup would need a raw tag or a raw quote before it.
        for (String raw : List.of("<script>alert", "<img", "\"onerror=", "'><")) {
            assertFalse(page.contains(raw), "no raw markup on the dashboard: " + raw);
        }
        byte[] csv = published("markup", run, "report.csv");
        byte[] xlsx = published("markup", run, "report.xlsx");
        String csvText = new String(csv, StandardCharsets.UTF_8);
        String sheets = xlsxText(xlsx);
        int neutralised = 0;
        for (String formula : BadInputDictionary.FORMULAS) {
            neutralised += assertNeutralised("report.csv", csvText, formula);
            neutralised += assertNeutralised("report.xlsx", sheets, formula);
        }
        RESULTS.add("markup", "status", run.status().name());
        RESULTS.add("markup", "raw_markup_on_dashboard", 0L);
        RESULTS.add("markup", "formula_cells_neutralised", (long) neutralised);
    }

    /**
     * No cell starts with the formula text unless neutralised by a leading apostrophe (or its XML escape); text
     * inside a longer cell ("… differs: @SUM(1) Doctor …") is no formula. Returns the neutralised cells.
     */
    private static int assertNeutralised(String file, String text, String formula) {
        int neutralised = 0;
        for (int i = text.indexOf(formula); i >= 0; i = text.indexOf(formula, i + 1)) {
            String before = text.substring(Math.max(0, i - 6), i);
            if (before.endsWith("'") || before.endsWith("&apos;") || before.endsWith("&#39;")) {
                neutralised++;
                continue;
            }
            String cellStart = before.isEmpty() ? "" : before.substring(before.length() - 1);
            boolean startsCell = before.isEmpty() || ",\n>".contains(cellStart)
                    || cellStart.equals("\"") && (before.length() < 2 || ",\n".contains(before.substring(before.length() - 2, before.length() - 1)));
            assertFalse(startsCell, file + ": a cell starts with '" + formula + "': …"
                    + text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 40)));
        }
        assertTrue(neutralised > 0, file + " carries a cell '" + formula + "…', neutralised");
        return neutralised;
    }

    private static Run assertFailedAndNothingPublished(String project, Run good) throws Exception {
        List<String> filesBefore = folder(project);
        byte[] dashboardBefore = download(project, "json");
        Run run = det(project);
        assertEquals(RunStatus.FAILED, run.status());
        assertEquals(good.id(), runs.lastPublished(project).orElseThrow().id(), "the previous report stays the latest");
        assertEquals(filesBefore, folder(project), "no new files in the File Repository");
        assertArrayEquals(dashboardBefore, download(project, "json"), "the dashboard still shows the previous run");
        assertArrayEquals(artifactBytes(good, "result.json"), download(project, "json"));
        RESULTS.add(project, "status", run.status().name());
        RESULTS.add(project, "message", run.errorMessage());
        RESULTS.add(project, "files_in_folder_before_after", filesBefore.size() + "/" + folder(project).size());
        return run;
    }

    private static Run publishGood(String project) throws Exception {
        Run run = det(project);
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
        assertEquals(0, run.excludedValues(), "the good data has nothing to exclude");
        assertFalse(folder(project).isEmpty(), "published");
        return run;
    }

    /** Sends a real Data Entry Trigger and waits for the run it queues to finish. */
    private static Run det(String project) throws Exception {
        int before = runs.list(project, 1000).size();
        String form = "redcap_url=http%3A%2F%2Fredcap.example%2F&project_id=" + pids.get(project)
                + "&record=1&instrument=ratings&ratings_complete=2";
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/redcap/det?secret=secret-" + project))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            List<Run> list = runs.list(project, 1000);
            if (list.size() > before && list.get(0).status().finished()) {
                return list.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run of " + project + " did not finish: " + runs.list(project, 3));
    }

    private static Map<String, String> row(String record, String field, String value) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("record_id", record);
        row.put(field, value);
        return row;
    }

    private static void importRows(String project, List<Map<String, String>> rows) {
        importRows(project, rows, OverwriteBehavior.NORMAL);
    }

    private static void importRows(String project, List<Map<String, String>> rows, OverwriteBehavior overwrite) {
        try (RedcapClient client = client(project)) {
            assertEquals(rows.size(), client.importRecords(rows, overwrite, ReturnContent.COUNT).count());
        }
    }

    private static RedcapClient client(String project) {
        return RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), observers.get(project)));
    }

    private static List<String> folder(String project) {
        try (RedcapClient client = client(project)) {
            for (RepositoryEntry entry : client.listRepository()) {
                if (entry.folder() && entry.name().equals(FOLDER)) {
                    return client.listRepository(entry.id()).stream().map(RepositoryEntry::name).sorted().toList();
                }
            }
            return List.of();
        }
    }

    /** A published file of the run, downloaded from REDCap's File Repository. */
    private static byte[] published(String project, Run run, String suffix) {
        try (RedcapClient client = client(project)) {
            for (RepositoryEntry entry : client.listRepository()) {
                if (entry.folder() && entry.name().equals(FOLDER)) {
                    for (RepositoryEntry file : client.listRepository(entry.id())) {
                        if (file.name().contains("run" + run.id()) && file.name().endsWith(suffix)) {
                            return client.exportRepositoryFile(file.id()).content();
                        }
                    }
                }
            }
        }
        throw new AssertionError("no " + suffix + " of run " + run.id() + " in " + folder(project));
    }

    private static byte[] artifactBytes(Run run, String name) {
        return runs.artifact(run.id(), name).map(RunArtifact::content)
                .orElseThrow(() -> new AssertionError("run " + run.id() + " stored no " + name + ": " + runs.files(run.id())));
    }

    private static String artifact(Run run, String name) {
        return new String(artifactBytes(run, name), StandardCharsets.UTF_8);
    }

    private static String session(String project) throws Exception {
        HttpResponse<String> launch = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("authkey=" + URLEncoder.encode(
                        sandbox.issueAuthkey(pids.get(project), SandboxUser.withAllRights("alice")), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, launch.statusCode(), launch.body());
        Matcher cookie = Pattern.compile(SessionCookie.NAME + "=([^;]+)").matcher(launch.headers().firstValue("Set-Cookie").orElse(""));
        assertTrue(cookie.find(), "launch set a session cookie");
        return SessionCookie.NAME + "=" + cookie.group(1);
    }

    private static String dashboard(String project) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/dashboard/" + project))
                .header("Cookie", session(project)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        return page.body();
    }

    /** The latest report's download on the dashboard, as a user's browser fetches it. */
    private static byte[] download(String project, String format) throws Exception {
        HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/dashboard/" + project
                + "/downloads/" + format)).header("Cookie", session(project)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode(), new String(file.body(), StandardCharsets.UTF_8));
        return file.body();
    }

    /** The text of every XML part of an XLSX (shared strings and sheets). */
    private static String xlsxText(byte[] xlsx) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("xl/") && e.getName().endsWith(".xml")) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        }
        return text.toString();
    }
}
