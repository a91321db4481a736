package concord.connector.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * A deliberately minimal REDCap for {@link ExportBenchmark}: every answer the client's export needs
 * (metadata, the record-ID list, each batch) is rendered once at start and then only copied to the
 * socket, so the measured rate is the client's ceiling rather than the server's. Run in its own JVM;
 * prints {@code READY <api url> <token>} and serves until its standard input closes.
 */
public final class BenchReplayServer {

    private BenchReplayServer() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        int ratingFields = Integer.parseInt(args[1]);
        int batchSize = Integer.parseInt(args[2]);
        Map<String, byte[]> batches = new HashMap<>();
        Random random = new Random(2024);
        StringBuilder ids = new StringBuilder("[");
        for (int first = 1; first <= records; first += batchSize) {
            StringBuilder json = new StringBuilder("[");
            StringBuilder key = new StringBuilder();
            for (int r = first; r < first + batchSize && r <= records; r++) {
                key.append(key.length() > 0 ? "," : "").append(r);
                ids.append(ids.length() > 1 ? "," : "").append("{\"record_id\":\"").append(r).append("\"}");
                json.append(json.length() > 1 ? "," : "").append("{\"record_id\":\"").append(r)
                        .append("\",\"group\":\"").append(1 + random.nextInt(3)).append("\",\"participant_complete\":\"2\"");
                for (int q = 1; q <= ratingFields; q++) {
                    json.append(",\"q").append(q).append("\":\"").append(1 + random.nextInt(9)).append('"');
                }
                json.append(",\"ratings_complete\":\"2\"}");
            }
            batches.put(key.toString(), json.append(']').toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] idList = ids.append(']').toString().getBytes(StandardCharsets.UTF_8);
        byte[] metadata = metadata(ratingFields);

        System.setProperty("sun.net.httpserver.nodelay", "true"); // as RedcapSandbox does: no Nagle delay on the last packet
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/", exchange -> {
            Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = switch (form.getOrDefault("content", "")) {
                case "metadata" -> metadata;
                case "record" -> form.containsKey("records") ? batches.get(form.get("records")) : idList;
                default -> null;
            };
            send(exchange, answer);
        });
        server.start();
        System.out.println("READY http://127.0.0.1:" + server.getAddress().getPort() + "/api/ " + BenchSandboxServer.TOKEN);
        System.out.flush();
        while (System.in.read() != -1) {
            // serve until the benchmark closes our stdin
        }
        server.stop(0);
        System.exit(0);
    }

    private static void send(HttpExchange exchange, byte[] body) throws IOException {
        byte[] out = body != null ? body : "{\"error\":\"not replayed\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(body != null ? 200 : 400, out.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
        }
    }

    private static byte[] metadata(int ratingFields) {
        StringBuilder json = new StringBuilder("[").append(field("record_id", "participant", "text", ""))
                .append(',').append(field("group", "participant", "radio", "1, Patient | 2, Clinician | 3, Researcher"));
        for (int q = 1; q <= ratingFields; q++) {
            json.append(',').append(field("q" + q, "ratings", "radio", "1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9"));
        }
        return json.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String field(String name, String form, String type, String choices) {
        return "{\"field_name\":\"" + name + "\",\"form_name\":\"" + form + "\",\"field_type\":\"" + type
                + "\",\"field_label\":\"" + name + "\",\"select_choices_or_calculations\":\"" + choices + "\"}";
    }

    private static Map<String, String> decode(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
