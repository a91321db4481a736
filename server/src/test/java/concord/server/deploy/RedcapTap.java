package concord.server.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP forwarder between a Concord process and the sandbox that numbers the REDCap API calls
 * and lets a test act at an exact point: its hook runs after the sandbox has answered call n and
 * <em>before</em> the answer is relayed, so a process killed there never learns that REDCap did the work
 * (e.g. stored an uploaded file).
 */
final class RedcapTap implements AutoCloseable {
    /** One API call: its number since the tap was last armed and what it asked REDCap for. */
    record Call(int index, String kind) {
    }

    /** Runs on the forwarding thread while the answer is held back. */
    @FunctionalInterface
    interface Hook {
        void answered(Call call) throws Exception;
    }

    private static final Pattern FORM = Pattern.compile("(?:^|&)(content|action)=([A-Za-z]+)");
    private static final Pattern MULTIPART = Pattern.compile("name=\"(content|action)\"\\r?\\n(?:[^\\r\\n]+\\r?\\n)*\\r?\\n([A-Za-z]+)");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI target;
    private final AtomicInteger calls = new AtomicInteger();
    private volatile Hook hook = call -> { };

    RedcapTap(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getPath());
    }

    /** Numbers calls from 1 again and runs {@code hook} after each is answered. */
    void arm(Hook hook) {
        calls.set(0);
        this.hook = hook;
    }

    /** Calls since the last {@link #arm}. */
    int calls() {
        return calls.get();
    }

    void disarm() {
        hook = call -> { };
    }

    private void forward(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            String type = x.getRequestHeaders().getFirst("Content-Type");
            HttpRequest.Builder b = HttpRequest.newBuilder(target).method(x.getRequestMethod(),
                    HttpRequest.BodyPublishers.ofByteArray(body));
            if (type != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            Call call = new Call(calls.incrementAndGet(), kind(body, type));
            try {
                hook.answered(call);
            } catch (Exception e) {
                throw new IOException("hook failed at " + call, e);
            }
            r.headers().firstValue("Content-Type").ifPresent(v -> x.getResponseHeaders().add("Content-Type", v));
            x.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(r.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** {@code record/export}, {@code fileRepository/import}, {@code version}, … from the form fields. */
    static String kind(byte[] body, String contentType) {
        // Uploads are multipart with the file last: the form fields sit in the first few kilobytes.
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = (contentType != null && contentType.startsWith("multipart") ? MULTIPART : FORM).matcher(head);
        String content = "?";
        String action = null;
        while (m.find()) {
            if (m.group(1).equals("content")) {
                content = m.group(2);
            } else {
                action = m.group(2);
            }
        }
        return action == null ? content : content + "/" + action;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
