package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.SandboxUser;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bookmark launch: REDCap vouches through the configured server, the session is scoped, the cookie is safe. */
class LaunchControllerTest {
    private static DashboardFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new DashboardFixture(true);
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void validAuthkeyStartsASessionAndRedirectsToTheProjectDashboard() throws Exception {
        HttpResponse<String> response = fixture.launch(fixture.redcap.issueAuthkey(fixture.studyPid, SandboxUser.withAllRights("alice")), "");
        assertEquals(303, response.statusCode());
        assertEquals("/dashboard/clbp", response.headers().firstValue("Location").orElseThrow());
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertTrue(DashboardFixture.sessionCookie(response).length() >= 43, "256-bit session id");
        HttpResponse<String> page = fixture.get("/dashboard/clbp", DashboardFixture.sessionCookie(response));
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("signed in through REDCap as alice"), page.body());
    }

    @Test
    void aGroupMembersLaunchLearnsTheGroupAndQueuesItsFirstRunOnce() throws Exception {
        concord.server.run.RunRepository runs = fixture.server.getApplicationContext().getBean(concord.server.run.RunRepository.class);
        assertTrue(runs.list("clbp", "site_b", 10).isEmpty());
        HttpResponse<String> response = fixture.launch(fixture.redcap.issueAuthkey(fixture.studyPid,
                SandboxUser.exportOnly("bert").withDataAccessGroup("site_b")), "");
        assertEquals(303, response.statusCode());
        assertEquals("/dashboard/clbp", response.headers().firstValue("Location").orElseThrow());
        assertEquals(1, runs.list("clbp", "site_b", 10).size(), "the group's first run is queued");
        assertEquals(concord.server.run.TriggerKind.BOOKMARK, runs.list("clbp", "site_b", 1).get(0).trigger());
        String page = fixture.get("/dashboard/clbp", DashboardFixture.sessionCookie(response)).body();
        assertTrue(page.contains("signed in through REDCap as bert (data access group Site B)"), page);
        assertTrue(page.contains("Records of data access group site_b"), page);
        fixture.launchSession(fixture.studyPid, SandboxUser.exportOnly("bella").withDataAccessGroup("site_b"));
        assertEquals(1, runs.list("clbp", "site_b", 10).size(), "later launches of the group queue nothing");
        fixture.launchSession(fixture.studyPid, SandboxUser.withAllRights("alice"));
        assertTrue(runs.list("clbp", "", 10).isEmpty(), "a user in no group queues nothing by launching");
    }

    @Test
    void unknownAuthkeyIsRefusedWithAClearPage() throws Exception {
        HttpResponse<String> response = fixture.launch("not-a-key-redcap-issued", "");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("Bookmark not recognised"), response.body());
        assertTrue(response.body().contains("Log in to REDCap again"), response.body());
        assertFalse(response.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test
    void missingAuthkeyAndPlainGetAreExplained() throws Exception {
        HttpResponse<String> empty = fixture.post("/launch", null, "other=1");
        assertEquals(400, empty.statusCode());
        assertTrue(empty.body().contains("No authkey"));
        HttpResponse<String> get = fixture.get("/launch", null);
        assertEquals(405, get.statusCode());
        assertTrue(get.body().contains("Open Concord from REDCap"));
    }

    @Test
    void projectHintMustNameAConfiguredProject() throws Exception {
        String key = fixture.redcap.issueAuthkey(fixture.studyPid, SandboxUser.withAllRights("alice"));
        assertEquals(404, fixture.launch(key, "?project=nope").statusCode());
        HttpResponse<String> hinted = fixture.launch(key, "?project=clbp");
        assertEquals(303, hinted.statusCode());
        HttpResponse<String> byPid = fixture.launch(fixture.redcap.issueAuthkey(fixture.hostilePid, SandboxUser.withAllRights("alice")),
                "?pid=" + fixture.hostilePid);
        assertEquals("/dashboard/hostile", byPid.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void aProjectRedcapHasButConcordDoesNotIsRefused() throws Exception {
        int other = fixture.redcap.addProject(concord.connector.sandbox.SandboxProject.generated("Unconfigured", 3, 2, 1));
        HttpResponse<String> response = fixture.launch(fixture.redcap.issueAuthkey(other, SandboxUser.withAllRights("alice")), "");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("REDCap project " + other + " is not configured in Concord"), response.body());
    }

    @Test
    void aSecondLaunchRotatesTheSessionAndKeepsTheSameUsersProjects() throws Exception {
        String first = fixture.launchSession(fixture.studyPid, SandboxUser.withAllRights("alice"));
        HttpResponse<String> second = fixture.http.send(java.net.http.HttpRequest.newBuilder(fixture.url("/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SessionCookie.NAME + "=" + first)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("authkey="
                        + fixture.redcap.issueAuthkey(fixture.hostilePid, SandboxUser.withAllRights("alice")))).build(),
                HttpResponse.BodyHandlers.ofString());
        String rotated = DashboardFixture.sessionCookie(second);
        assertNotEquals(first, rotated);
        assertEquals(403, fixture.get("/dashboard/clbp", first).statusCode(), "the old session id is dead");
        assertEquals(200, fixture.get("/dashboard/clbp", rotated).statusCode());
        assertEquals(200, fixture.get("/dashboard/hostile", rotated).statusCode());

        String bob = fixture.launchSession(fixture.hostilePid, SandboxUser.withAllRights("bob"));
        HttpResponse<String> carolOnBobsBrowser = fixture.http.send(java.net.http.HttpRequest.newBuilder(fixture.url("/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", SessionCookie.NAME + "=" + bob)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("authkey="
                        + fixture.redcap.issueAuthkey(fixture.studyPid, SandboxUser.withAllRights("carol")))).build(),
                HttpResponse.BodyHandlers.ofString());
        String carol = DashboardFixture.sessionCookie(carolOnBobsBrowser);
        assertEquals(403, fixture.get("/dashboard/hostile", carol).statusCode(), "another user's grants never carry over");
    }
}
