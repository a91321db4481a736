package concord.connector.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer that plays REDCap: canned answers in, recorded form-encoded requests out. */
public final class MockRedcap implements AutoCloseable {

    public static final String TOKEN = "0123456789ABCDEF0123456789ABCDEF";

    private final MockWebServer server = new MockWebServer();
    /** Waits the client asked for (back-off and pacing), recorded instead of slept. */
    public final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    public MockRedcap() {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI apiUrl() {
        return server.url("/redcap/api/").uri();
    }

    public MockRedcap json(String body) {
        return respond(200, "application/json; charset=utf-8", body);
    }

    public MockRedcap text(int status, String body) {
        return respond(status, "text/html; charset=utf-8", body);
    }

    public MockRedcap respond(int status, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body).build());
        return this;
    }

    public MockRedcap enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    /** An answer whose headers arrive only after {@code delay}: a read time-out for a shorter readTimeout. */
    public MockRedcap stall(Duration delay) {
        server.enqueue(new MockResponse.Builder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                .body("[]").build());
        return this;
    }

    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("the client sent no (further) request");
            }
            return r;
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next request's form parameters, in order. */
    public Map<String, String> takeForm() {
        RecordedRequest r = take();
        if (!"POST".equals(r.getMethod())) {
            throw new AssertionError("REDCap wants POST, got " + r.getMethod());
        }
        return decode(r.getBody() == null ? "" : r.getBody().utf8());
    }

    public int requestCount() {
        return server.getRequestCount();
    }

    public static Map<String, String> decode(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body.isEmpty()) {
            return form;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
