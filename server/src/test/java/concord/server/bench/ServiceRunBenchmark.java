package concord.server.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole service runs as a user gets them, claim to published, over real HTTP: an in-process REDCap sandbox
 * (this JVM) and the real {@code concord.jar} as a child process configured as {@code concord.jar demo}
 * configures itself (docs/service.md, "Where a run's time goes"). Each run is started through the admin API,
 * followed through {@code GET /runs/{id}} and broken down by the run's recorded {@code stageMillis}; the child's
 * peak RSS is reset before each run ({@code /proc/PID/clear_refs}) and read after it ({@code VmHWM}).
 *
 * <pre>
 * java -cp ... concord.server.bench.ServiceRunBenchmark JAR demo [WARM_RUNS] [WORK_DIR]
 * java -cp ... concord.server.bench.ServiceRunBenchmark JAR records RECORDS.csv [WORK_DIR]
 * </pre>
 * {@code demo}: the 56-record CLBPOQ demo project, a cold run, WARM_RUNS runs each after one rating changed
 * through the API, then one run on unchanged data. {@code records}: the demo project's design with its records
 * replaced by a generated record export (bench/generate_records.py) through the API's record delete and import
 * (not timed), then one run rendering every format.
 */
public final class ServiceRunBenchmark {
    private static final String PROJECT = "clbpoq";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[][] PHASES = {
            {"CLAIMED", "READING_METADATA"}, {"READING_RECORDS"}, {"ANALYSING"}, {"RENDERING"}, {"PUBLISHING"}};
    private static final String FORMAT = "%-27s %-10s %8s %8s %8s %8s %8s %8s %8s %8s %9s %5s%n";

    private ServiceRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        boolean demo = args[1].equals("demo");
        int warm = demo && args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Path.of(args.length > 3 ? args[3] : "/tmp/concord-bench");
        Files.createDirectories(dir);
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            long seedStart = System.nanoTime();
            int pid = sandbox.seedDemoProject();
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("concord_bench"));
            if (!demo) {
                replaceRecords(sandbox, pid, token, Path.of(args[2]));
            }
            System.out.printf("REDCap sandbox (this JVM): project %d, %d records seeded in %.1f s (not timed below)%n", pid,
                    sandbox.project(pid).recordCount(), (System.nanoTime() - seedStart) / 1e9);
            try (Service service = Service.start(jar, dir, config(sandbox, pid, token))) {
                System.out.printf("concord.jar (pid %d) ready in %.1f s, peak RSS %d MB%n", service.process.pid(),
                        service.startSeconds, service.peakRssMb());
                System.out.println("Per phase in seconds, from the run's stageMillis: claim+metadata, records exported,"
                        + " analysed, rendered, published;");
                System.out.println("run = claim to executor done (startedAt..finishedAt); wall = POST /runs to SUCCEEDED seen;"
                        + " RSS = the jar's peak during the run; load = 1-min load average at the start.");
                System.out.printf(FORMAT, "run", "outcome", "records", "meta", "export", "analyse", "render", "publish",
                        "run", "wall", "RSS (MB)", "load");
                if (demo) {
                    runDemo(sandbox, pid, token, service, warm);
                } else {
                    report("100k: one run, all formats", service.run());
                }
                System.out.printf("concord.jar log: %s%n", service.log);
            }
        }
    }

    private static void runDemo(RedcapSandbox sandbox, int pid, String token, Service service, int warm) throws Exception {
        report("cold (first run)", service.run());
        String record = sandbox.project(pid).recordIds().get(0);
        String field = "laboratory_exam";
        for (int i = 1; i <= warm; i++) {
            String current = sandbox.project(pid).values(record).get(field);
            String next = String.valueOf(current == null || current.isEmpty() ? 1 : Integer.parseInt(current) % 9 + 1);
            importValue(sandbox.apiUrl(), token, record, field, next);
            report("warm " + i + " (1 rating changed)", service.run());
        }
        report("unchanged data", service.run());
    }

    private static Map<String, String> config(RedcapSandbox sandbox, int pid, String token) throws IOException {
        String p = "concord.projects." + PROJECT + ".";
        Map<String, String> props = new java.util.LinkedHashMap<>();
        props.put("micronaut.server.port", String.valueOf(freePort()));
        props.put("datasources.default.url", "jdbc:h2:mem:concord-bench;DB_CLOSE_DELAY=-1");
        props.put("concord.admin.tokens", Service.ADMIN_TOKEN);
        props.put("concord.runs.debounce", "5s");
        props.put("concord.runs.max-wait", "1m");
        props.put("concord.redcap.inter-batch-pause", "50ms");
        props.put(p + "api-url", sandbox.apiUrl().toString());
        props.put(p + "token", token);
        props.put(p + "redcap-project-id", String.valueOf(pid));
        props.put(p + "group-field", "group");
        props.put(p + "demographic-fields", "age,sex");
        props.put(p + "publish.results", "RECORD");
        props.put(p + "publish.results-record", "concord-results");
        props.put(p + "publish.pdf-field", "concord_report_pdf");
        props.put("concord.web.secure-cookie", "false");
        return props;
    }

    /** The demo project's records deleted, then the generated export imported in chunks, all through the API. */
    private static void replaceRecords(RedcapSandbox sandbox, int pid, String token, Path recordsCsv) throws Exception {
        Map<String, String> delete = new java.util.LinkedHashMap<>(Map.of("token", token, "content", "record",
                "action", "delete"));
        List<String> ids = sandbox.project(pid).recordIds();
        for (int i = 0; i < ids.size(); i++) {
            delete.put("records[" + i + "]", ids.get(i));
        }
        post(sandbox.apiUrl(), delete);
        List<String> lines = Files.readAllLines(recordsCsv);
        for (int from = 1; from < lines.size(); from += 5000) {
            String chunk = lines.get(0) + "\n" + String.join("\n", lines.subList(from, Math.min(lines.size(), from + 5000))) + "\n";
            post(sandbox.apiUrl(), Map.of("token", token, "content", "record", "format", "csv", "type", "flat",
                    "overwriteBehavior", "normal", "data", chunk));
        }
    }

    /** One changed value through REDCap's record import, as a data entry person's save would change it. */
    private static void importValue(URI api, String token, String record, String field, String value) throws Exception {
        post(api, Map.of("token", token, "content", "record", "format", "csv", "type", "flat",
                "overwriteBehavior", "normal", "data", "record_id," + field + "\n" + record + "," + value + "\n"));
    }

    private static void post(URI api, Map<String, String> fields) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(api).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            String body = r.body();
            throw new IllegalStateException("REDCap API " + fields.get("content") + " call failed: " + r.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
    }

    private static void report(String label, Result r) {
        JsonNode stages = r.run.path("stageMillis");
        List<String> cells = new ArrayList<>();
        for (String[] phase : PHASES) {
            long ms = 0;
            boolean reached = false;
            for (String stage : phase) {
                if (stages.has(stage)) {
                    ms += stages.get(stage).asLong();
                    reached = true;
                }
            }
            cells.add(reached ? String.format("%.2f", ms / 1e3) : "-");
        }
        double runSeconds = Duration.between(Instant.parse(r.run.path("startedAt").asText()),
                Instant.parse(r.run.path("finishedAt").asText())).toMillis() / 1e3;
        System.out.printf(FORMAT, label, r.run.path("outcome").asText(r.run.path("status").asText()),
                r.run.path("recordCount").asText("-"), cells.get(0), cells.get(1), cells.get(2), cells.get(3), cells.get(4),
                String.format("%.2f", runSeconds), String.format("%.2f", r.wallSeconds), r.rssMb, r.load);
    }

    private static String form(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(JsonNode run, double wallSeconds, long rssMb, String load) {
    }

    /** The real concord.jar as a child process, configured by system properties, its output in a log file. */
    private static final class Service implements AutoCloseable {
        static final String ADMIN_TOKEN = "bench-admin-token-0123456789abcdef";
        final Process process;
        final Path log;
        final URI base;
        final double startSeconds;

        private Service(Process process, Path log, URI base, double startSeconds) {
            this.process = process;
            this.log = log;
            this.base = base;
            this.startSeconds = startSeconds;
        }

        static Service start(Path jar, Path dir, Map<String, String> props) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            String extra = System.getenv("CONCORD_BENCH_JVM_OPTS"); // e.g. -Xmx512m; none by default: what a user runs
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            props.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", jar.toString()));
            Path log = dir.resolve("service-benchmark-concord.log");
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            URI base = URI.create("http://127.0.0.1:" + props.get("micronaut.server.port") + "/");
            Service service = null;
            for (int i = 0; i < 1200 && service == null; i++) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("concord.jar exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (HTTP.send(HttpRequest.newBuilder(base.resolve("/health/readiness")).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        service = new Service(process, log, base, (System.nanoTime() - t0) / 1e9);
                    }
                } catch (IOException e) {
                    Thread.sleep(100); // not listening yet
                }
            }
            if (service == null) {
                process.destroyForcibly();
                throw new IllegalStateException("concord.jar was not ready within two minutes; see " + log);
            }
            return service;
        }

        /** Starts a run through the admin API and waits for it: the wall time a user sees. */
        Result run() throws Exception {
            resetPeakRss();
            String load = load();
            long t0 = System.nanoTime();
            JsonNode queued = JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/projects/" + PROJECT + "/runs"))
                    .POST(HttpRequest.BodyPublishers.noBody())));
            long id = queued.path("id").asLong();
            long until = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (System.nanoTime() < until) {
                JsonNode run = JSON.readTree(send(HttpRequest.newBuilder(base.resolve("/runs/" + id)).GET()));
                String status = run.path("status").asText();
                if (status.equals("SUCCEEDED")) {
                    return new Result(run, (System.nanoTime() - t0) / 1e9, peakRssMb(), load);
                }
                if (status.equals("FAILED")) {
                    throw new IllegalStateException("run " + id + " failed: " + run.path("errorMessage").asText());
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("run " + id + " did not finish within 30 minutes");
        }

        private String send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> r = HTTP.send(request.header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
            return r.body();
        }

        /** Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to its current RSS. */
        private void resetPeakRss() {
            try {
                Files.writeString(Path.of("/proc/" + process.pid() + "/clear_refs"), "5");
            } catch (IOException e) {
                System.out.println("(cannot reset the peak RSS: " + e.getMessage() + "; RSS is the peak since start)");
            }
        }

        long peakRssMb() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
            return -1;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
