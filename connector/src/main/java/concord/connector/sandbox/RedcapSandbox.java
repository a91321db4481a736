package concord.connector.sandbox;

import com.sun.net.httpserver.HttpServer;
import concord.connector.sandbox.internal.AdminHandler;
import concord.connector.sandbox.internal.ApiHandler;
import concord.connector.sandbox.internal.Dictionary;
import concord.connector.sandbox.internal.DictionaryCsvReader;
import concord.connector.sandbox.internal.FormSaver;
import concord.connector.sandbox.internal.ProjectData;
import concord.connector.sandbox.internal.SandboxState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An in-process REDCap: serves REDCap's API at {@code /api/} over real HTTP with REDCap's formats, status codes
 * and error texts, fires Data Entry Triggers on form saves, validates bookmark authkeys and injects faults on
 * request. A test harness and a demo server, like OkHttp's MockWebServer; never a place for real data.
 *
 * <pre>{@code
 * try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
 *     int pid = sandbox.addProject(SandboxProject.fromOdm(Path.of("project.xml")));
 *     String token = sandbox.createToken(pid, SandboxUser.withAllRights("alice"));
 *     URI api = sandbox.apiUrl();   // http://127.0.0.1:<port>/api/
 * }
 * }</pre>
 *
 * Admin endpoints for scripts and demos live under {@code /sandbox/} (see {@code docs/sandbox.md}); like the
 * whole sandbox they are unauthenticated, so the default bind address is the loopback interface.
 */
public final class RedcapSandbox implements AutoCloseable {
    /** Where the CLBPOQ demo project is on the classpath (copied there from {@code deploy/redcap}). */
    public static final String DEMO_RESOURCE_DIR = "concord/demo/";

    static {
        // Large answers (record batches) are streamed in chunks. Without TCP_NODELAY the JDK server's last small chunk
        // waits for the client's delayed ACK (Nagle), up to 40 ms per answer: that, not the work, bounded batched
        // exports. The JDK reads this property once, when its first HTTP server starts; an explicit setting wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder config;
    private final SandboxState state;
    private HttpServer server;
    private ExecutorService executor;

    private RedcapSandbox(Builder config) {
        this.config = config;
        this.state = new SandboxState(config.redcapVersion);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns this sandbox. */
    public synchronized RedcapSandbox start() {
        if (server != null) {
            throw new IllegalStateException("The sandbox is already running at " + apiUrl());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(config.host, config.port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + config.host + ":" + config.port + " (" + e.getMessage()
                    + "); pick another port or 0 for any free one.", e);
        }
        executor = Executors.newFixedThreadPool(config.threads, r -> {
            Thread t = new Thread(r, "redcap-sandbox");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/api/", new ApiHandler(state));
        server.createContext("/sandbox/", new AdminHandler(state));
        server.start();
        state.setBaseUrl("http://" + hostForUrl() + ":" + server.getAddress().getPort() + "/");
        return this;
    }

    private String hostForUrl() {
        String h = config.host;
        return h.contains(":") ? "[" + h + "]" : h;
    }

    /** The API endpoint, e.g. {@code http://127.0.0.1:8089/api/}. */
    public URI apiUrl() {
        return URI.create(baseUrl() + "api/");
    }

    /** The REDCap home URL, sent as {@code redcap_url} in Data Entry Triggers. */
    public URI baseUrl() {
        if (server == null) {
            throw new IllegalStateException("Start the sandbox first.");
        }
        return URI.create(state.baseUrl());
    }

    public int port() {
        return baseUrl().getPort();
    }

    public String redcapVersion() {
        return state.redcapVersion();
    }

    /** Adds a project and returns its project id. */
    public int addProject(SandboxProject project) {
        return state.addProject(project.data());
    }

    public SandboxProject project(int projectId) {
        return SandboxProject.wrap(state.project(projectId));
    }

    /** Ids of all projects. */
    public List<Integer> projectIds() {
        return state.projects().keySet().stream().sorted().toList();
    }

    /** A new API token (32 upper-case hex characters) for the user in the project. Never logged. */
    public String createToken(int projectId, SandboxUser user) {
        return state.createToken(projectId, user);
    }

    /** Registers a token of your choosing (32 hex characters), e.g. a fixed one for a demo script. */
    public void registerToken(int projectId, SandboxUser user, String token) {
        state.registerToken(projectId, user, token);
    }

    public boolean revokeToken(String token) {
        return state.revokeToken(token);
    }

    /** A bookmark authkey for the user in the project, as REDCap posts to a bookmark's target. */
    public String issueAuthkey(int projectId, SandboxUser user) {
        return state.issueAuthkey(projectId, user);
    }

    /** Replaces the project's fault plan (the fault sequence restarts from the plan's seed). */
    public void setFaults(int projectId, FaultPlan plan) {
        state.setFaults(projectId, plan);
    }

    public FaultPlan faults(int projectId) {
        return state.faults(projectId).plan();
    }

    /** Lifts every IP ban of the rate limiter. */
    public void liftBans() {
        state.liftBans();
    }

    /**
     * Replaces the project's data dictionary with a data dictionary CSV, as a designer's upload on REDCap's Data
     * Dictionary page does: fields, labels, choices and annotations change; stored values stay with their fields,
     * and values of fields the new dictionary lacks are dropped.
     */
    public void replaceDataDictionary(int projectId, String dictionaryCsv) {
        ProjectData project = state.project(projectId);
        Dictionary dictionary = DictionaryCsvReader.read(dictionaryCsv, "the new data dictionary of project " + projectId);
        project.lock().writeLock().lock();
        try {
            project.replaceDictionary(dictionary);
        } finally {
            project.lock().writeLock().unlock();
        }
    }

    /** Sets the URL the project's Data Entry Trigger posts to (null: off). */
    public void setDataEntryTrigger(int projectId, URI url) {
        state.project(projectId).setDataEntryTriggerUrl(url);
    }

    /**
     * Saves a form as a user in REDCap's data-entry page would, then fires the Data Entry Trigger.
     *
     * @return the trigger receiver's HTTP status; empty if no trigger is set or the POST failed (REDCap ignores both)
     */
    public OptionalInt saveForm(int projectId, FormSave save) {
        return FormSaver.save(state, state.project(projectId), save);
    }

    /**
     * Adds the CLBPOQ demo project from the classpath ({@code concord/demo/clbpoq-project.xml}, else
     * {@code clbpoq-dictionary.csv} with {@code clbpoq-records.csv}) and returns its project id.
     */
    public int seedDemoProject() {
        return seedDemoProject("en");
    }

    /**
     * Adds the CLBPOQ demo project with its labels in a language: {@code en} as {@link #seedDemoProject()},
     * {@code zh} from {@code clbpoq-project-zh.xml} (Simplified Chinese labels, the same fields and records).
     */
    public int seedDemoProject(String language) {
        if ("zh".equals(language)) {
            byte[] zh = resource("clbpoq-project-zh.xml");
            if (zh == null) {
                throw new IllegalStateException("The Chinese CLBPOQ demo project is not on the classpath: expected "
                        + DEMO_RESOURCE_DIR + "clbpoq-project-zh.xml (copied from deploy/redcap by the connector build)");
            }
            return addProject(SandboxProject.fromOdm(zh, DEMO_RESOURCE_DIR + "clbpoq-project-zh.xml"));
        }
        if (!"en".equals(language)) {
            throw new IllegalArgumentException("The CLBPOQ demo project exists in en and zh, not '" + language + "'");
        }
        byte[] xml = resource("clbpoq-project.xml");
        if (xml != null) {
            return addProject(SandboxProject.fromOdm(xml, DEMO_RESOURCE_DIR + "clbpoq-project.xml"));
        }
        byte[] dictionary = resource("clbpoq-dictionary.csv");
        if (dictionary == null) {
            throw new IllegalStateException("The CLBPOQ demo project is not on the classpath: expected " + DEMO_RESOURCE_DIR
                    + "clbpoq-project.xml or " + DEMO_RESOURCE_DIR + "clbpoq-dictionary.csv (copied from deploy/redcap by the connector build);"
                    + " rebuild the connector module after adding the files to deploy/redcap.");
        }
        byte[] records = resource("clbpoq-records.csv");
        return addProject(SandboxProject.fromDictionaryCsv("CLBPOQ demo", new String(dictionary, StandardCharsets.UTF_8),
                records == null ? null : new String(records, StandardCharsets.UTF_8)));
    }

    /**
     * Seeds the three-round CLBPOQ Delphi demo ({@code deploy/redcap/clbpoq-delphi-project.xml}): a longitudinal project
     * with the events {@code round_1_arm_1} … {@code round_3_arm_1}, participants dropping out by round 3, and the
     * {@code delphi_feedback} instrument (a file field per round, an {@code fb_<outcome>} text field per outcome).
     */
    public int seedDelphiDemoProject() {
        byte[] xml = resource("clbpoq-delphi-project.xml");
        if (xml == null) {
            throw new IllegalStateException("The CLBPOQ Delphi demo project is not on the classpath: expected " + DEMO_RESOURCE_DIR
                    + "clbpoq-delphi-project.xml (copied from deploy/redcap by the connector build); rebuild the connector module.");
        }
        return addProject(SandboxProject.fromOdm(xml, DEMO_RESOURCE_DIR + "clbpoq-delphi-project.xml"));
    }

    private static byte[] resource(String name) {
        try (InputStream in = RedcapSandbox.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE_DIR + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DEMO_RESOURCE_DIR + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    @Override
    public String toString() {
        return "RedcapSandbox[" + (server == null ? "stopped" : state.baseUrl()) + ", REDCap " + state.redcapVersion() + "]";
    }

    /** Sandbox settings. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private String redcapVersion = "14.5.3";
        private int threads = 8;

        private Builder() {
        }

        /** Bind address; the default is the loopback interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The version {@code content=version} reports (three numbers and two dots). */
        public Builder redcapVersion(String version) {
            if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
                throw new IllegalArgumentException("A REDCap version has three numbers and two dots, e.g. 14.5.3; was " + version);
            }
            this.redcapVersion = version;
            return this;
        }

        /** Request threads; concurrent requests beyond this wait. */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        public RedcapSandbox build() {
            return new RedcapSandbox(this);
        }
    }
}
