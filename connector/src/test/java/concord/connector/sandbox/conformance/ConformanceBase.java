package concord.connector.sandbox.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import concord.connector.sandbox.RedcapSandbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One sandbox per client suite, a fresh {@link ConformanceProject} per case, and the checks every suite uses. */
abstract class ConformanceBase {
    static RedcapSandbox sandbox;
    ConformanceProject p;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void project() {
        p = new ConformanceProject(sandbox);
    }

    ClientCall.Answer send(ClientCall call) {
        return call.send(p.api());
    }

    /** Status and media type (REDCap sends {@code <type>; charset=utf-8} for text answers). */
    static void assertAnswer(ClientCall.Answer a, int status, String mediaType) {
        assertEquals(status, a.status(), a.toString());
        assertTrue(a.contentType().startsWith(mediaType), "Content-Type " + a.contentType() + " for " + a);
    }

    /** A JSON error body {@code {"error": "…"}} with REDCap's status. */
    static void assertJsonError(ClientCall.Answer a, int status, String message) {
        assertAnswer(a, status, "application/json");
        assertEquals(message, a.json().get("error").asText(), a.toString());
    }

    static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static List<String> column(List<Map<String, String>> rows, String field) {
        return rows.stream().map(r -> r.get(field)).toList();
    }

    /** The project's rows for a record as a plain JSON export shows them. */
    List<Map<String, String>> exported(String record) {
        ClientCall.Answer a = send(ClientCall.of(ClientCall.Wire.FORM_PLUS, "token", p.token, "content", "record", "format", "csv",
                "records", record));
        assertAnswer(a, 200, "text/csv");
        return a.csv();
    }
}
