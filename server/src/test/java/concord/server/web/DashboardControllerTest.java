package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.SandboxUser;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard: who may see what, the run button, Table 1 filters, downloads, and inert REDCap text. */
class DashboardControllerTest {
    private static DashboardFixture fixture;
    private static String alice;
    private static Run run;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(true);
        alice = fixture.launchSession(fixture.studyPid, SandboxUser.withAllRights("alice"));
        run = fixture.runNow("clbp", alice);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void requestsWithoutASessionAreRefused() throws Exception {
        for (String path : new String[] {"/dashboard", "/dashboard/clbp", "/dashboard/clbp/downloads/json"}) {
            HttpResponse<String> response = fixture.get(path, null);
            assertEquals(403, response.statusCode(), path);
            assertTrue(response.body().contains("Open Concord from REDCap"), path);
        }
        assertEquals(403, fixture.get("/dashboard/clbp", "forged-session-id").statusCode());
        assertEquals(403, fixture.post("/dashboard/clbp/runs", null, "csrf=x").statusCode());
    }

    @Test
    void aSessionSeesOnlyTheProjectItLaunched() throws Exception {
        String mallory = fixture.launchSession(fixture.hostilePid, SandboxUser.withAllRights("mallory"));
        for (String path : new String[] {"/dashboard/clbp", "/dashboard/clbp/downloads/json", "/dashboard/clbp/downloads/html"}) {
            HttpResponse<String> response = fixture.get(path, mallory);
            assertEquals(403, response.statusCode(), path);
            assertTrue(response.body().contains("Not your project"), path);
        }
        assertEquals(403, fixture.post("/dashboard/clbp/runs", mallory, "csrf=" + DashboardFixture.csrf(
                fixture.get("/dashboard/hostile", mallory).body())).statusCode());
        assertEquals(403, fixture.get("/dashboard/not-configured", mallory).statusCode());
        String index = fixture.get("/dashboard", mallory).body();
        assertTrue(index.contains("/dashboard/hostile") && !index.contains("/dashboard/clbp"), index);
    }

    @Test
    void aDataAccessGroupUserSeesTheirGroupsAnalysisButNotTheWholeProjects() throws Exception {
        String dagUser = fixture.launchSession(fixture.studyPid, SandboxUser.withAllRights("dora").withDataAccessGroup("site_a"));
        HttpResponse<String> page = fixture.get("/dashboard/clbp", dagUser);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Records of data access group site_a"), page.body());
        assertFalse(page.body().contains("/dashboard/clbp/runs/" + run.id() + "\""), "the project-wide run is not listed");
        for (String path : new String[] {"/dashboard/clbp/runs/" + run.id(), "/dashboard/clbp/runs/" + run.id() + "/downloads/csv"}) {
            HttpResponse<String> response = fixture.get(path, dagUser);
            assertEquals(403, response.statusCode(), path);
            assertTrue(response.body().contains("Not your data access group"), response.body());
            assertTrue(response.body().contains("Site A"), response.body());
        }
        assertEquals(403, fixture.post("/dashboard/clbp/runs", dagUser, "csrf=whatever").statusCode());
    }

    @Test
    void runNowNeedsTheSessionsCsrfToken() throws Exception {
        RunRepository runs = fixture.server.getApplicationContext().getBean(RunRepository.class);
        int before = runs.list("clbp", 100).size();
        HttpResponse<String> missing = fixture.post("/dashboard/clbp/runs", alice, "");
        HttpResponse<String> wrong = fixture.post("/dashboard/clbp/runs", alice, "csrf=AAAA");
        String other = fixture.launchSession(fixture.studyPid, SandboxUser.withAllRights("alice"));
        HttpResponse<String> othersToken = fixture.post("/dashboard/clbp/runs", alice,
                "csrf=" + DashboardFixture.csrf(fixture.get("/dashboard/clbp", other).body()));
        for (HttpResponse<String> response : java.util.List.of(missing, wrong, othersToken)) {
            assertEquals(403, response.statusCode());
            assertTrue(response.body().contains("security token"));
        }
        assertEquals(before, runs.list("clbp", 100).size(), "no run was queued");
    }

    @Test
    void theDashboardShowsTheLatestRunsTablesChartsAndHistory() throws Exception {
        HttpResponse<String> response = fixture.get("/dashboard/clbp", alice);
        assertEquals(200, response.statusCode());
        String page = response.body();
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElseThrow());
        for (String expected : new String[] {"CLBP outcome survey", "#" + run.id(),
                "Table 1. Importance ratings", "Responses per group", "Consensus on critical importance", "Domain summary",
                "Participant characteristics", "Age (years)", "Run history", "SUCCEEDED", "Run analysis now",
                "<svg", "-figure2", "-consensus", "-domains", "Physical function", "Sleep quality"}) {
            assertTrue(page.contains(expected), "missing " + expected);
        }
        assertFalse(page.contains("<script"), "the dashboard uses no script");
        assertFalse(page.contains("http-equiv=\"refresh\""), "nothing is running: no refresh");
        assertTrue(page.contains("<td class=\"num\">20</td>"), "20 participants per group");
    }

    @Test
    void table1FiltersAndSortsThroughPlainLinks() throws Exception {
        String all = fixture.get("/dashboard/clbp", alice).body();
        assertEquals(4, count(table1(all), "<tbody( class=\"differs\")?>\\n<tr><th scope=\"rowgroup\""));
        String pain = fixture.get("/dashboard/clbp?domain=Pain", alice).body();
        assertTrue(pain.contains("Showing 2 of 4 outcomes"), pain);
        assertTrue(pain.contains("Pain intensity") && pain.contains("Return to work"));
        assertFalse(table1(pain).contains("Sleep quality"));
        assertTrue(all.contains("href=\"/dashboard/clbp?domain=Pain#table1\""), "the filter is a plain link");
        String differing = fixture.get("/dashboard/clbp?differs=yes", alice).body();
        String table = table1(differing);
        assertTrue(table.contains("Sleep quality"), "doctors and patients rate q1 differently");
        assertFalse(table.contains("<tbody>"), "only differing outcomes: " + table);
        String notDiffering = table1(fixture.get("/dashboard/clbp?differs=no", alice).body());
        assertFalse(notDiffering.contains("class=\"differs\""));
        String byName = table1(fixture.get("/dashboard/clbp?sort=outcome", alice).body());
        assertTrue(byName.indexOf("Pain intensity") < byName.indexOf("Return to work")
                && byName.indexOf("Return to work") < byName.indexOf("Sleep quality")
                && byName.indexOf("Sleep quality") < byName.indexOf("Walking distance"), "alphabetical");
        String byP = table1(fixture.get("/dashboard/clbp?sort=p&differs=", alice).body());
        assertTrue(byP.indexOf("Sleep quality") < byP.indexOf("Pain intensity"), "smallest p first");
        assertEquals(200, fixture.get("/dashboard/clbp?sort=%3Cscript%3E&domain=nope", alice).statusCode());
    }

    @Test
    void everyFormatOfTheLatestRunDownloads() throws Exception {
        RunRepository runs = fixture.server.getApplicationContext().getBean(RunRepository.class);
        for (String format : RunReports.FORMATS) {
            HttpResponse<byte[]> response = fixture.getBytes("/dashboard/clbp/downloads/" + format, alice);
            var stored = runs.files(run.id()).stream().filter(f -> f.name().equals(RunReports.fileName(format))).findFirst();
            if (stored.isEmpty()) {
                assertEquals(404, response.statusCode(), format + " was not produced by this build");
                assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("did not produce"));
                continue;
            }
            assertEquals(200, response.statusCode(), format);
            assertArrayEquals(runs.artifact(run.id(), stored.get().name()).orElseThrow().content(), response.body(), format);
            assertEquals(stored.get().mediaType(), response.headers().firstValue("Content-Type").orElseThrow().replace(";charset", "; charset"));
            String disposition = response.headers().firstValue("Content-Disposition").orElseThrow();
            assertEquals("attachment; filename=\"" + RunReports.fileName(format) + "\"", disposition);
            byte[] head = Arrays.copyOf(response.body(), 5);
            switch (format) {
                case "html" -> assertTrue(new String(head, StandardCharsets.US_ASCII).startsWith("<!DOC"));
                case "topic-guide-html" -> assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("Focus-group topic guide"));
                case "topic-guide-docx" -> assertEquals("PK", new String(head, 0, 2, StandardCharsets.US_ASCII));
                case "pdf" -> assertEquals("%PDF-", new String(head, StandardCharsets.US_ASCII));
                case "xlsx" -> assertEquals("PK", new String(head, 0, 2, StandardCharsets.US_ASCII));
                case "docx" -> assertTrue(zipPart(response.body(), "word/document.xml").contains("Sleep quality"));
                case "json" -> assertEquals('{', (char) head[0]);
                case "exclusions" -> assertTrue(new String(response.body(), StandardCharsets.UTF_8).startsWith("record,field,value,problem"));
                default -> assertTrue(new String(response.body(), StandardCharsets.UTF_8).contains("Sleep quality"));
            }
        }
        assertEquals(404, fixture.get("/dashboard/clbp/downloads/exe", alice).statusCode());
        String page = fixture.get("/dashboard/clbp", alice).body();
        assertTrue(page.contains("href=\"/dashboard/clbp/downloads/json\""));
        assertTrue(page.contains("href=\"/dashboard/clbp/downloads/exclusions\""));
    }

    @Test
    void redcapTextIsInertEverywhereOnThePage() throws Exception {
        String session = fixture.launchSession(fixture.hostilePid, SandboxUser.withAllRights("eve"));
        fixture.runNow("hostile", session);
        String page = fixture.get("/dashboard/hostile", session).body();
        assertFalse(page.contains("<script>"), "no live script element");
        assertFalse(page.contains("<img"), "no live img element");
        assertFalse(page.contains("<b>bold"), "no live markup");
        assertFalse(page.contains("\"onerror=") || page.contains("'>"), "no attribute value was closed by REDCap text");
        assertTrue(page.contains("&lt;script&gt;alert(5)&lt;/script&gt;"), "the text is shown, escaped");
        assertTrue(page.contains("Walk &quot;onerror=alert(4)"));
        assertTrue(page.contains("Work &amp; life") && !page.contains("Work & life"));
        java.util.regex.Matcher link = Pattern.compile("href=\"(/dashboard/hostile\\?domain=[^\"#]*)").matcher(page);
        assertTrue(link.find(), "a domain filter link");
        assertTrue(link.group(1).contains("%3Cscript%3E"), "the hostile domain name is URL-encoded in the link: " + link.group(1));
        String filtered = fixture.get(link.group(1).replace("&amp;", "&"), session).body();
        assertTrue(filtered.contains("Showing 2 of 4 outcomes"), "filtering by a hostile domain name works");
        assertFalse(filtered.contains("<script>"));
    }

    private static String table1(String page) {
        int start = page.indexOf("<table class=\"concord-table table1\"");
        return start < 0 ? "" : page.substring(start, page.indexOf("</table>", start));
    }

    private static int count(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    private static String zipPart(byte[] zip, String name) throws java.io.IOException {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return "";
    }
}
