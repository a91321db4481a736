package concord.connector.sandbox;

import static concord.connector.sandbox.DesignMethodsTest.JSON;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** File Upload fields and the File Repository, with multipart uploads. */
class FileMethodsTest {
    static RedcapSandbox sandbox;
    static int pid;
    static String token;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        token = sandbox.createToken(pid, SandboxUser.withAllRights("filer"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void seededFileExportsWithNameInContentType() {
        HttpResponse<byte[]> r = Http.postBytes(sandbox.apiUrl(), "token", token, "content", "file", "action", "export", "record", "1",
                "field", "mugshot");
        assertEquals(200, r.statusCode());
        assertEquals("image/jpeg; name=\"mugshot-1.jpg\"", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals((byte) 0xFF, r.body()[0], "JPEG bytes from the ODM's base64");
    }

    @Test
    void uploadExportDeleteFileField() {
        byte[] pdf = "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> up = Http.multipart(sandbox.apiUrl(), Map.of("token", token, "content", "file", "action", "import",
                "record", "77", "field", "mugshot"), "report.pdf", "application/pdf", pdf);
        assertEquals(200, up.statusCode(), up.body());
        assertEquals("report.pdf", sandbox.project(pid).values("77").get("mugshot"));
        HttpResponse<byte[]> down = Http.postBytes(sandbox.apiUrl(), "token", token, "content", "file", "action", "export", "record", "77",
                "field", "mugshot");
        assertArrayEquals(pdf, down.body());
        HttpResponse<String> delete = Http.post(sandbox.apiUrl(), "token", token, "content", "file", "action", "delete", "record", "77",
                "field", "mugshot");
        assertEquals(200, delete.statusCode());
        assertEquals(400, Http.post(sandbox.apiUrl(), "token", token, "content", "file", "action", "export", "record", "77", "field", "mugshot")
                .statusCode());
        HttpResponse<String> notFile = Http.post(sandbox.apiUrl(), "token", token, "content", "file", "action", "export", "record", "1",
                "field", "age", "returnFormat", "csv");
        assertEquals(400, notFile.statusCode());
        assertEquals("ERROR: The field 'age' does not exist or is not a 'file' field", notFile.body());
    }

    @Test
    void fileRepositoryRoundTrip() throws Exception {
        HttpResponse<String> created = Http.post(sandbox.apiUrl(), "token", token, "content", "fileRepository", "action", "createFolder",
                "name", "Concord reports", "format", "json");
        int folder = JSON.readTree(created.body()).get(0).get("folder_id").intValue();
        assertTrue(folder > 0);
        HttpResponse<String> up = Http.multipart(sandbox.apiUrl(), Map.of("token", token, "content", "fileRepository", "action", "import",
                "folder_id", String.valueOf(folder)), "result.html", "text/html", "<p>ok</p>".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, up.statusCode(), up.body());
        JsonNode top = JSON.readTree(Http.post(sandbox.apiUrl(), "token", token, "content", "fileRepository", "action", "list", "format", "json").body());
        assertEquals("Concord reports", top.get(0).get("name").asText());
        JsonNode inFolder = JSON.readTree(Http.post(sandbox.apiUrl(), "token", token, "content", "fileRepository", "action", "list",
                "format", "json", "folder_id", String.valueOf(folder)).body());
        int doc = inFolder.get(0).get("doc_id").intValue();
        HttpResponse<byte[]> down = Http.postBytes(sandbox.apiUrl(), "token", token, "content", "fileRepository", "action", "export",
                "doc_id", String.valueOf(doc));
        assertEquals("<p>ok</p>", new String(down.body(), StandardCharsets.UTF_8));
        assertEquals("text/html; name=\"result.html\"", down.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(200, Http.post(sandbox.apiUrl(), "token", token, "content", "fileRepository", "action", "delete", "doc_id",
                String.valueOf(doc)).statusCode());
        HttpResponse<String> bad = Http.post(sandbox.apiUrl(), "token", token, "content", "fileRepository", "action", "list", "folder_id", "99",
                "format", "csv");
        assertEquals(400, bad.statusCode());
        assertEquals("ERROR: The File Repository folder folder_id=99 does not exist or else you do not have permission to that folder because it is"
                + " DAG-restricted or Role-restricted.", bad.body());
        String noRepo = sandbox.createToken(pid, SandboxUser.exportOnly("reader"));
        assertEquals(403, Http.post(sandbox.apiUrl(), "token", noRepo, "content", "fileRepository", "action", "list").statusCode());
    }

    @Test
    void aFolderRestrictedToADataAccessGroupIsHiddenFromOtherGroups() throws Exception {
        int dagPid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        SandboxProject project = sandbox.project(dagPid);
        String siteA = project.addDataAccessGroup("Site A");
        String siteB = project.addDataAccessGroup("Site B");
        JsonNode dags = JSON.readTree(Http.post(sandbox.apiUrl(), "token", sandbox.createToken(dagPid, SandboxUser.withAllRights("admin")),
                "content", "dag", "format", "json").body());
        int siteAId = -1;
        for (JsonNode d : dags) {
            if (d.get("unique_group_name").asText().equals(siteA)) {
                siteAId = d.get("data_access_group_id").intValue();
            }
        }
        String admin = sandbox.createToken(dagPid, SandboxUser.withAllRights("admin2"));
        String alice = sandbox.createToken(dagPid, SandboxUser.withAllRights("alice").withDataAccessGroup(siteA));
        String bob = sandbox.createToken(dagPid, SandboxUser.withAllRights("bob").withDataAccessGroup(siteB));

        int parent = JSON.readTree(Http.post(sandbox.apiUrl(), "token", admin, "content", "fileRepository", "action", "createFolder",
                "name", "Concord reports", "format", "json").body()).get(0).get("folder_id").intValue();
        int restricted = JSON.readTree(Http.post(sandbox.apiUrl(), "token", admin, "content", "fileRepository", "action", "createFolder",
                "name", "site_a", "folder_id", String.valueOf(parent), "dag_id", String.valueOf(siteAId), "format", "json").body())
                .get(0).get("folder_id").intValue();
        HttpResponse<String> up = Http.multipart(sandbox.apiUrl(), Map.of("token", admin, "content", "fileRepository", "action", "import",
                "folder_id", String.valueOf(restricted)), "site-a.csv", "text/csv", "x\n1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, up.statusCode(), up.body());

        JsonNode asAdmin = list(admin, parent);
        assertEquals(1, asAdmin.size());
        assertEquals("site_a", asAdmin.get(0).get("name").asText());
        assertEquals(siteA, asAdmin.get(0).get("dag").asText(), "the listing names the restriction by unique group name");
        assertEquals(1, list(alice, parent).size(), "the group's own user sees it");
        assertEquals(1, list(alice, restricted).size(), "and the files in it");
        assertEquals(0, list(bob, parent).size(), "another group's user does not see it");
        HttpResponse<String> into = Http.post(sandbox.apiUrl(), "token", bob, "content", "fileRepository", "action", "list",
                "folder_id", String.valueOf(restricted), "format", "json");
        assertEquals(400, into.statusCode());
        assertTrue(into.body().contains("DAG-restricted"), into.body());
        int doc = list(admin, restricted).get(0).get("doc_id").intValue();
        assertEquals(400, Http.post(sandbox.apiUrl(), "token", bob, "content", "fileRepository", "action", "export",
                "doc_id", String.valueOf(doc)).statusCode(), "nor download its files by id");
        assertEquals(200, Http.post(sandbox.apiUrl(), "token", alice, "content", "fileRepository", "action", "export",
                "doc_id", String.valueOf(doc)).statusCode());
        assertEquals(403, Http.post(sandbox.apiUrl(), "token", bob, "content", "fileRepository", "action", "createFolder",
                "name", "mine", "dag_id", Integer.toString(siteAId), "format", "json").statusCode(), "a group user restricts only to their group");
        assertEquals(400, Http.post(sandbox.apiUrl(), "token", admin, "content", "fileRepository", "action", "createFolder",
                "name", "x", "dag_id", "999", "format", "json").statusCode(), "unknown dag_id");
    }

    private static JsonNode list(String token, int folder) throws Exception {
        HttpResponse<String> response = Http.post(sandbox.apiUrl(), "token", token, "content", "fileRepository", "action", "list",
                "folder_id", String.valueOf(folder), "format", "json");
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body().isBlank() ? "[]" : response.body());
    }
}
