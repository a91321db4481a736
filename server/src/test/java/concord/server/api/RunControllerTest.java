package concord.server.api;

import concord.server.run.Run;
import concord.server.run.RunStatus;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin API answers only to configured bearer tokens and never shows secrets. */
class RunControllerTest {
    @Test
    void bearerTokenGuardsTheAdminApi() {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "datasources.default.url", "jdbc:h2:mem:admin" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "concord.admin.tokens", "first-admin-token,second-admin-token",
                "concord.projects.p1.api-url", "http://127.0.0.1:9/api/",
                "concord.projects.p1.token", "0123456789ABCDEF0123456789ABCDEF",
                "concord.projects.p1.group-field", "group",
                "concord.projects.p1.det-secret", "very-secret-value"), "test")) {
            BlockingHttpClient http = server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
            HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                    () -> http.exchange(HttpRequest.POST("/projects/p1/runs", ""), String.class));
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
            e = assertThrows(HttpClientResponseException.class,
                    () -> http.exchange(HttpRequest.GET("/runs/1").bearerAuth("wrong"), String.class));
            assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());

            HttpResponse<Run> started = http.exchange(HttpRequest.POST("/projects/p1/runs", "").bearerAuth("second-admin-token"), Run.class);
            assertEquals(HttpStatus.ACCEPTED, started.getStatus());
            Run run = started.body();
            assertEquals(RunStatus.QUEUED, run.status());
            assertEquals(run.id(), http.retrieve(HttpRequest.GET("/runs/" + run.id()).bearerAuth("first-admin-token"), Run.class).id());
            List<Run> list = http.retrieve(HttpRequest.GET("/projects/p1/runs").bearerAuth("first-admin-token"), Argument.listOf(Run.class));
            assertEquals(1, list.size());

            Run groupRun = http.retrieve(HttpRequest.POST("/projects/p1/runs?group=site_a", "").bearerAuth("first-admin-token"), Run.class);
            assertEquals("site_a", groupRun.scope(), "an administrator may start one data access group's run");
            assertNotEquals(run.id(), groupRun.id(), "a group's run queues apart from the project-wide run");
            assertEquals(List.of(groupRun.id()), http.retrieve(HttpRequest.GET("/projects/p1/runs?group=site_a")
                    .bearerAuth("first-admin-token"), Argument.listOf(Run.class)).stream().map(Run::id).toList());
            assertEquals(List.of(run.id()), http.retrieve(HttpRequest.GET("/projects/p1/runs?group=")
                    .bearerAuth("first-admin-token"), Argument.listOf(Run.class)).stream().map(Run::id).toList());
            e = assertThrows(HttpClientResponseException.class, () -> http.exchange(
                    HttpRequest.POST("/projects/p1/runs?group=Site%20A", "").bearerAuth("first-admin-token"), String.class));
            assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
            assertTrue(e.getResponse().getBody(String.class).orElse("").contains("unique group name"),
                    "says what a group must look like");

            e = assertThrows(HttpClientResponseException.class,
                    () -> http.exchange(HttpRequest.GET("/projects/nope/runs").bearerAuth("first-admin-token"), String.class));
            assertEquals(HttpStatus.NOT_FOUND, e.getStatus());

            String projects = http.retrieve(HttpRequest.GET("/projects").bearerAuth("first-admin-token"), String.class);
            assertFalse(projects.contains("0123456789ABCDEF"), projects);
            assertFalse(projects.contains("very-secret-value"), projects);
        }
    }
}
