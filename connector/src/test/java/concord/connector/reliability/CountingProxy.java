package concord.connector.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP forwarder in front of the sandbox that counts the requests which reach it, so a test
 * can tell how often the client really called REDCap (e.g. that a ban page was never retried).
 */
public final class CountingProxy implements AutoCloseable {
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI target;
    private final AtomicInteger requests = new AtomicInteger();

    public CountingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + target.getPath());
    }

    public int requests() {
        return requests.get();
    }

    public void reset() {
        requests.set(0);
    }

    private void forward(HttpExchange x) throws IOException {
        requests.incrementAndGet();
        try (x) {
            byte[] body = x.getRequestBody().readAllBytes();
            HttpRequest.Builder b = HttpRequest.newBuilder(target).method(x.getRequestMethod(),
                    HttpRequest.BodyPublishers.ofByteArray(body));
            String type = x.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                b.header("Content-Type", type);
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
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

    @Override
    public void close() {
        server.stop(0);
    }
}
