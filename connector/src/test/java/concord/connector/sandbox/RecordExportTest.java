package concord.connector.sandbox;

import static concord.connector.sandbox.DesignMethodsTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record export: columns, filters, labels, DAG limits. */
class RecordExportTest {
    static RedcapSandbox sandbox;
    static String simple;
    static String repeating;
    static String longitudinal;
    static int dagPid;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
        simple = sandbox.createToken(sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml"))),
                SandboxUser.exportOnly("alice"));
        repeating = sandbox.createToken(sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("repeating-instruments"))),
                SandboxUser.exportOnly("alice"));
        longitudinal = sandbox.createToken(sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("longitudinal"))),
                SandboxUser.exportOnly("alice"));
        dagPid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("dag")));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static JsonNode export(String token, String... more) throws Exception {
        List<String> pairs = new ArrayList<>(List.of("token", token, "content", "record", "format", "json", "type", "flat"));
        pairs.addAll(List.of(more));
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), pairs.toArray(String[]::new));
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static List<String> keys(JsonNode row) {
        List<String> out = new ArrayList<>();
        row.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void recordIdOnlyWhenRequested() throws Exception {
        assertEquals(List.of("name_first", "age"), keys(export(simple, "fields", "name_first,age").get(0)));
        assertEquals(List.of("record_id", "name_first"), keys(export(simple, "fields[0]", "name_first", "fields[1]", "record_id").get(0)));
        List<String> health = keys(export(simple, "forms[]", "health").get(0));
        assertEquals(List.of("height", "weight", "bmi", "comments", "mugshot", "health_complete"), health);
    }

    @Test
    void recordsFilterInAllThreeArrayForms() throws Exception {
        assertEquals(2, export(simple, "records[0]", "1", "records[1]", "3").size());
        assertEquals(2, export(simple, "records[]", "1", "records[]", "3").size());
        assertEquals(2, export(simple, "records", "1,3").size());
        assertEquals(0, export(simple, "records", "999").size());
    }

    @Test
    void labelsForChoicesCheckboxesAndStatus() throws Exception {
        JsonNode raw = export(simple, "records", "1").get(0);
        JsonNode label = export(simple, "records", "1", "rawOrLabel", "label").get(0);
        assertEquals("Female", label.get("sex").asText(), "raw " + raw.get("sex").asText());
        assertEquals("Complete", label.get("demographics_complete").asText());
        assertEquals("Checked", label.get("race___5").asText());
        assertEquals("Unchecked", label.get("race___1").asText());
        JsonNode boxes = export(simple, "records", "1", "rawOrLabel", "label", "exportCheckboxLabel", "TRUE").get(0);
        assertEquals("White", boxes.get("race___5").asText());
        assertEquals("", boxes.get("race___1").asText());
        HttpResponse<String> headers = Http.post(sandbox.apiUrl(), "token", simple, "content", "record", "format", "csv",
                "rawOrLabelHeaders", "label", "fields", "record_id,race");
        assertTrue(headers.body().startsWith("\"Study ID\",\"Race (Select all that apply) (choice=American Indian/Alaska Native)\""), headers.body());
    }

    @Test
    void repeatInstanceIsAJsonNumber() throws Exception {
        JsonNode rows = export(repeating, "records", "1");
        assertEquals("", rows.get(0).get("redcap_repeat_instance").asText());
        assertEquals("bp", rows.get(1).get("redcap_repeat_instrument").asText());
        assertTrue(rows.get(1).get("redcap_repeat_instance").isInt());
        assertEquals(1, rows.get(1).get("redcap_repeat_instance").intValue());
    }

    @Test
    void eventsFilterAndEventLabels() throws Exception {
        JsonNode enrollment = export(longitudinal, "events", "enrollment_arm_1");
        assertTrue(enrollment.size() > 0);
        enrollment.forEach(r -> assertEquals("enrollment_arm_1", r.get("redcap_event_name").asText()));
        JsonNode labelled = export(longitudinal, "events", "enrollment_arm_1", "rawOrLabel", "label");
        assertEquals("Enrollment (Arm 1: Drug A)", labelled.get(0).get("redcap_event_name").asText());
        HttpResponse<String> bad = Http.post(sandbox.apiUrl(), "token", longitudinal, "content", "record", "format", "json", "events", "nope");
        assertEquals(400, bad.statusCode());
    }

    @Test
    void filterLogicAndDateRange() throws Exception {
        JsonNode young = export(simple, "filterLogic", "[age] < 30 and [sex] = '1'", "fields", "record_id,age,sex");
        assertTrue(young.size() > 0);
        young.forEach(r -> {
            assertTrue(Double.parseDouble(r.get("age").asText()) < 30);
            assertEquals("1", r.get("sex").asText());
        });
        assertEquals(export(simple).size(), export(simple, "filterLogic", "[race(5)] = '1' or [race(5)] = '0'").size());
        HttpResponse<String> bad = Http.post(sandbox.apiUrl(), "token", simple, "content", "record", "format", "json", "filterLogic", "[nope] = 1");
        assertEquals(400, bad.statusCode());
        assertEquals(0, export(simple, "dateRangeBegin", "2999-01-01 00:00:00").size());
        assertEquals(export(simple).size(), export(simple, "dateRangeBegin", "2000-01-01 00:00:00", "dateRangeEnd", "2999-01-01").size());
    }

    @Test
    void dagUsersSeeOnlyTheirGroup() throws Exception {
        String all = sandbox.createToken(dagPid, SandboxUser.exportOnly("boss"));
        String dagA = sandbox.createToken(dagPid, SandboxUser.exportOnly("site").withDataAccessGroup("daga"));
        JsonNode everyone = export(all, "exportDataAccessGroups", "true");
        assertEquals(3, everyone.size());
        assertEquals("daga", everyone.get(0).get("redcap_data_access_group").asText());
        JsonNode mine = export(dagA, "exportDataAccessGroups", "true");
        assertEquals(2, mine.size());
        mine.forEach(r -> assertTrue(r.get("record_id").asText().startsWith("331-")));
        assertFalse(mine.get(0).has("redcap_data_access_group"), "ignored for DAG users");
    }

    @Test
    void grayFormStatusIsZeroUnlessBlankRequested() throws Exception {
        String token = sandbox.createToken(sandbox.addProject(SandboxProject.fromDictionaryCsv("gray",
                "field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations\n"
                        + "id,a,,text,ID,\nx,a,,text,X,\ny,b,,checkbox,Y,\"1, One | 2, Two\"\n",
                "id,x,a_complete\n1,hello,2\n")), SandboxUser.exportOnly("g"));
        JsonNode zero = export(token).get(0);
        assertEquals("0", zero.get("b_complete").asText());
        assertEquals("0", zero.get("y___1").asText(), "unchecked boxes export 0");
        assertEquals("", export(token, "exportBlankForGrayFormStatus", "true").get(0).get("b_complete").asText());
    }

    @Test
    void csvAndXmlFormats() {
        HttpResponse<String> csv = Http.post(sandbox.apiUrl(), "token", simple, "content", "record", "format", "csv", "records", "1",
                "fields", "record_id,name_first");
        assertEquals("record_id,name_first\n1,Nutmeg\n", csv.body());
        HttpResponse<String> xml = Http.post(sandbox.apiUrl(), "token", simple, "content", "record", "records", "1", "fields", "name_first");
        assertTrue(xml.body().contains("<item><name_first><![CDATA[Nutmeg]]></name_first></item>"), xml.body());
    }
}
