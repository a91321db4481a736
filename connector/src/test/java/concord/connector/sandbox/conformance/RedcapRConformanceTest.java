package concord.connector.sandbox.conformance;

import static concord.connector.sandbox.conformance.ClientCall.Wire.FORM_PERCENT;
import static concord.connector.sandbox.conformance.ClientCall.Wire.MULTIPART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * REDCapR (OuhscBbmc/REDCapR): each case replays one function's {@code post_body} as {@code R/kernel-api.R}
 * sends it ({@code httr::POST(encode = "form")}; {@code "multipart"} only for file uploads). REDCapR asks for CSV,
 * joins records/fields/forms/events into one comma list for reads ({@code R/redcap-read-oneshot.R}), uses
 * {@code fields[0]=} arrays for metadata and {@code records[0]=} for deletes, and imports without {@code action}.
 */
class RedcapRConformanceTest extends ConformanceBase {

    private ClientCall redcapr(String... pairs) {
        return ClientCall.of(FORM_PERCENT, pairs);
    }

    /** R/redcap-version.R: format=csv; package_version() of the text. */
    @Test
    void redcapr_version() {
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "version", "format", "csv"));
        assertAnswer(a, 200, "text/csv");
        assertTrue(a.text().matches("\\d+\\.\\d+\\.\\d+"), a.text());
    }

    /** R/redcap-project-info-read.R: format=csv, one row. */
    @Test
    void redcapr_project_info_read() {
        List<Map<String, String>> rows = send(redcapr("token", p.token, "content", "project", "format", "csv")).csv();
        assertEquals(1, rows.size());
        assertEquals(String.valueOf(p.pid), rows.get(0).get("project_id"));
        assertEquals("0", rows.get(0).get("is_longitudinal"));
    }

    /** R/redcap-metadata-read.R: format=json with to_api_array(): fields[0]=, forms[0]=. */
    @Test
    void redcapr_metadata_read_forms() {
        JsonNode rows = send(redcapr("token", p.token, "content", "metadata", "format", "json", "forms[0]", "visit")).json();
        assertEquals(List.of("visit_date", "score"), values(rows, "field_name"));
    }

    /** R/redcap-variables.R: content=exportFieldNames, format=csv; no calc/file/descriptive fields. */
    @Test
    void redcapr_variables() {
        List<Map<String, String>> rows = send(redcapr("token", p.token, "content", "exportFieldNames", "format", "csv")).csv();
        List<String> names = column(rows, "export_field_name");
        assertTrue(names.containsAll(List.of("record_id", "colour___1", "colour___2", "enrolment_complete", "visit_complete")), names.toString());
        assertTrue(!names.contains("consent"), "file fields are not listed: " + names);
    }

    /** R/redcap-instruments.R: format=csv. */
    @Test
    void redcapr_instruments() {
        List<Map<String, String>> rows = send(redcapr("token", p.token, "content", "instrument", "format", "csv")).csv();
        assertEquals(List.of("enrolment", "visit"), column(rows, "instrument_name"));
    }

    /**
     * R/redcap-arm-export.R: a classic project. REDCapR compares the answer with exactly
     * "ERROR: You cannot export arms for classic projects" to conclude "no arms".
     */
    @Test
    void redcapr_arm_export_classic() {
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "arm", "format", "csv"));
        assertEquals(400, a.status());
        assertEquals("ERROR: You cannot export arms for classic projects", a.text());
    }

    /** R/redcap-read-oneshot.R: its whole post_body, records and fields as comma lists, blank filters, logical FALSE. */
    @Test
    void redcapr_read_oneshot() {
        List<Map<String, String>> rows = send(readOneshot("records", "1,2", "fields", "record_id,age,visit_date")).csv();
        assertEquals(List.of("1", "1", "2"), column(rows, "record_id"));
        assertEquals(List.of("34", "", "51"), column(rows, "age"));
        assertEquals(List.of("", "2024-01-10", ""), column(rows, "visit_date"));
    }

    /** R/redcap-read.R: first the record-ID field alone (to list IDs), then batches of records as comma lists. */
    @Test
    void redcapr_read_batched() {
        List<Map<String, String>> ids = send(readOneshot("fields", "record_id")).csv();
        // Records::getData reads only the record-ID data points, which sit on base instances: one row per record.
        assertEquals(List.of("1", "2"), column(ids, "record_id"));
        List<Map<String, String>> batch = send(readOneshot("records", "2")).csv();
        assertEquals(List.of("Bo"), column(batch, "name"));
    }

    private ClientCall readOneshot(String... selection) {
        ClientCall c = redcapr("token", p.token, "content", "record", "format", "csv", "type", "flat", "rawOrLabel", "raw",
                "rawOrLabelHeaders", "raw", "exportCheckboxLabel", "false", "exportSurveyFields", "false", "exportDataAccessGroups", "false",
                "filterLogic", "", "dateRangeBegin", "", "dateRangeEnd", "", "exportBlankForGrayFormStatus", "FALSE");
        return c.params(selection);
    }

    /**
     * R/redcap-write-oneshot.R: CSV data as utils::write.csv writes it (every cell quoted), returnContent=ids,
     * returnFormat=csv, no action. REDCapR drops the first line (the header "id") to get the affected IDs.
     */
    @Test
    void redcapr_write_oneshot_returnContent_ids() {
        ClientCall.Answer a = send(writeOneshot("\"record_id\",\"name\",\"group\"\n\"zz-1\",\"Zoe\",\"2\"", "normal"));
        assertAnswer(a, 200, "text/csv");
        List<String> lines = Arrays.asList(a.text().split("\n"));
        assertEquals(List.of("zz-1"), lines.subList(1, lines.size()));
        assertEquals("Zoe", exported("zz-1").get(0).get("name"));
    }

    /** redcap_write_oneshot(overwrite_with_blanks = TRUE): overwriteBehavior=overwrite erases with blanks. */
    @Test
    void redcapr_write_oneshot_overwrite_with_blanks() {
        assertEquals(200, send(writeOneshot("\"record_id\",\"name\"\n\"2\",\"\"", "overwrite")).status());
        assertEquals("", exported("2").get(0).get("name"));
        assertEquals("51", exported("2").get(0).get("age"), "columns not sent stay");
    }

    /** redcap_write_oneshot with a bad value: 400 with ERROR: and REDCap's quoted error line (returnFormat=csv). */
    @Test
    void redcapr_write_oneshot_validation_error() {
        ClientCall.Answer a = send(writeOneshot("\"record_id\",\"age\"\n\"zz-2\",\"old\"", "normal"));
        assertEquals(400, a.status());
        assertEquals("ERROR: \"zz-2\",\"age\",\"old\",\"The value you provided could not be validated because it does not follow the "
                + "expected format. Please try again.\"", a.text());
    }

    private ClientCall writeOneshot(String csv, String overwriteBehavior) {
        return redcapr("token", p.token, "content", "record", "format", "csv", "type", "flat", "data", csv,
                "overwriteBehavior", overwriteBehavior, "returnContent", "ids", "returnFormat", "csv");
    }

    /** R/redcap-delete.R: redcap_arm_export() first (classic: no arms), then action=delete with records[0]=, no format. */
    @Test
    void redcapr_delete() {
        assertEquals(400, send(redcapr("token", p.token, "content", "arm", "format", "csv")).status());
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "record", "action", "delete", "records[0]", "1", "records[1]", "2"));
        assertEquals(200, a.status(), a.toString());
        assertEquals(2, Integer.parseInt(a.text()), "as.integer(raw_text)");
        assertEquals(List.of(), exported("1"));
    }

    /**
     * R/redcap-file-upload-oneshot.R (multipart; returnFormat=csv comes after the file part) and
     * R/redcap-file-download-oneshot.R (the file name from Content-Type's name=).
     */
    @Test
    void redcapr_file_upload_and_download_oneshot() {
        ClientCall.Answer up = send(ClientCall.of(MULTIPART, "token", p.token, "content", "file", "action", "import", "record", "2",
                "field", "consent").file("file", "mugshot-1.jpg", "image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, 1, 2})
                .param("returnFormat", "csv"));
        assertEquals(200, up.status(), up.toString());
        ClientCall.Answer down = send(redcapr("token", p.token, "content", "file", "action", "export", "record", "2", "field", "consent",
                "returnFormat", "csv"));
        assertEquals(200, down.status());
        assertEquals(4, down.body().length);
        assertTrue(down.contentType().matches("image/jpeg; name=\"mugshot-1.jpg\".*"), down.contentType());
        assertEquals("mugshot-1.jpg", exported("2").get(0).get("consent"), "the record exports the file name");
    }

    /** redcap_file_download_oneshot of a field that is no File Upload field: REDCap's 400. */
    @Test
    void redcapr_file_download_oneshot_not_a_file_field() {
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "file", "action", "export", "record", "1", "field", "name",
                "returnFormat", "csv"));
        assertEquals(400, a.status());
        assertEquals("ERROR: The field 'name' does not exist or is not a 'file' field", a.text());
    }

    /** R/redcap-file-repo-list.R: action=list, folder_id="" (top level), format=csv, returnFormat=csv; read as folder_id, doc_id, name. */
    @Test
    void redcapr_file_repo_list_oneshot() {
        send(redcapr("token", p.token, "content", "fileRepository", "action", "createFolder", "name", "Reports", "format", "csv"));
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "fileRepository", "action", "list", "folder_id", "", "format", "csv",
                "returnFormat", "csv"));
        assertAnswer(a, 200, "text/csv");
        assertEquals(List.of("folder_id", "doc_id", "name"), Csv.header(a.text()).subList(0, 3));
        assertEquals(List.of("Reports"), column(a.csv(), "name"));
        ClientCall.Answer missing = send(redcapr("token", p.token, "content", "fileRepository", "action", "list", "folder_id", "99",
                "format", "csv", "returnFormat", "csv"));
        assertEquals(400, missing.status());
        assertEquals("ERROR: The File Repository folder folder_id=99 does not exist or else you do not have permission to that folder "
                + "because it is DAG-restricted or Role-restricted.", missing.text());
    }

    /** R/redcap-log-read.R: beginTime "YYYY-MM-DD 00:00", endTime "YYYY-MM-DD 24:00", format=csv. */
    @Test
    void redcapr_log_read() {
        send(writeOneshot("\"record_id\",\"name\"\n\"zz-3\",\"Ida\"", "normal"));
        String today = LocalDate.now(java.time.ZoneOffset.UTC).toString();
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "log", "format", "csv", "beginTime", today + " 00:00",
                "endTime", today + " 24:00"));
        assertAnswer(a, 200, "text/csv");
        assertEquals(List.of("timestamp", "username", "action", "details", "record"), Csv.header(a.text()));
        Map<String, String> first = a.csv().get(0);
        assertEquals("Create record (import) zz-3", first.get("action"));
        assertEquals("zz-3", first.get("record"));
    }

    /** R/redcap-report.R: report_id, format=csv, rawOrLabel, rawOrLabelHeaders, exportCheckboxLabel=false. */
    @Test
    void redcapr_report() {
        List<Map<String, String>> rows = send(redcapr("token", p.token, "content", "report", "report_id", String.valueOf(p.reportId),
                "format", "csv", "rawOrLabel", "raw", "rawOrLabelHeaders", "raw", "exportCheckboxLabel", "false")).csv();
        assertEquals(List.of("1"), column(rows, "record_id"));
        assertEquals(List.of("7"), column(rows, "score"));
    }

    /** R/redcap-next-free-record-name.R: format=csv, the raw text. */
    @Test
    void redcapr_next_free_record_name() {
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "generateNextRecordName", "format", "csv"));
        assertAnswer(a, 200, "text/csv");
        assertEquals("3", a.text());
    }

    /** R/redcap-users-export.R: format=csv; the forms column is "form:right" pairs REDCapR splits on commas. */
    @Test
    void redcapr_users_export() {
        List<Map<String, String>> rows = send(redcapr("token", p.token, "content", "user", "format", "csv")).csv();
        assertEquals(List.of("alice", "bob"), column(rows, "username"));
        assertEquals("enrolment:1,visit:1", rows.get(0).get("forms"));
        assertEquals("1", rows.get(0).get("api_export"));
    }

    /** R/redcap-dag-read.R: format=csv. */
    @Test
    void redcapr_dag_read() {
        List<Map<String, String>> rows = send(redcapr("token", p.token, "content", "dag", "format", "csv")).csv();
        assertEquals(List.of("site_a"), column(rows, "unique_group_name"));
    }

    /** R/redcap-metadata-write.R: format=csv, data=write.csv of the dictionary, returnFormat=csv; REDCapR reads an integer. */
    @Test
    void redcapr_metadata_write() {
        String csv = String.join("\n", ConformanceProject.DICTIONARY.lines().limit(4).toList());
        ClientCall.Answer a = send(redcapr("token", p.token, "content", "metadata", "format", "csv", "data", csv, "returnFormat", "csv"));
        assertAnswer(a, 200, "text/csv");
        assertEquals(3, Integer.parseInt(a.text()));
        assertEquals(List.of("record_id", "name", "age"),
                column(send(redcapr("token", p.token, "content", "metadata", "format", "csv")).csv(), "field_name"));
    }

    /** redcap_metadata_write without the Project Design right is refused; the dictionary stays. */
    @Test
    void redcapr_metadata_write_needs_design_rights() {
        String exporter = sandbox.createToken(p.pid, concord.connector.sandbox.SandboxUser.withAllRights("carl").withProjectDesign(false));
        ClientCall.Answer a = send(redcapr("token", exporter, "content", "metadata", "format", "csv", "data",
                ConformanceProject.DICTIONARY, "returnFormat", "csv"));
        assertEquals(400, a.status());
        assertTrue(a.text().startsWith("ERROR: You do not have Project Design"), a.text());
        assertEquals(8, send(redcapr("token", p.token, "content", "metadata", "format", "csv")).csv().size());
    }
}
