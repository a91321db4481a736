package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Form saves fire the Data Entry Trigger; API imports do not. A tiny JDK server receives the POSTs. */
class DataEntryTriggerTest {
    RedcapSandbox sandbox;
    HttpServer receiver;
    final BlockingQueue<Map<String, String>> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws IOException {
        sandbox = RedcapSandbox.builder().build().start();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/det", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                fields.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            fields.put("(content-type)", exchange.getRequestHeaders().getFirst("Content-Type"));
            received.add(fields);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        sandbox.close();
    }

    URI detUrl() {
        return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/det?secret=s3");
    }

    @Test
    void javaFormSaveFiresTriggerWithRedcapFields() throws Exception {
        int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        sandbox.setDataEntryTrigger(pid, detUrl());
        OptionalInt status = sandbox.saveForm(pid, FormSave.of("1", "demographics").withValue("age", "12").withStatus(1).withUsername("nurse"));
        assertEquals(OptionalInt.of(200), status);
        Map<String, String> det = received.poll(5, TimeUnit.SECONDS);
        assertEquals("application/x-www-form-urlencoded", det.get("(content-type)"));
        assertEquals(sandbox.baseUrl().toString(), det.get("redcap_url"));
        assertEquals(sandbox.baseUrl() + "redcap_v14.5.3/index.php?pid=" + pid, det.get("project_url"));
        assertEquals(String.valueOf(pid), det.get("project_id"));
        assertEquals("nurse", det.get("username"));
        assertEquals("1", det.get("record"));
        assertEquals("demographics", det.get("instrument"));
        assertEquals("1", det.get("demographics_complete"));
        assertEquals("dag_1", det.get("redcap_data_access_group"));
        assertFalse(det.containsKey("redcap_event_name"));
        assertFalse(det.containsKey("age"), "no field values besides the status");
        assertEquals("12", sandbox.project(pid).values("1").get("age"));
    }

    @Test
    void httpSaveEndpointFiresTriggerWithEventAndRepeatInstance() throws Exception {
        int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("longitudinal")));
        sandbox.setDataEntryTrigger(pid, detUrl());
        HttpResponse<String> r = Http.post(URI.create(sandbox.baseUrl() + "sandbox/projects/" + pid + "/records/900/save"),
                "instrument", "demographics", "event", "enrollment_arm_1", "first_name", "Zed", "status", "2");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"data_entry_trigger_status\":200"), r.body());
        Map<String, String> det = received.poll(5, TimeUnit.SECONDS);
        assertEquals("900", det.get("record"));
        assertEquals("enrollment_arm_1", det.get("redcap_event_name"));
        assertEquals("2", det.get("demographics_complete"));

        int rpid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("repeating-instruments")));
        sandbox.setDataEntryTrigger(rpid, detUrl());
        sandbox.saveForm(rpid, FormSave.of("1", "bp").withInstance(3).withValue("bp_systolic", "120"));
        Map<String, String> repeat = received.poll(5, TimeUnit.SECONDS);
        assertEquals("3", repeat.get("redcap_repeat_instance"));
        assertEquals("bp", repeat.get("redcap_repeat_instrument"));
    }

    @Test
    void apiImportNeverFiresTrigger() throws Exception {
        int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        sandbox.setDataEntryTrigger(pid, detUrl());
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("api"));
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "action", "import", "format", "json",
                "data", "[{\"record_id\":\"1\",\"age\":\"30\",\"demographics_complete\":\"2\"}]");
        assertEquals(200, r.statusCode(), r.body());
        sandbox.saveForm(pid, FormSave.of("2", "health"));
        Map<String, String> first = received.poll(5, TimeUnit.SECONDS);
        assertEquals("2", first.get("record"), "the only trigger is the form save's");
        assertTrue(received.isEmpty());
    }

    @Test
    void invalidSavesNameTheProblem() {
        int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        IllegalArgumentException form = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sandbox.saveForm(pid, FormSave.of("1", "nope")));
        assertTrue(form.getMessage().contains("no instrument 'nope'"), form.getMessage());
        IllegalArgumentException field = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sandbox.saveForm(pid, FormSave.of("1", "health").withValue("age", "3")));
        assertTrue(field.getMessage().contains("'age' is not a data field of instrument 'health'"), field.getMessage());
        IllegalArgumentException value = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> sandbox.saveForm(pid, FormSave.of("1", "demographics").withValue("sex", "7")));
        assertTrue(value.getMessage().contains("not a valid category"), value.getMessage());
        HttpResponse<String> http = Http.post(URI.create(sandbox.baseUrl() + "sandbox/projects/" + pid + "/records/1/save"),
                "instrument", "nope");
        assertEquals(400, http.statusCode());
    }

    @Test
    void noTriggerConfiguredOrReceiverDown() {
        int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        assertEquals(OptionalInt.empty(), sandbox.saveForm(pid, FormSave.of("1", "health")));
        sandbox.setDataEntryTrigger(pid, URI.create("http://127.0.0.1:1/det"));
        assertEquals(OptionalInt.empty(), sandbox.saveForm(pid, FormSave.of("1", "health")), "best effort, no error");
    }
}
