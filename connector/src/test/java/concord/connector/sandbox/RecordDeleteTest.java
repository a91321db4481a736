package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record deletion and the next record name. */
class RecordDeleteTest {
    static RedcapSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void deletesWholeRecordsOrOneFormWithTheRight() {
        int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("admin"));
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "action", "delete", "records[0]", "1",
                "records[1]", "2", "format", "json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("2", r.body());
        assertFalse(sandbox.project(pid).recordIds().contains("1"));
        Http.post(sandbox.apiUrl(), "token", token, "content", "record", "action", "delete", "records", "3", "instrument", "health");
        assertEquals("", sandbox.project(pid).values("3").get("height"));
        assertTrue(!sandbox.project(pid).values("3").get("name_first").isEmpty(), "other forms stay");
        HttpResponse<String> missing = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "action", "delete", "records", "77",
                "returnFormat", "csv");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().endsWith("The following records do not exist: 77"), missing.body());
        String noDelete = sandbox.createToken(pid, SandboxUser.withAllRights("editor").withRecordDelete(false));
        assertEquals(403, Http.post(sandbox.apiUrl(), "token", noDelete, "content", "record", "action", "delete", "records", "4").statusCode());
    }

    @Test
    void nextRecordNameIsMaxPlusOneWithDagPrefix() {
        int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("admin"));
        assertEquals("6", Http.post(sandbox.apiUrl(), "token", token, "content", "generateNextRecordName").body());
        String site = sandbox.createToken(pid, SandboxUser.withAllRights("site").withDataAccessGroup("dag_2"));
        assertEquals("2-1", Http.post(sandbox.apiUrl(), "token", site, "content", "generateNextRecordName").body());
    }
}
