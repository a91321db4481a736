package concord.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Drives Debian's headless Chromium through chromedriver's W3C WebDriver HTTP API with the JDK HTTP
 * client: no Selenium, so nothing tries to download a driver. Chromium comes from
 * {@code CONCORD_TEST_CHROMIUM} (else {@code /usr/bin/chromium}), the driver from
 * {@code CONCORD_TEST_CHROMEDRIVER} (else {@code /usr/bin/chromedriver}).
 */
public final class ChromeDriverSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final Path profile;
    private final URI base;
    private final String sessionId;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ChromeDriverSession(Process driver, Path profile, URI base) throws IOException, InterruptedException {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        ObjectNode options = JSON.createObjectNode();
        options.put("binary", chromium().orElseThrow().toString());
        options.putPOJO("args", List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile));
        ObjectNode always = JSON.createObjectNode().put("browserName", "chrome");
        always.set("goog:chromeOptions", options);
        ObjectNode capabilities = JSON.createObjectNode();
        capabilities.putObject("capabilities").set("alwaysMatch", always);
        this.sessionId = call("POST", "/session", capabilities).get("sessionId").asText();
    }

    /** The Chromium binary, when this machine has one. */
    public static Optional<Path> chromium() {
        String configured = System.getenv("CONCORD_TEST_CHROMIUM");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    public static Optional<Path> chromedriver() {
        String configured = System.getenv("CONCORD_TEST_CHROMEDRIVER");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromedriver" : configured);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /** Which Debian packages are missing, exactly: {@code chromium} for the browser, {@code chromium-driver} for chromedriver. */
    public static String skipMessage() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (chromium().isEmpty()) {
            missing.add("chromium");
        }
        if (chromedriver().isEmpty()) {
            missing.add("chromium-driver");
        }
        if (missing.isEmpty()) {
            missing = java.util.List.of("chromium", "chromium-driver");
        }
        return "Browser test skipped: no Chromium at " + Optional.ofNullable(System.getenv("CONCORD_TEST_CHROMIUM")).orElse("/usr/bin/chromium")
                + " or no chromedriver at " + Optional.ofNullable(System.getenv("CONCORD_TEST_CHROMEDRIVER")).orElse("/usr/bin/chromedriver")
                + ". Install the Debian package" + (missing.size() > 1 ? "s " : " ") + String.join(" and ", missing)
                + ": apt-get install -y " + String.join(" ", missing) + " (as root; .ci/setup-machine does it).";
    }

    /** Starts chromedriver on a free loopback port and opens a browser session with a fresh profile. */
    public static ChromeDriverSession start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path profile = Files.createTempDirectory("concord-chromium-");
        Process driver = new ProcessBuilder(chromedriver().orElseThrow().toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient probe = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            try {
                probe.send(HttpRequest.newBuilder(base.resolve("/status")).build(), HttpResponse.BodyHandlers.discarding());
                break;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline) || !driver.isAlive()) {
                    driver.destroy();
                    throw new IOException("chromedriver did not start on port " + port, notYet);
                }
                Thread.sleep(100);
            }
        }
        try {
            return new ChromeDriverSession(driver, profile, base);
        } catch (IOException | RuntimeException e) {
            driver.destroy();
            throw e;
        }
    }

    public void open(String url) throws IOException, InterruptedException {
        call("POST", path("/url"), JSON.createObjectNode().put("url", url));
    }

    public String currentUrl() throws IOException, InterruptedException {
        return call("GET", path("/url"), null).asText();
    }

    public String source() throws IOException, InterruptedException {
        return call("GET", path("/source"), null).asText();
    }

    public String title() throws IOException, InterruptedException {
        return call("GET", path("/title"), null).asText();
    }

    /** Clicks the first element matching the CSS selector. */
    public void click(String css) throws IOException, InterruptedException {
        JsonNode element = call("POST", path("/element"), JSON.createObjectNode().put("using", "css selector").put("value", css));
        call("POST", path("/element/" + element.get(ELEMENT).asText() + "/click"), JSON.createObjectNode());
    }

    /** The visible text of the first element matching the CSS selector. */
    public String text(String css) throws IOException, InterruptedException {
        JsonNode element = call("POST", path("/element"), JSON.createObjectNode().put("using", "css selector").put("value", css));
        return call("GET", path("/element/" + element.get(ELEMENT).asText() + "/text"), null).asText();
    }

    public void windowSize(int width, int height) throws IOException, InterruptedException {
        call("POST", path("/window/rect"), JSON.createObjectNode().put("width", width).put("height", height));
    }

    /** Evaluates a script in the page (used only to measure the page height for a full screenshot). */
    public JsonNode script(String body) throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode().put("script", body);
        request.putArray("args");
        return call("POST", path("/execute/sync"), request);
    }

    public void screenshot(Path file) throws IOException, InterruptedException {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(call("GET", path("/screenshot"), null).asText()));
    }

    private String path(String suffix) {
        return "/session/" + sessionId + suffix;
    }

    private JsonNode call(String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IOException("WebDriver " + method + " " + path + " answered " + response.statusCode() + ": "
                    + value.path("error").asText() + " " + value.path("message").asText());
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        try {
            call("DELETE", "/session/" + sessionId, null);
        } catch (IOException | InterruptedException ignored) {
            // the driver is stopped below anyway
        } finally {
            driver.destroy();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
