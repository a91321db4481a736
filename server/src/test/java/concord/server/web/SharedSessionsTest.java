package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.SandboxUser;
import concord.server.testing.TestDatabases;
import concord.server.testing.TestDatabases.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two Concord instances on one database, as behind a load balancer without sticky sessions: a session
 * launched on one is accepted by the other, its CSRF token works on both, and a rotation on one kills the
 * old id on both. On PostgreSQL the instances share a schema; on H2 they share one named database.
 */
class SharedSessionsTest {

    static List<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSessionLaunchedOnOneInstanceIsAcceptedOnAnother(TestDatabase db) throws Exception {
        try (DashboardFixture a = new DashboardFixture(true, db.properties());
             EmbeddedServer b = a.startAnotherInstance()) {
            assertTrue(b.getPort() != a.server.getPort());
            String session = a.launchSession(a.studyPid, SandboxUser.withAllRights("alice"));

            HttpResponse<String> onB = get(a, b, "/dashboard/clbp", session);
            assertEquals(200, onB.statusCode(), onB.body());
            assertTrue(onB.body().contains("signed in through REDCap as alice"), onB.body());
            assertEquals(403, get(a, b, "/dashboard/hostile", session).statusCode(), "the grants travel, nothing more");

            String csrf = DashboardFixture.csrf(onB.body());
            HttpResponse<String> runOnA = a.post("/dashboard/clbp/runs", session, "csrf=" + csrf);
            assertEquals(303, runOnA.statusCode(), "B's page carries the token A accepts: " + runOnA.body());
            a.awaitFinished("clbp");

            // a second bookmark launch on B rotates the id; A no longer accepts the old one
            String rotated = DashboardFixture.sessionCookie(a.http.send(HttpRequest.newBuilder(url(b, "/launch"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", SessionCookie.NAME + "=" + session)
                    .POST(HttpRequest.BodyPublishers.ofString("authkey="
                            + a.redcap.issueAuthkey(a.hostilePid, SandboxUser.withAllRights("alice")))).build(),
                    HttpResponse.BodyHandlers.ofString()));
            assertEquals(403, a.get("/dashboard/clbp", session).statusCode(), "the old id is dead on every instance");
            assertEquals(200, a.get("/dashboard/clbp", rotated).statusCode());
            assertEquals(200, a.get("/dashboard/hostile", rotated).statusCode());
        }
    }

    private static HttpResponse<String> get(DashboardFixture fixture, EmbeddedServer server, String path, String session)
            throws Exception {
        return fixture.http.send(HttpRequest.newBuilder(url(server, path)).header("Cookie", SessionCookie.NAME + "=" + session)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(EmbeddedServer server, String path) {
        return URI.create(server.getURL().toString() + path);
    }
}
