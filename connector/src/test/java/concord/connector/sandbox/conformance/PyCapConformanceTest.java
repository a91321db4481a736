package concord.connector.sandbox.conformance;

import static concord.connector.sandbox.conformance.ClientCall.Wire.FORM_PLUS;
import static concord.connector.sandbox.conformance.ClientCall.Wire.MULTIPART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PyCap 2.x (redcap-tools/PyCap): each case replays one {@code Project} method's request as
 * {@code redcap/methods/base.py} {@code _initialize_payload}/{@code _initialize_import_payload} builds it and
 * {@code redcap/request.py} sends it ({@code requests.Session.post(url, data=payload, files=file)}: form-encoded,
 * multipart when a file goes along; arrays as {@code key[0]=}, booleans as Python's {@code True}/{@code False},
 * records imports with no {@code action}). PyCap reads errors from {@code returnFormat} (else {@code format},
 * else XML: {@code "<error>" in content}).
 */
class PyCapConformanceTest extends ConformanceBase {

    private ClientCall pycap(String... pairs) {
        return ClientCall.of(FORM_PLUS, pairs);
    }

    /** redcap/methods/version.py export_version: no format, plain text parsed by semantic_version. */
    @Test
    void pycap_export_version() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "version"));
        assertAnswer(a, 200, "text/csv");
        assertEquals(sandbox.redcapVersion(), a.text());
    }

    /** redcap/methods/version.py with a token REDCap does not know: 403, XML error (no format sent). */
    @Test
    void pycap_export_version_unknown_token() {
        ClientCall.Answer a = send(pycap("token", "0123456789ABCDEF0123456789ABCDEF", "content", "version"));
        assertAnswer(a, 403, "text/xml");
        assertTrue(a.text().contains("<error>You do not have permissions to use the API</error>"), a.toString());
    }

    /** redcap/methods/project_info.py export_project_info: one JSON object. */
    @Test
    void pycap_export_project_info() {
        JsonNode info = send(pycap("token", p.token, "content", "project", "format", "json")).json();
        assertEquals(p.pid, info.get("project_id").asInt());
        assertEquals("Conformance", info.get("project_title").asText());
        assertEquals(1, info.get("has_repeating_instruments_or_events").asInt());
    }

    /** redcap/methods/metadata.py export_metadata(fields=["age"]): fields[0]=age. */
    @Test
    void pycap_export_metadata_fields() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "metadata", "format", "json", "fields[0]", "age"));
        assertAnswer(a, 200, "application/json");
        assertEquals(List.of("age"), values(a.json(), "field_name"));
        assertEquals("integer", a.json().get(0).get("text_validation_type_or_show_slider_number").asText());
    }

    /** redcap/methods/metadata.py export_metadata(format_type="df"): CSV read by pandas with index_col field_name. */
    @Test
    void pycap_export_metadata_df() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "metadata", "format", "csv"));
        assertAnswer(a, 200, "text/csv");
        assertEquals(List.of("record_id", "name", "age", "group", "colour", "consent", "visit_date", "score"), column(a.csv(), "field_name"));
    }

    /** redcap/methods/field_names.py export_field_names(field="colour"): one row per checkbox option. */
    @Test
    void pycap_export_field_names_field() {
        JsonNode rows = send(pycap("token", p.token, "content", "exportFieldNames", "format", "json", "field", "colour")).json();
        assertEquals(List.of("colour___1", "colour___2"), values(rows, "export_field_name"));
        assertEquals(List.of("1", "2"), values(rows, "choice_value"));
    }

    /** redcap/methods/instruments.py export_instruments. */
    @Test
    void pycap_export_instruments() {
        JsonNode rows = send(pycap("token", p.token, "content", "instrument", "format", "json")).json();
        assertEquals(List.of("enrolment", "visit"), values(rows, "instrument_name"));
    }

    /** redcap/methods/repeating.py export_repeating_instruments_events: classic project, no event_name column. */
    @Test
    void pycap_export_repeating_instruments_events() {
        JsonNode rows = send(pycap("token", p.token, "content", "repeatingFormsEvents", "format", "json")).json();
        assertEquals(List.of("visit"), values(rows, "form_name"));
        assertFalse(rows.get(0).has("event_name"));
    }

    /**
     * redcap/methods/base.py is_longitudinal: a classic project answers formEventMapping with an error, which PyCap
     * takes for "not longitudinal".
     */
    @Test
    void pycap_is_longitudinal_classic() {
        assertJsonError(send(pycap("token", p.token, "content", "formEventMapping", "format", "json")), 400,
                "You cannot export form/event mappings for classic projects");
    }

    /** redcap/methods/records.py export_records(records=["1"], fields=["record_id","age"]): records[0]=, fields[0]=, eventName. */
    @Test
    void pycap_export_records_records_fields() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "record", "format", "json", "type", "flat", "records[0]", "1",
                "fields[0]", "record_id", "fields[1]", "age", "rawOrLabel", "raw", "eventName", "label"));
        assertAnswer(a, 200, "application/json");
        JsonNode rows = a.json();
        assertEquals(1, rows.size(), "the visit row has no data in the fields asked for: " + rows);
        assertEquals("1", rows.get(0).get("record_id").asText());
        assertEquals("34", rows.get(0).get("age").asText());
        assertEquals("", rows.get(0).get("redcap_repeat_instrument").asText());
    }

    /** redcap/methods/records.py export_records(format_type="df"): format=csv, read by pandas. */
    @Test
    void pycap_export_records_df() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "record", "format", "csv", "type", "flat", "rawOrLabel", "raw",
                "eventName", "label"));
        List<Map<String, String>> rows = a.csv();
        assertEquals(List.of("1", "1", "2"), column(rows, "record_id"));
        assertEquals(List.of("", "visit", ""), column(rows, "redcap_repeat_instrument"));
        assertEquals("7", rows.get(1).get("score"));
    }

    /**
     * redcap/methods/records.py import_records (the reported case): no action, returnContent=count, returnFormat=json.
     * REDCap imports because data is present and answers {"count": 1}.
     */
    @Test
    void pycap_import_records_returnContent_count() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-1\"}]", "json", "count", "False"));
        assertAnswer(a, 200, "application/json");
        assertEquals("{\"count\": 1}", a.text());
        assertEquals(List.of("zz-1"), column(exported("zz-1"), "record_id"));
    }

    /** import_records(return_content="ids"): the imported record IDs, a JSON list. */
    @Test
    void pycap_import_records_returnContent_ids() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-2\",\"age\":\"40\"},{\"record_id\":\"zz-3\"}]", "json", "ids", "False"));
        assertEquals("[\"zz-2\",\"zz-3\"]", a.text());
        assertEquals("40", exported("zz-2").get(0).get("age"));
    }

    /** import_records(return_content="auto_ids", force_auto_number=True): "new,sent" pairs; the next number is 3. */
    @Test
    void pycap_import_records_returnContent_auto_ids() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"temp\",\"name\":\"Cy\"}]", "json", "auto_ids", "True"));
        assertEquals("[\"3,temp\"]", a.text());
        assertEquals("Cy", exported("3").get(0).get("name"));
    }

    /** import_records(return_content="nothing"): an empty body, which PyCap does not parse. */
    @Test
    void pycap_import_records_returnContent_nothing() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-4\"}]", "json", "nothing", "False"));
        assertAnswer(a, 200, "application/json");
        assertEquals("", a.text());
        assertEquals(1, exported("zz-4").size());
    }

    /** import_records(return_format_type="csv"): the answer follows returnFormat, not the data's format. */
    @Test
    void pycap_import_records_return_format_csv() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-5\"}]", "csv", "count", "False"));
        assertAnswer(a, 200, "text/csv");
        assertEquals("1", a.text());
    }

    /** import_records with an out-of-range radio value: 400, one error line naming record, field and value; nothing saved. */
    @Test
    void pycap_import_records_invalid_radio() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-6\",\"group\":\"7\"}]", "json", "count", "False"));
        assertJsonError(a, 400, "\"zz-6\",\"group\",\"7\",\"The value is not a valid category for group\"");
        assertEquals(List.of(), exported("zz-6"));
    }

    /** import_records with a key that is no field: 400 naming it. */
    @Test
    void pycap_import_records_unknown_field() {
        assertJsonError(send(importRecords("[{\"record_id\":\"zz-7\",\"shoe_size\":\"9\"}]", "json", "count", "False")), 400,
                "The following fields were not found in the project as real data fields: shoe_size");
    }

    /**
     * import_records with only a repeating-instrument row for a new record: REDCap stores the record ID on the base
     * instance (Records::getData then builds a base row for it), so the export lists a base row and the instance.
     */
    @Test
    void pycap_import_records_repeating_instrument_only() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-8\",\"redcap_repeat_instrument\":\"visit\",\"redcap_repeat_instance\":1,"
                + "\"score\":\"5\"}]", "json", "count", "False"));
        assertEquals("{\"count\": 1}", a.text());
        List<Map<String, String>> rows = exported("zz-8");
        assertEquals(List.of("", "visit"), column(rows, "redcap_repeat_instrument"));
        assertEquals(List.of("", "1"), column(rows, "redcap_repeat_instance"));
        assertEquals("0", rows.get(0).get("enrolment_complete"), "the base row's never-saved form has status 0");
        assertEquals("5", rows.get(1).get("score"));
    }

    /** import_records with a field of the repeating instrument on a base row: REDCap's error for it. */
    @Test
    void pycap_import_records_repeating_field_without_instance() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-9\",\"score\":\"5\"}]", "json", "count", "False"));
        assertEquals(400, a.status(), a.toString());
        assertTrue(a.json().get("error").asText().startsWith("\"zz-9\",\"score\",\"5\",\"This field ('score') exists on a Repeating Instrument named 'visit'."),
                a.toString());
    }

    private ClientCall importRecords(String data, String returnFormat, String returnContent, String forceAutoNumber) {
        // _initialize_import_payload: token, content, returnFormat, data, format; then import_records adds the rest.
        return pycap("token", p.token, "content", "record", "returnFormat", returnFormat, "data", data, "format", "json",
                "overwriteBehavior", "normal", "returnContent", returnContent, "dateFormat", "YMD", "forceAutoNumber", forceAutoNumber);
    }

    /** redcap/methods/records.py delete_records(["2"]): action=delete, records[0]=, returnFormat=json, no format; PyCap reads an int. */
    @Test
    void pycap_delete_records() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "record", "returnFormat", "json", "action", "delete", "records[0]", "2"));
        assertEquals(200, a.status(), a.toString());
        assertEquals("1", a.text());
        assertEquals(List.of(), exported("2"));
    }

    /** delete_records of a record that does not exist: REDCap's 400 text. */
    @Test
    void pycap_delete_records_missing() {
        assertJsonError(send(pycap("token", p.token, "content", "record", "returnFormat", "json", "action", "delete", "records[0]", "nope")),
                400, "One or more of the records provided cannot be deleted because they do not exist in the project. "
                        + "The following records do not exist: nope");
    }

    /** redcap/methods/records.py generate_next_record_name: format=json, PyCap parses an int. */
    @Test
    void pycap_generate_next_record_name() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "generateNextRecordName", "format", "json"));
        assertAnswer(a, 200, "application/json");
        assertEquals(3, a.json().asInt());
    }

    /** redcap/methods/users.py export_users: rights as JSON numbers. */
    @Test
    void pycap_export_users() {
        JsonNode users = send(pycap("token", p.token, "content", "user", "format", "json")).json();
        assertEquals(List.of("alice", "bob"), values(users, "username"));
        assertTrue(users.get(0).get("api_import").isNumber());
        assertEquals(0, users.get(1).get("api_import").asInt());
    }

    /** redcap/methods/data_access_groups.py export_dags. */
    @Test
    void pycap_export_dags() {
        JsonNode dags = send(pycap("token", p.token, "content", "dag", "format", "json")).json();
        assertEquals(List.of("site_a"), values(dags, "unique_group_name"));
        assertEquals("Site A", dags.get(0).get("data_access_group_name").asText());
    }

    /**
     * redcap/methods/files.py import_file, export_file, delete_file: no format or returnFormat; import is multipart
     * (payload fields, then the part "file"); export's Content-Type carries name="…"; a second delete is an XML error.
     */
    @Test
    void pycap_import_export_delete_file() {
        ClientCall.Answer up = send(ClientCall.of(MULTIPART, "token", p.token, "content", "file", "action", "import", "field", "consent",
                "record", "1").file("file", "consent.txt", "text/plain", "signed".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, up.status(), up.toString());
        assertEquals("", up.text());
        ClientCall.Answer down = send(pycap("token", p.token, "content", "file", "action", "export", "field", "consent", "record", "1"));
        assertEquals(200, down.status());
        assertEquals("signed", down.text());
        assertTrue(down.contentType().contains("name=\"consent.txt\""), down.contentType());
        ClientCall.Answer delete = send(pycap("token", p.token, "content", "file", "action", "delete", "record", "1", "field", "consent"));
        assertEquals(200, delete.status(), delete.toString());
        ClientCall.Answer again = send(pycap("token", p.token, "content", "file", "action", "delete", "record", "1", "field", "consent"));
        assertAnswer(again, 400, "text/xml");
        assertTrue(again.text().contains("<error>There is no file to delete for this record</error>"), again.toString());
    }

    /** files.py with a mistyped action: REDCap checks action for content=file. */
    @Test
    void pycap_export_file_invalid_action() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "file", "action", "download", "field", "consent", "record", "1"));
        assertAnswer(a, 400, "text/xml");
        assertTrue(a.text().contains("<error>The value of the parameter \"action\" is not valid</error>"), a.toString());
    }

    /**
     * redcap/methods/file_repository.py create_folder_in_repository, export_file_repository,
     * import_file_into_repository, export_file_from_repository.
     */
    @Test
    void pycap_file_repository_round_trip() {
        JsonNode created = send(pycap("token", p.token, "content", "fileRepository", "format", "json", "returnFormat", "json",
                "action", "createFolder", "name", "New Folder")).json();
        assertTrue(created.get(0).get("folder_id").isInt(), created.toString());
        int folder = created.get(0).get("folder_id").asInt();
        ClientCall.Answer up = send(ClientCall.of(MULTIPART, "token", p.token, "content", "fileRepository", "action", "import",
                "folder_id", String.valueOf(folder)).file("file", "test.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, up.status(), up.toString());
        JsonNode top = send(pycap("token", p.token, "content", "fileRepository", "format", "json", "returnFormat", "json", "action", "list")).json();
        assertEquals(List.of("New Folder"), values(top, "name"));
        JsonNode inside = send(pycap("token", p.token, "content", "fileRepository", "format", "json", "returnFormat", "json", "action", "list",
                "folder_id", String.valueOf(folder))).json();
        assertEquals(List.of("test.txt"), values(inside, "name"));
        ClientCall.Answer file = send(pycap("token", p.token, "content", "fileRepository", "returnFormat", "json", "action", "export",
                "doc_id", inside.get(0).get("doc_id").asText()));
        assertEquals("hello", file.text());
        assertTrue(file.contentType().contains("name=\"test.txt\""), file.contentType());
    }

    /** redcap/methods/logging.py export_logging(log_type="record"): newest first, the import logged with its record. */
    @Test
    void pycap_export_logging() {
        send(importRecords("[{\"record_id\":\"zz-10\",\"age\":\"50\"}]", "json", "count", "False"));
        ClientCall.Answer a = send(pycap("token", p.token, "content", "log", "format", "json", "returnFormat", "json", "logtype", "record"));
        assertAnswer(a, 200, "application/json");
        JsonNode first = a.json().get(0);
        assertEquals("Create record (import) zz-10", first.get("action").asText());
        assertEquals("age = '50'", first.get("details").asText());
        assertEquals("alice", first.get("username").asText());
        assertTrue(first.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"), first.toString());
    }

    /** redcap/methods/reports.py export_report: report_id, rawOrLabel, rawOrLabelHeaders, csvDelimiter (falsy flags left out). */
    @Test
    void pycap_export_report() {
        ClientCall.Answer a = send(pycap("token", p.token, "content", "report", "format", "json", "report_id", String.valueOf(p.reportId),
                "rawOrLabel", "raw", "rawOrLabelHeaders", "raw", "csvDelimiter", ","));
        assertAnswer(a, 200, "application/json");
        JsonNode rows = a.json();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("7", rows.get(0).get("score").asText());
        assertEquals("visit", rows.get(0).get("redcap_repeat_instrument").asText());
    }

    /** redcap/methods/metadata.py import_metadata: no action; REDCap imports because data is present and answers the field count. */
    @Test
    void pycap_import_metadata() {
        String data = "[{\"field_name\":\"record_id\",\"form_name\":\"enrolment\",\"field_type\":\"text\",\"field_label\":\"Record ID\"},"
                + "{\"field_name\":\"age\",\"form_name\":\"enrolment\",\"field_type\":\"text\",\"field_label\":\"Age in years\","
                + "\"text_validation_type_or_show_slider_number\":\"integer\"}]";
        ClientCall.Answer a = send(pycap("token", p.token, "content", "metadata", "returnFormat", "json", "data", data, "format", "json",
                "dateFormat", "YMD"));
        assertAnswer(a, 200, "application/json");
        assertEquals(2, a.json().asInt());
        JsonNode metadata = send(pycap("token", p.token, "content", "metadata", "format", "json")).json();
        assertEquals(List.of("record_id", "age"), values(metadata, "field_name"));
        assertEquals("34", exported("1").get(0).get("age"), "values stay with their fields");
    }
}
