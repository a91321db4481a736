package concord.server.run;

import com.sun.net.httpserver.HttpServer;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RepositoryEntry;
import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole loop against the REDCap sandbox: form saves fire Data Entry Triggers at the service, the
 * triggers coalesce into a run, the run reads the project through the API and publishes into the
 * sandbox's File Repository. Then: unchanged data is not re-published, and a failing upload leaves
 * the previous report as the latest.
 */
class CoordinatorLoopTest {
    private RedcapSandbox sandbox;
    private int pid;
    private String token;
    private EmbeddedServer server;
    private HttpServer forged;
    private final AtomicInteger forgedHits = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.fromDictionaryCsv("Loop study", resource("dictionary.csv"), resource("records.csv")));
        token = sandbox.createToken(pid, SandboxUser.withAllRights("concord"));
        forged = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        forged.createContext("/", x -> {
            forgedHits.incrementAndGet();
            x.sendResponseHeaders(500, -1);
            x.close();
        });
        forged.start();

        Map<String, Object> p = new HashMap<>();
        p.put("micronaut.server.port", -1);
        p.put("datasources.default.url", "jdbc:h2:mem:loop" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        p.put("concord.runs.worker-enabled", "true");
        p.put("concord.runs.debounce", "2s");
        p.put("concord.runs.max-wait", "20s");
        p.put("concord.redcap.inter-batch-pause", "0ms");
        p.put("concord.projects.loop.api-url", sandbox.apiUrl().toString());
        p.put("concord.projects.loop.token", token);
        p.put("concord.projects.loop.redcap-project-id", String.valueOf(pid));
        p.put("concord.projects.loop.group-field", "stakeholder");
        p.put("concord.projects.loop.demographic-fields", "age,sex");
        p.put("concord.projects.loop.det-secret", "loop-secret-0123456789");
        p.put("concord.projects.loop.publish.folder", "Concord loop reports");
        server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        sandbox.setDataEntryTrigger(pid, URI.create(server.getURL() + "/redcap/det?secret=loop-secret-0123456789"));
    }

    @AfterEach
    void stop() {
        server.close();
        sandbox.close();
        forged.stop(0);
    }

    @Test
    void formSavesBecomeOneRunThatPublishesIntoTheFileRepository() throws Exception {
        for (int i = 0; i < 5; i++) {
            sandbox.saveForm(pid, FormSave.of(String.valueOf(100 + i), "ratings").withValue("pain", String.valueOf(1 + i))
                    .withValue("mood", "5").withStatus(2));
            sandbox.saveForm(pid, FormSave.of(String.valueOf(100 + i), "participant").withValue("stakeholder", "2")
                    .withStatus(2));
        }
        // A forged trigger with the right secret but a foreign redcap_url: queued, but the URL is never called.
        String forgedUrl = "http://127.0.0.1:" + forged.getAddress().getPort() + "/";
        HttpClient.create(server.getURL()).toBlocking().exchange(HttpRequest.POST("/redcap/det?secret=loop-secret-0123456789",
                Map.of("redcap_url", forgedUrl, "project_url", forgedUrl + "index.php?pid=" + pid, "project_id",
                        String.valueOf(pid), "record", "1", "instrument", "ratings"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED), String.class);

        RunRepository runs = server.getApplicationContext().getBean(RunRepository.class);
        List<Run> done = awaitRuns(runs, l -> !l.isEmpty() && l.stream().allMatch(r -> r.status().finished()));
        assertEquals(1, done.size(), "11 triggers within the debounce window coalesce into one run: " + done);
        Run run = done.get(0);
        assertEquals(RunStatus.SUCCEEDED, run.status(), run.errorMessage());
        assertEquals(RunOutcome.PUBLISHED, run.outcome());
        assertEquals(11, run.triggerCount());
        assertEquals(10, run.recordCount(), "7 seeded records − 2 without a valid group + 5 new");
        assertEquals(6, run.excludedValues());
        assertEquals(sandbox.redcapVersion(), run.redcapVersion());
        assertEquals(0, forgedHits.get(), "the redcap_url from a request must never be called");

        List<String> names = repositoryFiles();
        assertTrue(names.contains("loop-" + run.startedAt().toString().substring(0, 10) + "-run" + run.id() + "-result.json"), names.toString());
        assertTrue(names.stream().anyMatch(n -> n.endsWith("-exclusions.csv")), names.toString());
        String json = new String(runs.artifact(run.id(), "result.json").orElseThrow().content(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"Pain intensity\""), json.substring(0, Math.min(400, json.length())));

        // Same data again: the run succeeds as UNCHANGED and uploads nothing.
        server.getApplicationContext().getBean(RunTriggers.class).trigger("loop", TriggerKind.ADMIN);
        List<Run> twice = awaitRuns(runs, l -> l.size() == 2 && l.stream().allMatch(r -> r.status().finished()));
        assertEquals(RunStatus.SUCCEEDED, twice.get(0).status(), twice.get(0).errorMessage());
        assertEquals(RunOutcome.UNCHANGED, twice.get(0).outcome());
        assertEquals(names, repositoryFiles());

        // New data, but every upload fails: the run fails with REDCap's text, nothing new stays in the folder.
        sandbox.saveForm(pid, FormSave.of("200", "participant").withValue("stakeholder", "1").withStatus(2));
        sandbox.setFaults(pid, FaultPlan.none().withUploadFailureShare(1.0));
        List<Run> thrice = awaitRuns(runs, l -> l.size() == 3 && l.stream().allMatch(r -> r.status().finished()));
        Run failed = thrice.get(0);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.errorMessage().startsWith("Publishing failed while uploading"), failed.errorMessage());
        assertTrue(failed.errorMessage().contains("previous report is still the latest"), failed.errorMessage());
        sandbox.setFaults(pid, FaultPlan.none());
        assertEquals(names, repositoryFiles());
        assertEquals(run.id(), runs.lastPublished("loop").orElseThrow().id());
    }

    @Test
    void aPartlyFailedPublicationIsRolledBack() throws Exception {
        // Half the uploads fail: whichever upload fails first, the ones before it are deleted again.
        sandbox.setFaults(pid, FaultPlan.none().withSeed(7).withUploadFailureShare(0.5));
        server.getApplicationContext().getBean(RunTriggers.class).trigger("loop", TriggerKind.ADMIN);
        RunRepository runs = server.getApplicationContext().getBean(RunRepository.class);
        Run run = awaitRuns(runs, l -> l.size() == 1 && l.get(0).status().finished()).get(0);
        sandbox.setFaults(pid, FaultPlan.none());
        if (run.status() == RunStatus.FAILED) {
            assertTrue(repositoryFiles().isEmpty(), repositoryFiles().toString());
            assertTrue(runs.lastPublished("loop").isEmpty());
        } else {
            assertEquals(6, repositoryFiles().size(), "the seed let every upload through");
        }
    }

    private List<String> repositoryFiles() {
        try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token))) {
            for (RepositoryEntry folder : client.listRepository()) {
                if (folder.folder() && folder.name().equals("Concord loop reports")) {
                    return client.listRepository(folder.id()).stream().map(RepositoryEntry::name).sorted().toList();
                }
            }
            return List.of();
        }
    }

    private static List<Run> awaitRuns(RunRepository runs, Predicate<List<Run>> done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Run> list;
        do {
            Thread.sleep(100);
            list = runs.list("loop", 100);
        } while (!done.test(list) && System.nanoTime() < until);
        assertTrue(done.test(list), "runs did not finish in time: " + list);
        return list;
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = CoordinatorLoopTest.class.getResourceAsStream("/load/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
