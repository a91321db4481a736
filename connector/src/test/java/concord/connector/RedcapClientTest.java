package concord.connector;

import static concord.connector.support.MockRedcap.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.support.MockRedcap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The project-structure methods: exact request parameters and typed answers. */
class RedcapClientTest {

    static final String METADATA = """
            [{"field_name":"record_id","form_name":"survey","section_header":"","field_type":"text","field_label":"ID",
              "select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"",
              "text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"","required_field":"",
              "custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
             {"field_name":"role","form_name":"survey","section_header":"About you","field_type":"radio",
              "field_label":"Your role","select_choices_or_calculations":"1, Doctor | 2, Patient","field_note":"",
              "text_validation_type_or_show_slider_number":"","text_validation_min":"","text_validation_max":"",
              "identifier":"","branching_logic":"","required_field":"y","custom_alignment":"RH","question_number":"1",
              "matrix_group_name":"","matrix_ranking":"","field_annotation":"@DEFAULT='1'"},
             {"field_name":"pain","form_name":"survey","section_header":"","field_type":"slider","field_label":"Pain",
              "select_choices_or_calculations":"None | Some | Worst","field_note":"",
              "text_validation_type_or_show_slider_number":"number","text_validation_min":"0","text_validation_max":"100",
              "identifier":"","branching_logic":"[role] = '2'","required_field":"","custom_alignment":"",
              "question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
             {"field_name":"consent","form_name":"survey","section_header":"","field_type":"yesno","field_label":"Consent?",
              "select_choices_or_calculations":"","field_note":"","text_validation_type_or_show_slider_number":"",
              "text_validation_min":"","text_validation_max":"","identifier":"y","branching_logic":"","required_field":"",
              "custom_alignment":"","question_number":"","matrix_group_name":"","matrix_ranking":"","field_annotation":""},
             {"field_name":"o1","form_name":"survey","section_header":"","field_type":"radio","field_label":"Outcome 1",
              "select_choices_or_calculations":"1, 1|2, 2|9, 9","field_note":"","text_validation_type_or_show_slider_number":"",
              "text_validation_min":"","text_validation_max":"","identifier":"","branching_logic":"","required_field":"",
              "custom_alignment":"","question_number":"","matrix_group_name":"outcomes","matrix_ranking":"y",
              "field_annotation":""}]""";

    private final MockRedcap redcap = new MockRedcap();
    private final RedcapClient client = RedcapClient.create(
            RedcapClientConfiguration.of(redcap.apiUrl(), TOKEN), redcap.sleeps::add);

    @AfterEach
    void close() throws Exception {
        client.close();
        redcap.close();
    }

    @Test
    void versionIsPlainText() {
        redcap.respond(200, "text/html; charset=UTF-8", "14.5.3");
        assertEquals("14.5.3", client.version());
        assertEquals(Map.of("token", TOKEN, "content", "version", "format", "json", "returnFormat", "json"),
                redcap.takeForm());
    }

    @Test
    void requestsArePostedFormEncodedToTheApiUrl() {
        redcap.respond(200, "text/plain", "14.5.3");
        client.version();
        var request = redcap.take();
        assertEquals("POST", request.getMethod());
        assertEquals("/redcap/api/", request.getUrl().encodedPath());
        assertTrue(request.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void metadataParsesAllEighteenColumns() {
        redcap.json(METADATA);
        List<FieldMetadata> fields = client.metadata();
        assertEquals(Map.of("token", TOKEN, "content", "metadata", "format", "json", "returnFormat", "json"),
                redcap.takeForm());
        assertEquals(List.of("record_id", "role", "pain", "consent", "o1"),
                fields.stream().map(FieldMetadata::fieldName).toList());
        FieldMetadata role = fields.get(1);
        assertEquals(FieldType.RADIO, role.fieldType());
        assertEquals(List.of(new Choice("1", "Doctor"), new Choice("2", "Patient")), role.choices());
        assertEquals("About you", role.sectionHeader());
        assertTrue(role.required());
        assertEquals("RH", role.customAlignment());
        assertEquals("1", role.questionNumber());
        assertEquals("@DEFAULT='1'", role.fieldAnnotation());
        FieldMetadata pain = fields.get(2);
        assertEquals(new SliderLabels("None", "Some", "Worst"), pain.sliderLabels());
        assertEquals("number", pain.validationType());
        assertEquals("[role] = '2'", pain.branchingLogic());
        FieldMetadata consent = fields.get(3);
        assertEquals(List.of(new Choice("1", "Yes"), new Choice("0", "No")), consent.choices());
        assertTrue(consent.identifier());
        FieldMetadata o1 = fields.get(4);
        assertEquals("outcomes", o1.matrixGroupName());
        assertTrue(o1.matrixRanking());
        assertEquals(3, o1.choices().size());
    }

    @Test
    void anUnknownFieldTypeNamesTheRowAndField() {
        redcap.json("[{\"field_name\":\"record_id\",\"form_name\":\"f\",\"field_type\":\"text\"},"
                + "{\"field_name\":\"score\",\"form_name\":\"f\",\"field_type\":\"hologram\"}]");
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class, client::metadata);
        assertTrue(e.getMessage().contains("metadata row 2, field 'score'"), e.getMessage());
        assertTrue(e.getMessage().contains("'hologram' is not a REDCap field type"), e.getMessage());
    }

    @Test
    void projectInfoTypesFlags() {
        redcap.json("""
                {"project_id":15,"project_title":"CLBP outcomes","creation_time":"2024-01-02 10:11:12",
                 "production_time":"","in_production":0,"project_language":"English","purpose":1,"purpose_other":"",
                 "project_notes":"","custom_record_label":"","secondary_unique_field":"","is_longitudinal":1,
                 "surveys_enabled":1,"scheduling_enabled":0,"record_autonumbering_enabled":0,"randomization_enabled":0,
                 "ddp_enabled":0,"project_irb_number":"IRB-7","project_grant_number":"G-1","project_pi_firstname":"Ann",
                 "project_pi_lastname":"Lee","display_today_now_button":1,"bypass_branching_erase_field_prompt":0}""");
        ProjectInfo p = client.project();
        assertEquals("project", redcap.takeForm().get("content"));
        assertEquals(15, p.projectId());
        assertEquals("CLBP outcomes", p.projectTitle());
        assertFalse(p.inProduction());
        assertTrue(p.longitudinal());
        assertTrue(p.surveysEnabled());
        assertEquals("IRB-7", p.irbNumber());
        assertEquals("G-1", p.attribute("project_grant_number"));
        assertEquals("0", p.attribute("bypass_branching_erase_field_prompt"));
    }

    @Test
    void instrumentsAndExportFieldNames() {
        redcap.json("[{\"instrument_name\":\"form_1\",\"instrument_label\":\"Form 1\"}]");
        assertEquals(List.of(new Instrument("form_1", "Form 1")), client.instruments());
        assertEquals("instrument", redcap.takeForm().get("content"));

        redcap.json("""
                [{"original_field_name":"record_id","choice_value":"","export_field_name":"record_id"},
                 {"original_field_name":"race","choice_value":"-99","export_field_name":"race____99"},
                 {"original_field_name":"form_1_complete","choice_value":"","export_field_name":"form_1_complete"}]""");
        List<ExportFieldName> names = client.exportFieldNames();
        assertEquals("exportFieldNames", redcap.takeForm().get("content"));
        assertEquals(new ExportFieldName("race", "-99", "race____99"), names.get(1));
        assertEquals(3, names.size());
    }

    @Test
    void longitudinalStructure() {
        redcap.json("[{\"event_name\":\"Event 1\",\"arm_num\":1,\"unique_event_name\":\"event_1_arm_1\","
                + "\"custom_event_label\":\"\",\"event_id\":41,\"day_offset\":0,\"offset_min\":0,\"offset_max\":0}]");
        assertEquals(List.of(new RedcapEvent("Event 1", 1, "event_1_arm_1", "", 41, "0", "0", "0")), client.events());
        assertEquals("event", redcap.takeForm().get("content"));

        redcap.json("[{\"arm_num\":1,\"name\":\"Arm 1\"},{\"arm_num\":\"2\",\"name\":\"Arm 2\"}]");
        assertEquals(List.of(new Arm(1, "Arm 1"), new Arm(2, "Arm 2")), client.arms());
        assertEquals("arm", redcap.takeForm().get("content"));

        redcap.json("[{\"arm_num\":1,\"unique_event_name\":\"event_1_arm_1\",\"form\":\"form_1\"}]");
        assertEquals(List.of(new FormEventMapping(1, "event_1_arm_1", "form_1")), client.formEventMappings());
        assertEquals("formEventMapping", redcap.takeForm().get("content"));

        redcap.json("[{\"event_name\":\"event_1_arm_1\",\"form_name\":\"\",\"custom_form_label\":\"\"}]");
        RepeatingFormEvent repeating = client.repeatingFormsEvents().get(0);
        assertTrue(repeating.repeatingEvent());
        assertEquals("repeatingFormsEvents", redcap.takeForm().get("content"));
    }

    @Test
    void classicProjectsHaveNoEventsArmsOrMappings() {
        redcap.respond(400, "application/json", "{\"error\":\"You cannot export events for classic projects\"}");
        assertEquals(List.of(), client.events());
        redcap.respond(400, "text/csv", "ERROR: You cannot export arms for classic projects");
        assertEquals(List.of(), client.arms());
        redcap.respond(400, "application/json", "{\"error\":\"You cannot export form/event mappings for classic projects\"}");
        assertEquals(List.of(), client.formEventMappings());
        assertTrue(redcap.sleeps.isEmpty(), "a 400 is never retried");
        assertEquals(3, redcap.requestCount());
    }

    @Test
    void otherFourHundredsStillFail() {
        redcap.respond(400, "application/json", "{\"error\":\"The value of the parameter \\\"content\\\" is not valid\"}");
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class, client::events);
        assertEquals("The value of the parameter \"content\" is not valid", e.redcapMessage());
        assertEquals(400, e.httpStatus());
    }

    @Test
    void dagsAndUsers() {
        redcap.json("[{\"data_access_group_name\":\"Site A\",\"unique_group_name\":\"site_a\",\"data_access_group_id\":7}]");
        assertEquals(List.of(new DataAccessGroup("Site A", "site_a", 7)), client.dags());
        assertEquals("dag", redcap.takeForm().get("content"));

        redcap.json("""
                [{"username":"coord","email":"c@example.org","firstname":"Co","lastname":"Ord","expiration":"",
                  "data_access_group":"site_a","data_access_group_id":"7","design":1,"user_rights":0,"api_export":1,
                  "api_import":0,"file_repository":1,"forms":{"survey":1,"results":3},"forms_export":{"survey":2}}]""");
        UserRights user = client.users().get(0);
        assertEquals("user", redcap.takeForm().get("content"));
        assertEquals("coord", user.username());
        assertEquals("site_a", user.dataAccessGroup());
        assertTrue(user.canExportByApi());
        assertFalse(user.canImportByApi());
        assertEquals(1, user.right("file_repository"));
        assertEquals(Map.of("survey", 1, "results", 3), user.formRights());
        assertEquals(Map.of("survey", 2), user.formExportRights());
        assertFalse(user.rights().containsKey("data_access_group_id"));
    }

    @Test
    void authkeyIsSentWithoutToken() {
        redcap.respond(200, "text/html", "0");
        assertEquals(Optional.empty(), client.validateAuthkey("abc123"));
        assertEquals(Map.of("authkey", "abc123", "format", "json", "returnFormat", "json"), redcap.takeForm());

        redcap.json("{\"username\":\"coord\",\"project_id\":\"15\",\"data_access_group_name\":\"Site A\","
                + "\"data_access_group_id\":\"7\",\"callback_url\":\"https://redcap.example.org/redcap_v14.5.3/index.php?pid=15\"}");
        BookmarkIdentity who = client.validateAuthkey(" def456\n").orElseThrow();
        assertEquals(new BookmarkIdentity("coord", 15, "Site A", "7",
                "https://redcap.example.org/redcap_v14.5.3/index.php?pid=15"), who);
        assertEquals("def456", redcap.takeForm().get("authkey"));
        assertEquals(Optional.empty(), client.validateAuthkey(""));
        assertEquals(2, redcap.requestCount(), "a blank key is not sent");
    }
}
