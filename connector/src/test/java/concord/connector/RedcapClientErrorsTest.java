package concord.connector;

import static concord.connector.support.MockRedcap.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.support.MockRedcap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Failure classification, retries with back-off, time-outs and token redaction. */
class RedcapClientErrorsTest {

    private final MockRedcap redcap = new MockRedcap();
    private final RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(redcap.apiUrl(), TOKEN)
            .withRetryPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3))), redcap.sleeps::add);

    @AfterEach
    void close() throws Exception {
        client.close();
        redcap.close();
    }

    @Test
    void serverErrorsAreRetriedWithCappedExponentialBackoff() {
        redcap.text(503, "Service Unavailable").text(502, "Bad Gateway").text(500, "ERROR: boom").json("[]");
        assertEquals(List.of(), client.instruments());
        assertEquals(4, redcap.requestCount());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)), redcap.sleeps);
    }

    @Test
    void giveUpAfterMaxAttemptsWithTheLastFailure() {
        for (int i = 0; i < 4; i++) {
            redcap.respond(500, "text/csv", "ERROR: Something went wrong");
        }
        RedcapServerException e = assertThrows(RedcapServerException.class, client::instruments);
        assertEquals(500, e.httpStatus());
        assertEquals("Something went wrong", e.redcapMessage());
        assertTrue(e.getMessage().contains("\"Something went wrong\""), e.getMessage());
        assertEquals(4, redcap.requestCount());
        assertEquals(3, redcap.sleeps.size());
    }

    @Test
    void requestTimeout408IsRetried() {
        redcap.text(408, "Request Timeout").json("[]");
        client.instruments();
        assertEquals(2, redcap.requestCount());
    }

    @Test
    void htmlInsteadOfJsonIsRetriedThenReported() {
        String page = "<!DOCTYPE html><html><head><title>REDCap is offline for maintenance</title></head><body>Back soon</body></html>";
        for (int i = 0; i < 4; i++) {
            redcap.text(200, page);
        }
        RedcapHtmlResponseException e = assertThrows(RedcapHtmlResponseException.class, client::instruments);
        assertTrue(e.getMessage().contains("REDCap is offline for maintenance"), e.getMessage());
        assertTrue(e.getMessage().contains("HTML page"), e.getMessage());
        assertEquals(4, redcap.requestCount());
    }

    @Test
    void badTokenIsAccessDeniedAndNotRetried() {
        redcap.respond(403, "application/json", "{\"error\":\"You do not have permissions to use the API\"}");
        RedcapAccessDeniedException e = assertThrows(RedcapAccessDeniedException.class, client::metadata);
        assertEquals(403, e.httpStatus());
        assertEquals("You do not have permissions to use the API", e.redcapMessage());
        assertTrue(e.getMessage().contains("API"), e.getMessage());
        assertEquals(1, redcap.requestCount());
        assertTrue(redcap.sleeps.isEmpty());
    }

    @Test
    void invalidFieldIsNotRetried() {
        redcap.respond(400, "application/json",
                "{\"error\":\"The following values in the parameter \\\"fields\\\" are not valid: 'x'\"}");
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class, client::instruments);
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertEquals(1, redcap.requestCount());
    }

    @Test
    void xmlErrorShapeIsUnderstood() {
        redcap.respond(501, "text/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>The requested method "
                + "is not implemented.</error></hash>");
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class, client::instruments);
        assertEquals("The requested method is not implemented.", e.redcapMessage());
        assertEquals(1, redcap.requestCount());
    }

    @Test
    void errorInsideA200IsStillAnError() {
        redcap.json("{\"error\":\"You cannot export arms for classic projects\"}");
        assertEquals(List.of(), client.arms());
        redcap.json("{\"error\":\"Invalid record\"}");
        assertThrows(RedcapInvalidRequestException.class, client::instruments);
    }

    @Test
    void banIsNeverRetried() {
        redcap.text(403, "<html><body>Your IP address (10.0.0.1) has been banned due to suspected abuse.</body></html>");
        RedcapBannedException e = assertThrows(RedcapBannedException.class, client::instruments);
        assertTrue(e.getMessage().contains("administrator"), e.getMessage());
        assertFalse(e.transientFailure());
        assertEquals(1, redcap.requestCount());
        assertTrue(redcap.sleeps.isEmpty());
    }

    @Test
    void banTextInA200IsStillABan() {
        redcap.text(200, "The IP address 10.0.0.1 has been banned due to suspected abuse");
        assertThrows(RedcapBannedException.class, client::version);
        assertEquals(1, redcap.requestCount());
    }

    @Test
    void outOfMemoryIsNotRetried() {
        redcap.respond(500, "text/csv", "ERROR: REDCap ran out of server memory. The request cannot be processed. "
                + "Please try importing/exporting a smaller amount of data.");
        RedcapOutOfMemoryException e = assertThrows(RedcapOutOfMemoryException.class, client::instruments);
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        assertEquals(1, redcap.requestCount());
    }

    @Test
    void redirectsAreReportedNotFollowed() {
        redcap.enqueue(new MockResponse.Builder().code(301).setHeader("Location", "https://redcap.example.org/api/").build());
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class, client::version);
        assertTrue(e.getMessage().contains("https://redcap.example.org/api/"), e.getMessage());
        assertEquals(1, redcap.requestCount());
    }

    @Test
    void readTimeoutIsRetriedThenReported() throws Exception {
        try (RedcapClient impatient = RedcapClient.create(RedcapClientConfiguration.of(redcap.apiUrl(), TOKEN)
                .withReadTimeout(Duration.ofMillis(200))
                .withRetryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10))), redcap.sleeps::add)) {
            redcap.stall(Duration.ofSeconds(2)).stall(Duration.ofSeconds(2));
            RedcapTimeoutException e = assertThrows(RedcapTimeoutException.class, impatient::instruments);
            assertTrue(e.getMessage().contains("readTimeout"), e.getMessage());
            assertEquals(2, redcap.requestCount());
            assertEquals(List.of(Duration.ofMillis(10)), redcap.sleeps);
        }
    }

    @Test
    void timeoutThenSuccess() throws Exception {
        try (RedcapClient impatient = RedcapClient.create(RedcapClientConfiguration.of(redcap.apiUrl(), TOKEN)
                .withReadTimeout(Duration.ofMillis(200)), redcap.sleeps::add)) {
            redcap.stall(Duration.ofSeconds(2)).json("[{\"instrument_name\":\"a\",\"instrument_label\":\"A\"}]");
            assertEquals(1, impatient.instruments().size());
        }
    }

    @Test
    void connectionFailureIsReportedAndNotRetried() throws Exception {
        var url = redcap.apiUrl();
        redcap.close();
        try (RedcapClient orphan = RedcapClient.create(RedcapClientConfiguration.of(url, TOKEN), redcap.sleeps::add)) {
            RedcapConnectionException e = assertThrows(RedcapConnectionException.class, orphan::version);
            assertTrue(e.getMessage().contains(url.toString()), e.getMessage());
            assertTrue(redcap.sleeps.isEmpty());
        }
    }

    @Test
    void nonIdempotentRequestsAreNotRetried() {
        redcap.text(503, "Service Unavailable");
        assertThrows(RedcapServerException.class, () -> client.createFolder("reports"));
        assertEquals(1, redcap.requestCount());
    }

    @Test
    void tokenNeverAppearsInLogsMessagesOrToString() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder messages = new StringBuilder();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // REDCap (or a proxy) echoing the token back must not leak it either.
            redcap.respond(403, "application/json", "{\"error\":\"Token " + TOKEN + " is not valid\"}");
            redcap.text(500, "token=" + TOKEN.toLowerCase());
            redcap.text(500, "again");
            redcap.text(500, "and again");
            redcap.text(500, "last");
            for (int i = 0; i < 4; i++) {
                redcap.text(200, "<html><head><title>Login " + TOKEN + "</title></head></html>");
            }
            for (Runnable call : List.<Runnable>of(client::metadata, client::instruments, client::version)) {
                try {
                    call.run();
                } catch (RedcapException e) {
                    messages.append(e.getMessage()).append(e.redcapMessage());
                    for (Throwable t = e; t != null; t = t.getCause()) {
                        messages.append(t);
                    }
                }
            }
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertTrue(logs.contains("REDCap exporting instruments"), "log output was captured: " + logs);
        assertFalse(logs.toUpperCase().contains(TOKEN), logs);
        assertTrue(messages.length() > 100, messages.toString());
        assertFalse(messages.toString().toUpperCase().contains(TOKEN), messages.toString());
        assertFalse(client.toString().contains(TOKEN));
        assertFalse(client.configuration().toString().contains(TOKEN));
        assertTrue(client.configuration().toString().contains("[redacted]"));
    }

    @Test
    void exceptionsExposeWhetherRetryMakesSense() {
        assertInstanceOf(RedcapServerException.class, new RedcapOutOfMemoryException("m", 500, "", null));
        assertFalse(new RedcapOutOfMemoryException("m", 500, "", null).transientFailure());
        assertTrue(new RedcapTimeoutException("m", 0, "", null).transientFailure());
        assertFalse(new RedcapAccessDeniedException("m", 403, "", null).transientFailure());
    }
}
