package concord.server.api;

import com.sun.net.httpserver.HttpServer;
import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunStatus;
import concord.server.run.TriggerKind;
import concord.server.run.internal.Database;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DET endpoint refuses what it cannot attribute, stores what it accepts, and never calls back. */
class DetControllerTest {
    private HttpServer forgedRedcap;
    private final AtomicInteger forgedHits = new AtomicInteger();
    private EmbeddedServer server;
    private BlockingHttpClient http;

    @BeforeEach
    void start() throws Exception {
        forgedRedcap = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        forgedRedcap.createContext("/", exchange -> {
            forgedHits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        forgedRedcap.start();
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("concord.runs.worker-enabled", "false");
        props.put("datasources.default.url", "jdbc:h2:mem:det" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        props.put("concord.projects.study.api-url", "http://127.0.0.1:9/api/");
        props.put("concord.projects.study.token", "0123456789ABCDEF0123456789ABCDEF");
        props.put("concord.projects.study.redcap-project-id", "42");
        props.put("concord.projects.study.group-field", "group");
        props.put("concord.projects.study.det-secret", "correct-horse-battery-staple");
        props.put("concord.projects.other.api-url", "http://127.0.0.1:9/api/");
        props.put("concord.projects.other.redcap-project-id", "43");
        props.put("concord.projects.other.group-field", "group");
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        http = server.getApplicationContext().createBean(HttpClient.class, server.getURL()).toBlocking();
    }

    @AfterEach
    void stop() {
        server.close();
        forgedRedcap.stop(0);
    }

    private HttpResponse<String> det(String secret, Map<String, String> form) {
        String uri = secret == null ? "/redcap/det" : "/redcap/det?secret=" + secret;
        return http.exchange(HttpRequest.POST(uri, form).contentType(MediaType.APPLICATION_FORM_URLENCODED), String.class);
    }

    private Map<String, String> form(String projectId) {
        String forged = "http://127.0.0.1:" + forgedRedcap.getAddress().getPort() + "/";
        return Map.of("redcap_url", forged, "project_url", forged + "redcap_v14.5.3/index.php?pid=" + projectId,
                "project_id", projectId, "username", "alice", "record", "17", "instrument", "ratings",
                "ratings_complete", "2");
    }

    @Test
    void acceptedTriggerIsStoredAsAQueuedRun() {
        HttpResponse<String> response = det("correct-horse-battery-staple", form("42"));
        assertEquals(HttpStatus.ACCEPTED, response.getStatus());
        List<Run> runs = server.getApplicationContext().getBean(RunRepository.class).list("study", 10);
        assertEquals(1, runs.size());
        assertEquals(RunStatus.QUEUED, runs.get(0).status());
        assertEquals(TriggerKind.DET, runs.get(0).trigger());
        det("correct-horse-battery-staple", form("42"));
        assertEquals(2, server.getApplicationContext().getBean(RunRepository.class).list("study", 10).get(0).triggerCount());
        assertEquals(0, forgedHits.get(), "nothing may call the redcap_url taken from the request");
    }

    @Test
    void wrongOrMissingSecretIsRefused() {
        assertStatus(HttpStatus.FORBIDDEN, () -> det("correct-horse-battery-stapl", form("42")));
        assertStatus(HttpStatus.FORBIDDEN, () -> det(null, form("42")));
        assertStatus(HttpStatus.FORBIDDEN, () -> det("", form("42")));
        assertTrue(server.getApplicationContext().getBean(RunRepository.class).list("study", 10).isEmpty());
    }

    @Test
    void unknownProjectOrAProjectWithoutSecretIsRefused() {
        assertStatus(HttpStatus.FORBIDDEN, () -> det("correct-horse-battery-staple", form("99")));
        // "other" is configured but has no det-secret: its triggers are refused, whatever the secret.
        assertStatus(HttpStatus.FORBIDDEN, () -> det("correct-horse-battery-staple", form("43")));
        assertStatus(HttpStatus.BAD_REQUEST, () -> det("correct-horse-battery-staple", Map.of("record", "1")));
        assertTrue(server.getApplicationContext().getBean(RunRepository.class).recent(10).isEmpty());
    }

    @Test
    void databaseOutageAnswers503SoNothingIsAcknowledgedUnstored() throws Exception {
        // A real failure of the run table, not a mock: drop it under the running service.
        server.getApplicationContext().getBean(Database.class).transaction(c -> {
            try (var s = c.createStatement()) {
                s.execute("DROP TABLE concord_run_artifact");
                s.execute("DROP TABLE concord_run");
            }
            return null;
        });
        assertStatus(HttpStatus.SERVICE_UNAVAILABLE, () -> det("correct-horse-battery-staple", form("42")));
    }

    private static void assertStatus(HttpStatus expected, Runnable call) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, call::run);
        assertEquals(expected, e.getStatus());
    }
}
