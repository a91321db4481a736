package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transport rules, token errors and the design methods, over real HTTP. */
class DesignMethodsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static RedcapSandbox sandbox;
    static String simple;
    static String longitudinal;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().redcapVersion("14.5.3").build().start();
        int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
        simple = sandbox.createToken(pid, SandboxUser.exportOnly("alice"));
        int lpid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("longitudinal")));
        longitudinal = sandbox.createToken(lpid, SandboxUser.exportOnly("alice"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static HttpResponse<String> api(String... pairs) {
        return Http.post(sandbox.apiUrl(), pairs);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void getAndEmptyPostAre501WithXmlError() {
        HttpResponse<String> get = Http.send(HttpRequest.newBuilder(sandbox.apiUrl()).GET().build(), HttpResponse.BodyHandlers.ofString());
        String expected = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>The requested method is not implemented.</error></hash>";
        assertEquals(501, get.statusCode());
        assertEquals(expected, get.body());
        HttpResponse<String> empty = api();
        assertEquals(501, empty.statusCode());
        assertEquals(expected, empty.body());
    }

    @Test
    void badTokensAre403ShapedByReturnFormat() {
        HttpResponse<String> unknown = api("token", "0123456789ABCDEF0123456789ABCDEF", "content", "version", "format", "csv");
        assertEquals(403, unknown.statusCode());
        assertEquals("ERROR: You do not have permissions to use the API", unknown.body());
        HttpResponse<String> malformed = api("token", simple + "\n", "content", "record", "format", "json");
        assertEquals(403, malformed.statusCode());
        HttpResponse<String> tooLong = api("token", simple + "AB", "content", "record", "format", "json");
        assertEquals("{\"error\":\"You do not have permissions to use the API\"}", tooLong.body());
        HttpResponse<String> xml = api("content", "record", "format", "json", "returnFormat", "xml");
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>You do not have permissions to use the API</error></hash>", xml.body());
        int other = sandbox.addProject(SandboxProject.generated("import only", 3, 2, 1));
        String importOnly = sandbox.createToken(other, SandboxUser.withAllRights("loader").withApiExport(false));
        HttpResponse<String> noExport = api("token", importOnly, "content", "metadata", "format", "csv");
        assertEquals(403, noExport.statusCode());
        // A valid token without the API Export right: REDCap's API/index.php answers this text.
        assertEquals("ERROR: You do not have API Export privileges", noExport.body());
        HttpResponse<String> lower = api("token", simple.toLowerCase(), "content", "version");
        assertEquals(200, lower.statusCode(), "tokens are hex, case-insensitive");
    }

    @Test
    void versionChecksTheTokenLikeEveryOtherMethod() {
        HttpResponse<String> unknown = api("token", "0123456789ABCDEF0123456789ABCDEF", "content", "version", "format", "json");
        assertEquals(403, unknown.statusCode());
        assertEquals("{\"error\":\"You do not have permissions to use the API\"}", unknown.body());
        HttpResponse<String> malformed = api("token", "not-a-token", "content", "version", "format", "xml");
        assertEquals(403, malformed.statusCode());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>You do not have permissions to use the API</error></hash>",
                malformed.body());
        HttpResponse<String> missing = api("content", "version", "format", "csv");
        assertEquals(403, missing.statusCode());
        assertEquals("ERROR: You do not have permissions to use the API", missing.body());
        assertTrue(!unknown.body().contains("14.5.3") && !missing.body().contains("14.5.3"), "no version without a valid token");
    }

    @Test
    void versionAndProjectStructureNeedTheApiExportRight() {
        int pid = sandbox.addProject(SandboxProject.generated("rights", 3, 2, 7));
        String importOnly = sandbox.createToken(pid, SandboxUser.withAllRights("loader").withApiExport(false));
        String exporter = sandbox.createToken(pid, SandboxUser.exportOnly("reader"));
        for (String content : List.of("version", "project", "metadata", "instrument", "exportFieldNames", "repeatingFormsEvents",
                "dag", "user", "generateNextRecordName")) {
            HttpResponse<String> refused = api("token", importOnly, "content", content, "format", "json");
            assertEquals(403, refused.statusCode(), content);
            assertEquals("{\"error\":\"You do not have API Export privileges\"}", refused.body(), content);
            assertEquals(200, api("token", exporter, "content", content, "format", "json").statusCode(), content);
        }
        int lpid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("longitudinal")));
        String longitudinalImportOnly = sandbox.createToken(lpid, SandboxUser.withAllRights("loader").withApiExport(false));
        for (String content : List.of("event", "arm", "formEventMapping")) {
            HttpResponse<String> refused = api("token", longitudinalImportOnly, "content", content, "format", "csv");
            assertEquals(403, refused.statusCode(), content);
            assertEquals("ERROR: You do not have API Export privileges", refused.body(), content);
            assertEquals(200, api("token", longitudinal, "content", content, "format", "csv").statusCode(), content);
        }
    }

    @Test
    void versionAndUnknownContent() {
        assertEquals("14.5.3", api("token", simple, "content", "version").body());
        HttpResponse<String> bad = api("token", simple, "content", "nonsense", "format", "json");
        assertEquals(400, bad.statusCode());
        assertEquals("{\"error\":\"The value of the parameter \\\"content\\\" is not valid\"}", bad.body());
    }

    @Test
    void projectIsOneObjectWithNumericFlags() throws Exception {
        JsonNode p = json(api("token", simple, "content", "project", "format", "json"));
        assertTrue(p.isObject());
        assertEquals(0, p.get("is_longitudinal").intValue());
        assertTrue(p.get("project_id").isNumber());
        assertEquals(1, json(api("token", longitudinal, "content", "project", "format", "json")).get("is_longitudinal").intValue());
    }

    @Test
    void metadataHasEighteenColumnsInOrderAndFiltersInAllArrayForms() throws Exception {
        JsonNode all = json(api("token", simple, "content", "metadata", "format", "json"));
        List<String> names = new ArrayList<>();
        all.get(0).fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("field_name", "form_name", "section_header", "field_type", "field_label", "select_choices_or_calculations",
                "field_note", "text_validation_type_or_show_slider_number", "text_validation_min", "text_validation_max", "identifier",
                "branching_logic", "required_field", "custom_alignment", "question_number", "matrix_group_name", "matrix_ranking",
                "field_annotation"), names);
        assertEquals("record_id", all.get(0).get("field_name").asText());
        assertEquals(2, json(api("token", simple, "content", "metadata", "format", "json", "fields[0]", "sex", "fields[1]", "age")).size());
        assertEquals(2, json(api("token", simple, "content", "metadata", "format", "json", "fields[]", "sex", "fields[]", "age")).size());
        assertEquals(2, json(api("token", simple, "content", "metadata", "format", "json", "fields", "sex,age")).size());
        JsonNode health = json(api("token", simple, "content", "metadata", "format", "json", "forms", "health"));
        assertEquals("height", health.get(0).get("field_name").asText());
        HttpResponse<String> bad = api("token", simple, "content", "metadata", "format", "csv", "fields", "nope");
        assertEquals(400, bad.statusCode());
        assertEquals("ERROR: The following values in the parameter \"fields\" are not valid: 'nope'", bad.body());
    }

    @Test
    void multipartWorksForEveryMethod() throws Exception {
        HttpResponse<String> r = Http.multipart(sandbox.apiUrl(), java.util.Map.of("token", simple, "content", "instrument", "format", "json"),
                null, null, null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("demographics", JSON.readTree(r.body()).get(0).get("instrument_name").asText());
    }

    @Test
    void exportFieldNamesExpandsCheckboxesAndListsFormStatus() throws Exception {
        JsonNode rows = json(api("token", simple, "content", "exportFieldNames", "format", "json"));
        List<String> exported = new ArrayList<>();
        rows.forEach(r -> exported.add(r.get("export_field_name").asText()));
        assertTrue(exported.contains("race___1") && exported.contains("race___6"));
        assertTrue(exported.contains("demographics_complete") && exported.contains("race_and_ethnicity_complete"));
        assertTrue(!exported.contains("bmi") && !exported.contains("mugshot"), "calc and file fields cannot be imported");
        JsonNode race = json(api("token", simple, "content", "exportFieldNames", "format", "json", "field", "race"));
        assertEquals(6, race.size());
        assertEquals("1", race.get(0).get("choice_value").asText());
    }

    @Test
    void classicProjectsRefuseEventsArmsAndMappings() {
        HttpResponse<String> events = api("token", simple, "content", "event", "format", "csv");
        assertEquals(400, events.statusCode());
        assertEquals("ERROR: You cannot export events for classic projects", events.body());
        assertEquals("ERROR: You cannot export arms for classic projects", api("token", simple, "content", "arm", "format", "csv").body());
        assertEquals("ERROR: You cannot export form/event mappings for classic projects",
                api("token", simple, "content", "formEventMapping", "format", "csv").body());
    }

    @Test
    void longitudinalEventsArmsAndMappings() throws Exception {
        JsonNode events = json(api("token", longitudinal, "content", "event", "format", "json"));
        assertEquals(12, events.size());
        assertEquals("enrollment_arm_1", events.get(0).get("unique_event_name").asText());
        assertTrue(events.get(0).get("arm_num").isNumber());
        JsonNode arm2 = json(api("token", longitudinal, "content", "event", "format", "json", "arms[0]", "2"));
        assertEquals(6, arm2.size());
        JsonNode arms = json(api("token", longitudinal, "content", "arm", "format", "json"));
        assertEquals("Drug A", arms.get(0).get("name").asText());
        assertEquals(1, arms.get(0).get("arm_num").intValue());
        JsonNode mapping = json(api("token", longitudinal, "content", "formEventMapping", "format", "json"));
        assertTrue(mapping.size() > 12);
        assertEquals("enrollment_arm_1", mapping.get(0).get("unique_event_name").asText());
    }

    @Test
    void repeatingFormsEventsDagsAndUser() throws Exception {
        assertEquals(0, json(api("token", simple, "content", "repeatingFormsEvents", "format", "json")).size());
        int rpid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("repeating-instruments")));
        String rt = sandbox.createToken(rpid, SandboxUser.exportOnly("bob"));
        JsonNode rep = json(api("token", rt, "content", "repeatingFormsEvents", "format", "json"));
        assertEquals("bp", rep.get(0).get("form_name").asText());
        assertTrue(!rep.get(0).has("event_name"), "classic projects omit event_name");
        JsonNode dags = json(api("token", simple, "content", "dag", "format", "json"));
        assertEquals("dag_1", dags.get(0).get("unique_group_name").asText());
        assertTrue(dags.get(0).get("data_access_group_id").isNumber());
        JsonNode users = json(api("token", simple, "content", "user", "format", "json"));
        assertEquals(1, users.size(), "one user holds tokens for this project");
        JsonNode user = users.get(0);
        assertEquals("alice", user.get("username").asText());
        assertEquals(1, user.get("api_export").intValue());
        assertEquals(0, user.get("api_import").intValue());
        assertEquals(URI.create(sandbox.baseUrl() + "api/"), sandbox.apiUrl());
    }
}
