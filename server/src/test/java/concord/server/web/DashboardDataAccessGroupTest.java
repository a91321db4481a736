package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.SandboxUser;
import concord.server.run.Run;
import concord.server.run.RunOutcome;
import concord.server.run.RunRepository;
import concord.server.run.RunStatus;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Users in REDCap data access groups: launching analyses their group's records only, and every page, run
 * and download of the whole project or of another group is refused to them; users in no group see all.
 * The study's records 1–12 are in site_a, 13–22 in site_b (see {@link DashboardFixture}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardDataAccessGroupTest {
    private static DashboardFixture fixture;
    private static RunRepository runs;
    private static String alice;
    private static String dora;
    private static String bert;
    private static Run projectRun;
    private static Run siteARun;
    private static Run siteBRun;
    private static Run siteAOnlyRun;

    @BeforeAll
    static void start() throws Exception {
        fixture = new DashboardFixture(true);
        runs = fixture.server.getApplicationContext().getBean(RunRepository.class);
        alice = fixture.launchSession(fixture.studyPid, SandboxUser.withAllRights("alice"));
        projectRun = fixture.runNow("clbp", alice);
        // launching from a group that has never been analysed queues the group's first run
        dora = fixture.launchSession(fixture.studyPid, SandboxUser.exportOnly("dora").withDataAccessGroup("site_a"));
        siteARun = awaitScope("site_a");
        bert = fixture.launchSession(fixture.studyPid, SandboxUser.exportOnly("bert").withDataAccessGroup("site_b"));
        siteBRun = awaitScope("site_b");
        String sam = fixture.launchSession(fixture.siteAOnlyPid, SandboxUser.withAllRights("sam"));
        siteAOnlyRun = fixture.runNow("sitea", sam);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    @Order(1)
    void launchingFromAGroupAnalysesThatGroupsRecordsOnly() throws Exception {
        assertEquals("site_a", siteARun.scope());
        assertEquals(TriggerKind.BOOKMARK, siteARun.trigger());
        assertEquals(12, siteARun.recordCount());
        assertEquals(10, siteBRun.recordCount());
        assertEquals(40, projectRun.recordCount());
        assertEquals(siteAOnlyRun.fingerprint(), siteARun.fingerprint(), "the fingerprint covers only the group's records");
        assertNotEquals(projectRun.fingerprint(), siteARun.fingerprint());

        HttpResponse<String> response = fixture.get("/dashboard/clbp", dora);
        assertEquals(200, response.statusCode());
        String page = response.body();
        assertTrue(page.contains("Records of data access group site_a: 12 records"), page);
        assertTrue(page.contains("signed in through REDCap as dora (data access group Site A)"), page);
        assertTrue(page.contains("<td class=\"num\">6</td>"), "6 doctors and 6 patients among records 1-12");
        String alone = fixture.get("/dashboard/sitea", fixture.launchSession(fixture.siteAOnlyPid, SandboxUser.withAllRights("sam"))).body();
        assertEquals(table1(alone), table1(page), "Table 1 equals an analysis of just those records");
        assertEquals(section(alone, "responses"), section(page, "responses"));
        assertEquals(section(alone, "consensus"), section(page, "consensus"));
        assertEquals(section(alone, "figure2"), section(page, "figure2"));

        String history = section(page, "history");
        assertTrue(history.contains("/dashboard/clbp/runs/" + siteARun.id() + "\""), history);
        assertFalse(history.contains("/runs/" + projectRun.id() + "\""), "no project-wide run in a group's history");
        assertFalse(history.contains("/runs/" + siteBRun.id() + "\""), "no other group's run");
        assertFalse(history.contains("all records"));
    }

    @Test
    @Order(2)
    void aGroupUserIsRefusedTheProjectWideAndOtherGroupsRunsEvenById() throws Exception {
        for (String path : new String[] {"/dashboard/clbp/runs/" + projectRun.id(), "/dashboard/clbp/runs/" + siteBRun.id(),
                "/dashboard/clbp/runs/" + projectRun.id() + "/downloads/json", "/dashboard/clbp/runs/" + projectRun.id() + "/downloads/pdf",
                "/dashboard/clbp/runs/" + siteBRun.id() + "/downloads/html", "/dashboard/clbp/runs/" + siteBRun.id() + "/downloads/csv"}) {
            HttpResponse<String> response = fixture.get(path, dora);
            assertEquals(403, response.statusCode(), path);
            assertTrue(response.body().contains("Not your data access group"), path + ": " + response.body());
            assertTrue(response.body().contains("Site A"), response.body());
        }
        assertEquals(403, fixture.get("/dashboard/clbp/runs/" + siteARun.id(), bert).statusCode(), "and the other way round");
        assertEquals(404, fixture.get("/dashboard/clbp/runs/" + siteAOnlyRun.id(), dora).statusCode(), "another project's run");
        assertEquals(404, fixture.get("/dashboard/clbp/runs/x1", dora).statusCode());

        assertEquals(200, fixture.get("/dashboard/clbp/runs/" + siteARun.id(), dora).statusCode());
        byte[] stored = runs.artifact(siteARun.id(), "result.json").orElseThrow().content();
        assertArrayEquals(stored, fixture.getBytes("/dashboard/clbp/downloads/json", dora).body(), "the latest is the group's run");
        assertArrayEquals(stored, fixture.getBytes("/dashboard/clbp/runs/" + siteARun.id() + "/downloads/json", dora).body());
        assertArrayEquals(runs.artifact(siteBRun.id(), "result.json").orElseThrow().content(),
                fixture.getBytes("/dashboard/clbp/downloads/json", bert).body());
    }

    @Test
    @Order(3)
    void aUserInNoGroupSeesTheWholeProjectAndEveryGroupsRuns() throws Exception {
        String page = fixture.get("/dashboard/clbp", alice).body();
        assertTrue(page.contains("All records of the project: 40 records"), page);
        assertTrue(page.contains("<td class=\"num\">20</td>"), "the project-wide results");
        String history = section(page, "history");
        for (Run run : List.of(projectRun, siteARun, siteBRun)) {
            assertTrue(history.contains("/dashboard/clbp/runs/" + run.id() + "\""), history);
        }
        assertTrue(history.contains("group site_a") && history.contains("group site_b") && history.contains("all records"));
        HttpResponse<String> group = fixture.get("/dashboard/clbp/runs/" + siteARun.id(), alice);
        assertEquals(200, group.statusCode());
        assertTrue(group.body().contains("Records of data access group site_a: 12 records"), group.body());
        assertTrue(group.body().contains("href=\"/dashboard/clbp/runs/" + siteARun.id() + "/downloads/pdf\""));
        assertEquals(table1(fixture.get("/dashboard/clbp", dora).body()), table1(group.body()));
        assertArrayEquals(runs.artifact(siteBRun.id(), "report.pdf").orElseThrow().content(),
                fixture.getBytes("/dashboard/clbp/runs/" + siteBRun.id() + "/downloads/pdf", alice).body());
        assertArrayEquals(runs.artifact(projectRun.id(), "result.json").orElseThrow().content(),
                fixture.getBytes("/dashboard/clbp/downloads/json", alice).body());
    }

    @Test
    @Order(4)
    void aGroupsReportsGoIntoAFolderOnlyThatGroupSees() {
        try (RedcapClient admin = client(SandboxUser.withAllRights("admin"));
             RedcapClient siteA = client(SandboxUser.withAllRights("dora").withDataAccessGroup("site_a"));
             RedcapClient siteB = client(SandboxUser.withAllRights("bert").withDataAccessGroup("site_b"))) {
            RepositoryEntry parent = admin.listRepository().stream().filter(e -> e.folder() && e.name().equals("Concord reports"))
                    .findFirst().orElseThrow();
            List<RepositoryEntry> groups = admin.listRepository(parent.id()).stream().filter(RepositoryEntry::folder).toList();
            assertEquals(List.of("site_a", "site_b"), groups.stream().map(RepositoryEntry::name).sorted().toList());
            groups.forEach(folder -> assertEquals(folder.name(), folder.dag(), "restricted to its group"));
            RepositoryEntry siteAFolder = groups.stream().filter(f -> f.name().equals("site_a")).findFirst().orElseThrow();
            List<String> files = admin.listRepository(siteAFolder.id()).stream().map(RepositoryEntry::name).toList();
            assertTrue(files.stream().anyMatch(f -> f.matches("clbp-\\d{4}-\\d{2}-\\d{2}-run" + siteARun.id() + "-report\\.pdf")), files.toString());
            assertTrue(files.stream().noneMatch(f -> f.contains("-run" + projectRun.id() + "-")), "project-wide files stay in the parent");
            assertTrue(admin.listRepository(parent.id()).stream().anyMatch(e -> !e.folder() && e.name().contains("-run" + projectRun.id() + "-")));
            assertEquals(List.of("site_a"), siteA.listRepository(parent.id()).stream().filter(RepositoryEntry::folder)
                    .map(RepositoryEntry::name).toList());
            assertEquals(List.of("site_b"), siteB.listRepository(parent.id()).stream().filter(RepositoryEntry::folder)
                    .map(RepositoryEntry::name).toList(), "site_b does not see site_a's folder");
        }
        assertTrue(siteARun.publishedTo().startsWith("File Repository folder 'Concord reports/site_a'"), siteARun.publishedTo());
    }

    @Test
    @Order(5)
    void runNowFromAGroupQueuesARunOfThatGroupAndUnchangedDataIsNotRepublished() throws Exception {
        String page = fixture.get("/dashboard/clbp", dora).body();
        assertTrue(page.contains("Reads the records of your data access group site_a"), page);
        HttpResponse<String> started = fixture.post("/dashboard/clbp/runs", dora, "csrf=" + DashboardFixture.csrf(page));
        assertEquals(303, started.statusCode(), started.body());
        long id = Long.parseLong(started.headers().firstValue("Location").orElseThrow().replaceAll(".*run=", ""));
        Run again = await(id);
        assertEquals("site_a", again.scope());
        assertEquals(RunOutcome.UNCHANGED, again.outcome(), "same records of the group as its last published run");
        assertEquals(siteARun.id(), runs.lastPublished("clbp", "site_a").orElseThrow().id());
        assertEquals(projectRun.id(), runs.lastPublished("clbp").orElseThrow().id(), "the project-wide report is untouched");
    }

    @Test
    @Order(6)
    void aTokenOfAGroupUserCannotAnalyseAGroupAndSaysWhy() throws Exception {
        RunTriggers triggers = fixture.server.getApplicationContext().getBean(RunTriggers.class);
        Run run = await(triggers.trigger("clbp-group-token", "site_a", TriggerKind.ADMIN).id());
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.errorMessage().contains("is itself in a data access group"), run.errorMessage());
        assertTrue(run.errorMessage().contains("concord.projects.clbp-group-token.token"), run.errorMessage());
    }

    @Test
    @Order(7)
    void aProjectWideRunWithNewDataQueuesRefreshesOfTheGroupsAnalysedBefore() throws Exception {
        try (RedcapClient admin = client(SandboxUser.withAllRights("admin"))) {
            admin.importRecords(List.of(Map.of("record_id", "40", "q1", "9")));
        }
        Run published = fixture.runNow("clbp", alice);
        assertEquals(RunOutcome.PUBLISHED, published.outcome());
        for (String group : List.of("site_a", "site_b")) {
            // the worker queues the refreshes right after recording the project-wide run's success
            Instant deadline = Instant.now().plusSeconds(10);
            Run refresh = runs.list("clbp", group, 1).get(0);
            while (refresh.id() < published.id() && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
                refresh = runs.list("clbp", group, 1).get(0);
            }
            assertEquals(TriggerKind.REFRESH, refresh.trigger(), group);
            assertTrue(refresh.id() > published.id(), group);
            assertEquals(RunOutcome.UNCHANGED, await(refresh.id()).outcome(), "record 40 is in no group: " + group + " unchanged");
        }
    }

    private static RedcapClient client(SandboxUser user) {
        return RedcapClient.create(RedcapClientConfiguration.of(fixture.redcap.apiUrl(),
                fixture.redcap.createToken(fixture.studyPid, user)));
    }

    /** Waits for the first run of a group scope to finish successfully. */
    private static Run awaitScope(String scope) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Optional<Run> run = runs.list("clbp", scope, 1).stream().findFirst();
            if (run.isPresent() && run.get().status().finished()) {
                assertEquals(RunStatus.SUCCEEDED, run.get().status(), run.get().errorMessage());
                return run.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no finished run of data access group " + scope + " within 60 s");
    }

    private static Run await(long id) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Run run = runs.find(id).orElseThrow();
            if (run.status().finished()) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not finish within 60 s");
    }

    private static String table1(String page) {
        int start = page.indexOf("<table class=\"concord-table table1\"");
        assertTrue(start >= 0, "no Table 1");
        return page.substring(start, page.indexOf("</table>", start));
    }

    /** A dashboard section's HTML, by its id. */
    private static String section(String page, String id) {
        int start = page.indexOf("<section id=\"" + id + "\"");
        assertTrue(start >= 0, "no section " + id);
        return page.substring(start, page.indexOf("</section>", start));
    }
}
