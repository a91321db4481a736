package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault, and that the same seed gives the same faults. */
class FaultPlanTest {
    RedcapSandbox sandbox;
    int pid;
    String token;

    @BeforeEach
    void start() {
        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.generated("faults", 50, 3, 7));
        token = sandbox.createToken(pid, SandboxUser.withAllRights("tester"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    List<String> statuses(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", token, "content", "version");
            out.add(r.statusCode() + (r.body().startsWith("<!DOCTYPE html>") ? "html" : ""));
        }
        return out;
    }

    @Test
    void serverErrorsAndHtmlAreDeterministicBySeed() {
        FaultPlan plan = FaultPlan.none().withSeed(42).withServerErrorShare(0.3).withHtmlShare(0.2);
        sandbox.setFaults(pid, plan);
        List<String> first = statuses(40);
        sandbox.setFaults(pid, plan);
        assertEquals(first, statuses(40), "same seed, same faults");
        assertTrue(first.contains("500") && first.contains("502") && first.contains("504") && first.contains("200html") && first.contains("200"),
                first.toString());
        sandbox.setFaults(pid, plan.withSeed(43));
        assertNotEquals(first, statuses(40));
    }

    @Test
    void droppedRecordsAreDeterministic() {
        sandbox.setFaults(pid, FaultPlan.none().withSeed(5).withDroppedRecordShare(0.2));
        String a = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv", "fields", "record_id").body();
        sandbox.setFaults(pid, FaultPlan.none().withSeed(5).withDroppedRecordShare(0.2));
        String b = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv", "fields", "record_id").body();
        assertEquals(a, b);
        long rows = a.lines().count() - 1;
        assertTrue(rows < 50 && rows > 25, "rows " + rows);
    }

    @Test
    void outOfMemoryAboveThreshold() {
        sandbox.setFaults(pid, FaultPlan.none().withOutOfMemoryAboveRecords(20));
        HttpResponse<String> big = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv");
        assertEquals(500, big.statusCode());
        assertEquals("ERROR: " + "REDCap ran out of server memory. The request cannot be processed. Please try importing/exporting a smaller amount of data.",
                big.body());
        HttpResponse<String> small = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv", "records", "1,2,3");
        assertEquals(200, small.statusCode());
        HttpResponse<String> ids = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv", "fields", "record_id");
        assertEquals(200, ids.statusCode(), "listing IDs is exempt");
        assertEquals(51, ids.body().lines().count());
    }

    @Test
    void banAfterTooManyRequestsPersistsUntilLifted() {
        sandbox.setFaults(pid, FaultPlan.none().withBanAfterRequestsPerMinute(5));
        List<String> s = statuses(7);
        assertEquals(List.of("200", "200", "200", "200", "200", "403", "403"), s);
        HttpResponse<String> banned = Http.post(sandbox.apiUrl(), "token", "0123456789ABCDEF0123456789ABCDEF", "content", "version");
        assertTrue(banned.body().contains("has been banned due to suspected abuse"), banned.body());
        Http.post(URI.create(sandbox.baseUrl() + "sandbox/bans/lift"), "x", "1");
        sandbox.setFaults(pid, FaultPlan.none());
        assertEquals(List.of("200"), statuses(1));
    }

    @Test
    void latencyAndUploadFailures() {
        sandbox.setFaults(pid, FaultPlan.none().withLatency(Duration.ofMillis(300)).withUploadFailureShare(1));
        long start = System.nanoTime();
        statuses(1);
        assertTrue(System.nanoTime() - start >= 300_000_000L);
        HttpResponse<String> up = Http.multipart(sandbox.apiUrl(), Map.of("token", token, "content", "fileRepository", "action", "import",
                "returnFormat", "json"), "a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8));
        assertEquals(500, up.statusCode());
        assertEquals("{\"error\":\"The file could not be uploaded because of a server error. Please try again.\"}", up.body());
    }

    @Test
    void adminEndpointSetsPlanAndPlansValidate() {
        HttpResponse<String> r = Http.post(URI.create(sandbox.baseUrl() + "sandbox/projects/" + pid + "/faults"), "seed", "1",
                "server_error_share", "1");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1.0, sandbox.faults(pid).serverErrorShare());
        assertNotEquals("200", statuses(1).get(0));
        assertThrows(IllegalArgumentException.class, () -> FaultPlan.none().withHtmlShare(1.5));
    }
}
