package concord.server.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One Concord instance that a test starts, kills and starts again from the same jar, directory and database,
 * and drives through the admin API.
 */
final class RestartableInstance {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Path dir;
    private final Map<String, String> env;
    private final String adminToken;
    private ConcordProcess process;
    private int starts;

    RestartableInstance(String name, Path jar, Path dir, Map<String, String> env, String adminToken) {
        this.name = name;
        this.jar = jar;
        this.dir = dir;
        this.env = env;
        this.adminToken = adminToken;
    }

    void start() throws Exception {
        starts++;
        process = ConcordProcess.start(name + "-" + starts, jar, ConcordProcess.freePort(), env, dir);
        process.awaitReady(Duration.ofSeconds(120));
    }

    void kill() throws InterruptedException {
        process.kill();
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }

    long startRun() throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request("/projects/r/runs").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("id").asLong();
    }

    JsonNode run(long id) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request("/runs/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    JsonNode awaitFinished(long id, Duration timeout) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            JsonNode run = run(id);
            String status = run.path("status").asText();
            if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
                return run;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("run " + id + " not finished within " + timeout + ": " + run + "\n" + process.tail());
            }
            Thread.sleep(100);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(process.baseUrl().resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + adminToken);
    }
}
