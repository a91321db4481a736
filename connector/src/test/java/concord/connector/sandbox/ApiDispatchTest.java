package concord.connector.sandbox;

import static concord.connector.sandbox.DesignMethodsTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dispatch rule of REDCap's API/index.php (v15.7.6): for records and metadata the presence of {@code data}
 * decides import versus export and {@code action} is ignored; {@code action} is read (and checked) only for file,
 * fileRepository, event, arm, dag, user and userRole, and for record delete/rename/randomize.
 */
class ApiDispatchTest {
    static RedcapSandbox sandbox = RedcapSandbox.builder().build().start();
    int pid;
    String token;

    @BeforeEach
    void seed() {
        pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        token = sandbox.createToken(pid, SandboxUser.withAllRights("writer"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private HttpResponse<String> api(String... pairs) {
        String[] all = new String[pairs.length + 2];
        all[0] = "token";
        all[1] = token;
        System.arraycopy(pairs, 0, all, 2, pairs.length);
        return Http.post(sandbox.apiUrl(), all);
    }

    @Test
    void dataMakesARecordRequestAnImportWhateverTheAction() throws Exception {
        for (String action : new String[] {null, "export", "import", "nonsense"}) {
            String id = "d-" + action;
            HttpResponse<String> r = action == null
                    ? api("content", "record", "format", "json", "data", "[{\"record_id\":\"" + id + "\"}]")
                    : api("content", "record", "action", action, "format", "json", "data", "[{\"record_id\":\"" + id + "\"}]");
            assertEquals(200, r.statusCode(), action + ": " + r.body());
            assertEquals("{\"count\": 1}", r.body(), String.valueOf(action));
            assertTrue(sandbox.project(pid).recordIds().contains(id), String.valueOf(action));
        }
    }

    @Test
    void noDataMakesARecordRequestAnExportEvenWithActionImport() throws Exception {
        HttpResponse<String> r = api("content", "record", "action", "import", "format", "json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(JSON.readTree(r.body()).isArray(), r.body());
        assertEquals(sandbox.project(pid).recordCount(), JSON.readTree(r.body()).size());
    }

    @Test
    void metadataWithDataIsAnImportAndAnsweredWithTheFieldCount() {
        String csv = "field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations\nrecord_id,demographics,,text,Study ID,\n";
        HttpResponse<String> r = api("content", "metadata", "format", "csv", "action", "export", "data", csv);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("1", r.body());
        assertEquals(java.util.List.of("record_id"), sandbox.project(pid).fieldNames());
    }

    @Test
    void actionIsCheckedWhereRedcapReadsIt() {
        for (String[] c : new String[][] {{"file", ""}, {"file", "Export"}, {"fileRepository", ""}, {"fileRepository", "createfolder"},
                {"event", "download"}, {"dag", "list_all"}, {"user", "show"}}) {
            HttpResponse<String> r = api("content", c[0], "action", c[1], "format", "json");
            assertEquals(400, r.statusCode(), c[0] + "/" + c[1]);
            assertEquals("{\"error\":\"The value of the parameter \\\"action\\\" is not valid\"}", r.body(), c[0] + "/" + c[1]);
        }
        assertEquals(200, api("content", "dag", "format", "json").statusCode(), "dag defaults to export");
        assertEquals(200, api("content", "user", "format", "json").statusCode(), "user defaults to export");
        assertEquals(200, api("content", "version").statusCode(), "version defaults to export");
    }

    @Test
    void contentIsCaseSensitiveAsInRedcap() {
        HttpResponse<String> r = api("content", "Record", "format", "json");
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":\"The value of the parameter \\\"content\\\" is not valid\"}", r.body());
        assertEquals(400, api("content", "exportfieldnames", "format", "json").statusCode());
    }

    @Test
    void anUnknownFormatMeansXmlAsInRedcap() {
        HttpResponse<String> r = api("content", "instrument", "format", "JSON");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("<?xml"), r.body());
    }

    @Test
    void versionWithDataIsStillAnExport() {
        HttpResponse<String> r = api("content", "version", "data", "x");
        assertEquals(200, r.statusCode());
        assertEquals(sandbox.redcapVersion(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"), "API/version/export.php answers as CSV");
    }

    @Test
    void methodsTheSandboxDoesNotServeSaySo() {
        for (String content : new String[] {"pdf", "surveyLink", "participantList", "userRole", "project_xml"}) {
            HttpResponse<String> r = api("content", content, "format", "json", "action", "export");
            assertEquals(400, r.statusCode(), content);
            assertTrue(r.body().contains("does not serve content=" + content), r.body());
        }
        HttpResponse<String> dagImport = api("content", "dag", "action", "import", "format", "json", "data", "[]");
        assertTrue(dagImport.body().contains("does not serve content=dag with action import"), dagImport.body());
    }

    @Test
    void rightsAreCheckedOnTheActionWithRedcapsTexts() {
        String reader = sandbox.createToken(pid, SandboxUser.exportOnly("reader"));
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", reader, "content", "record", "format", "json", "data", "[]");
        assertEquals(403, r.statusCode());
        assertEquals("{\"error\":\"You do not have API Import/Update privileges\"}", r.body());
        String writer = sandbox.createToken(pid, SandboxUser.withAllRights("loader").withApiExport(false));
        HttpResponse<String> e = Http.post(sandbox.apiUrl(), "token", writer, "content", "record", "format", "json");
        assertEquals("{\"error\":\"You do not have API Export privileges\"}", e.body());
        String noDelete = sandbox.createToken(pid, SandboxUser.withAllRights("keeper").withRecordDelete(false));
        HttpResponse<String> d = Http.post(sandbox.apiUrl(), "token", noDelete, "content", "file", "action", "delete", "record", "1",
                "field", "x", "format", "json");
        assertEquals("{\"error\":\"You do not have Delete Record privileges\"}", d.body(), "REDCap checks Delete Record for file delete too");
    }
}
