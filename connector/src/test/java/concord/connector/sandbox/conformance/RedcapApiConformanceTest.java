package concord.connector.sandbox.conformance;

import static concord.connector.sandbox.conformance.ClientCall.Wire.MULTIPART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * redcapAPI (vubiostat/redcapAPI): each case replays one function's {@code body} as {@code R/makeApiCall.R}
 * sends it: the token appended last ({@code modifyList(body, list(token = …))}), NULL entries dropped, and
 * {@code R/curl.R .curlPost} posting every request as {@code multipart/form-data} ({@code curl::handle_setform}).
 * Arrays are one-based ({@code R/vectorToApiBodyList.R}: {@code fields[1]=}); formats are CSV; imports carry no
 * {@code action}.
 */
class RedcapApiConformanceTest extends ConformanceBase {

    private ClientCall redcapapi(String... pairs) {
        return ClientCall.of(MULTIPART, pairs).header("Accept", "application/json, text/xml, application/xml, */*");
    }

    private ClientCall.Answer call(ClientCall c) {
        return send(c.param("token", p.token));
    }

    /** R/exportVersion.R: content=version only. */
    @Test
    void redcapapi_exportVersion() {
        ClientCall.Answer a = call(redcapapi("content", "version"));
        assertEquals(200, a.status());
        assertEquals(sandbox.redcapVersion(), a.text());
    }

    /** R/exportProjectInformation.R: format=csv, returnFormat=csv. */
    @Test
    void redcapapi_exportProjectInformation() {
        List<Map<String, String>> rows = call(redcapapi("content", "project", "format", "csv", "returnFormat", "csv")).csv();
        assertEquals("Conformance", rows.get(0).get("project_title"));
    }

    /** R/exportMetaData.R: format=csv, returnFormat=csv, fields[1]=. */
    @Test
    void redcapapi_exportMetaData_fields() {
        List<Map<String, String>> rows = call(redcapapi("content", "metadata", "format", "csv", "returnFormat", "csv", "fields[1]", "group",
                "fields[2]", "colour")).csv();
        assertEquals(List.of("group", "colour"), column(rows, "field_name"));
        assertEquals("1, Red | 2, Blue", rows.get(1).get("select_choices_or_calculations"));
    }

    /** R/exportFieldNames.R .exportFieldNamesApiCall: format=csv, returnFormat=csv, field (NULL dropped). */
    @Test
    void redcapapi_exportFieldNames() {
        List<Map<String, String>> rows = call(redcapapi("content", "exportFieldNames", "format", "csv", "returnFormat", "csv")).csv();
        assertEquals("record_id", rows.get(0).get("export_field_name"));
    }

    /** R/exportInstruments.R: format=csv, returnFormat=csv. */
    @Test
    void redcapapi_exportInstruments() {
        List<Map<String, String>> rows = call(redcapapi("content", "instrument", "format", "csv", "returnFormat", "csv")).csv();
        assertEquals(List.of("enrolment", "visit"), column(rows, "instrument_name"));
    }

    /** R/exportUsers.R: format=csv, returnFormat=csv; forms parsed as "form:right". */
    @Test
    void redcapapi_exportUsers() {
        List<Map<String, String>> rows = call(redcapapi("content", "user", "format", "csv", "returnFormat", "csv")).csv();
        assertTrue(rows.get(0).get("forms").matches("(enrolment|visit):\\d,(enrolment|visit):\\d"), rows.get(0).get("forms"));
    }

    /** R/exportDags.R: format=csv, returnFormat=csv. */
    @Test
    void redcapapi_exportDags() {
        List<Map<String, String>> rows = call(redcapapi("content", "dag", "format", "csv", "returnFormat", "csv")).csv();
        assertEquals(List.of("Site A"), column(rows, "data_access_group_name"));
    }

    /**
     * R/exportRecordsTyped.R: format=csv, returnFormat=csv, type=flat, exportSurveyFields=false,
     * exportDataAccessGroups=false, csvDelimiter=",", fields[1]=… with checkbox export names, records[1]=….
     */
    @Test
    void redcapapi_exportRecordsTyped() {
        List<Map<String, String>> rows = call(redcapapi("content", "record", "format", "csv", "returnFormat", "csv", "type", "flat",
                "exportSurveyFields", "false", "exportDataAccessGroups", "false", "csvDelimiter", ",", "fields[1]", "record_id",
                "fields[2]", "colour___1", "fields[3]", "colour___2", "fields[4]", "enrolment_complete", "records[1]", "1")).csv();
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("1", rows.get(0).get("colour___1"));
        assertEquals("2", rows.get(0).get("enrolment_complete"));
    }

    /** exportRecordsTyped batched: the record IDs first (fields[1]=record_id, outputFormat=csv as sent), then batches. */
    @Test
    void redcapapi_exportRecordsTyped_batched() {
        List<Map<String, String>> ids = call(redcapapi("content", "record", "format", "csv", "outputFormat", "csv", "fields[1]", "record_id")).csv();
        assertEquals(List.of("1", "2"), column(ids, "record_id"));
    }

    /** exportRecordsTyped(csv_delimiter = ";"): REDCap's csvDelimiter choices. */
    @Test
    void redcapapi_exportRecordsTyped_semicolon() {
        ClientCall.Answer a = call(redcapapi("content", "record", "format", "csv", "returnFormat", "csv", "type", "flat", "csvDelimiter", ";",
                "fields[1]", "record_id", "fields[2]", "name"));
        assertEquals("record_id;redcap_repeat_instrument;redcap_repeat_instance;name\n1;;;Ann\n2;;;Bo\n", a.text());
    }

    /** R/importRecords.R: format=csv, type=flat, overwriteBehavior, forceAutoNumber=FALSE, returnContent=count, returnFormat=csv, data. */
    @Test
    void redcapapi_importRecords_returnContent_count() {
        ClientCall.Answer a = call(importRecords("count", "FALSE", "\"record_id\",\"age\"\n\"zz-1\",\"61\""));
        assertAnswer(a, 200, "text/csv");
        assertEquals("1", a.text());
    }

    /** importRecords(return_content = "ids"): read back with read.csv, so the CSV needs its header "id". */
    @Test
    void redcapapi_importRecords_returnContent_ids() {
        ClientCall.Answer a = call(importRecords("ids", "FALSE", "\"record_id\",\"age\"\n\"zz-2\",\"62\"\n\"zz-3\",\"63\""));
        assertEquals(List.of("zz-2", "zz-3"), column(a.csv(), "id"));
    }

    /** importRecords(force_auto_number = TRUE, return_content = "auto_ids"): CSV with id and original_id. */
    @Test
    void redcapapi_importRecords_returnContent_auto_ids() {
        ClientCall.Answer a = call(importRecords("auto_ids", "TRUE", "\"record_id\",\"name\"\n\"new\",\"Dee\""));
        assertEquals(List.of(Map.of("id", "3", "original_id", "new")), a.csv());
    }

    /** importRecords(return_content = "nothing"). */
    @Test
    void redcapapi_importRecords_returnContent_nothing() {
        ClientCall.Answer a = call(importRecords("nothing", "FALSE", "\"record_id\",\"name\"\n\"zz-4\",\"Eli\""));
        assertEquals(200, a.status());
        assertEquals("", a.text());
        assertEquals("Eli", exported("zz-4").get(0).get("name"));
    }

    /** importRecords of a bad date (validation error, REDCap's message): 400, CSV error. */
    @Test
    void redcapapi_importRecords_invalid_date() {
        ClientCall.Answer a = call(importRecords("count", "FALSE", "\"record_id\",\"redcap_repeat_instrument\",\"redcap_repeat_instance\",\"visit_date\"\n"
                + "\"1\",\"visit\",\"2\",\"2024-02-30\""));
        assertEquals(400, a.status());
        assertEquals("ERROR: \"1\",\"visit_date\",\"2024-02-30\",\"The value you provided could not be validated because it does not follow "
                + "the expected format. Please try again.\"", a.text());
    }

    private ClientCall importRecords(String returnContent, String forceAutoNumber, String csv) {
        return redcapapi("content", "record", "format", "csv", "type", "flat", "overwriteBehavior", "normal", "forceAutoNumber", forceAutoNumber,
                "returnContent", returnContent, "returnFormat", "csv", "data", csv);
    }

    /** R/deleteRecords.R: action=delete, NULL arm/instrument/event dropped, records[1]=…; the count as text. */
    @Test
    void redcapapi_deleteRecords() {
        ClientCall.Answer a = call(redcapapi("content", "record", "action", "delete", "records[1]", "2"));
        assertEquals(200, a.status(), a.toString());
        assertEquals("1", a.text());
    }

    /** deleteRecords(instrument = "visit", repeat_instance = 1): only that instance. */
    @Test
    void redcapapi_deleteRecords_instance() {
        ClientCall.Answer a = call(redcapapi("content", "record", "action", "delete", "instrument", "visit", "repeat_instance", "1",
                "records[1]", "1"));
        assertEquals("1", a.text());
        assertEquals(List.of(""), column(exported("1"), "redcap_repeat_instrument"));
    }

    /** R/renameRecord.R: action=rename, record, new_record_name; REDCap answers 1. */
    @Test
    void redcapapi_renameRecord() {
        ClientCall.Answer a = call(redcapapi("content", "record", "action", "rename", "record", "1", "new_record_name", "101"));
        assertEquals(200, a.status(), a.toString());
        assertEquals("1", a.text());
        assertEquals(List.of("101", "101"), column(exported("101"), "record_id"));
        assertEquals(List.of(), exported("1"));
    }

    /** renameRecord by a user without the Rename Record right: REDCap's 403. */
    @Test
    void redcapapi_renameRecord_without_right() {
        String token = sandbox.createToken(p.pid, concord.connector.sandbox.SandboxUser.withAllRights("dora").withRecordRename(false));
        ClientCall.Answer a = send(redcapapi("content", "record", "action", "rename", "record", "1", "new_record_name", "101",
                "token", token));
        assertEquals(403, a.status());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\" ?><hash><error>You do not have Rename Record privileges</error></hash>", a.text());
    }

    /** R/importMetaData.R: format=csv, returnFormat=csv, data. */
    @Test
    void redcapapi_importMetaData() {
        ClientCall.Answer a = call(redcapapi("content", "metadata", "format", "csv", "returnFormat", "csv", "data", ConformanceProject.DICTIONARY));
        assertEquals("8", a.text());
    }

    /** R/importFiles.R (multipart, returnFormat after the file), R/exportFiles.R, R/deleteFiles.R. */
    @Test
    void redcapapi_importFiles_exportFiles_deleteFiles() {
        ClientCall.Answer up = call(redcapapi("content", "file", "action", "import", "record", "1", "field", "consent")
                .file("file", "consent.pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.UTF_8)).param("returnFormat", "csv"));
        assertEquals(200, up.status(), up.toString());
        ClientCall.Answer down = call(redcapapi("content", "file", "action", "export", "returnFormat", "csv", "record", "1", "field", "consent"));
        assertEquals("%PDF-1.4", down.text());
        assertTrue(down.contentType().startsWith("application/pdf; name=\"consent.pdf\""), down.contentType());
        ClientCall.Answer delete = call(redcapapi("content", "file", "action", "delete", "record", "1", "field", "consent", "returnFormat", "csv"));
        assertEquals(200, delete.status(), delete.toString());
        ClientCall.Answer gone = call(redcapapi("content", "file", "action", "export", "returnFormat", "csv", "record", "1", "field", "consent"));
        assertEquals(400, gone.status());
    }

    /**
     * R/createFileRepositoryFolder.R, R/importFileRepository.R, R/exportFileRepositoryListing.R (action=list,
     * format=csv, returnFormat=csv), R/exportFromFileRepository.R, R/deleteFromFileRepository.R.
     */
    @Test
    void redcapapi_file_repository() {
        List<Map<String, String>> created = call(redcapapi("content", "fileRepository", "action", "createFolder", "format", "csv",
                "returnFormat", "csv", "name", "Exports")).csv();
        String folder = created.get(0).get("folder_id");
        assertTrue(folder.matches("\\d+"), created.toString());
        assertEquals(200, call(redcapapi("content", "fileRepository", "action", "import", "folder_id", folder, "returnFormat", "csv")
                .file("file", "table.csv", "text/csv", "a,b\n".getBytes(StandardCharsets.UTF_8))).status());
        List<Map<String, String>> listed = call(redcapapi("content", "fileRepository", "action", "list", "format", "csv", "returnFormat", "csv",
                "folder_id", folder)).csv();
        assertEquals(List.of("table.csv"), column(listed, "name"));
        String doc = listed.get(0).get("doc_id");
        assertEquals("a,b\n", call(redcapapi("content", "fileRepository", "action", "export", "doc_id", doc, "returnFormat", "csv")).text());
        assertEquals(200, call(redcapapi("content", "fileRepository", "action", "delete", "doc_id", doc, "returnFormat", "csv")).status());
        assertEquals(List.of(), call(redcapapi("content", "fileRepository", "action", "list", "format", "csv", "returnFormat", "csv",
                "folder_id", folder)).csv());
    }

    /** R/exportLogging.R: format=csv, returnFormat=csv, logtype, beginTime "%Y-%m-%d %H:%M". */
    @Test
    void redcapapi_exportLogging() {
        call(redcapapi("content", "record", "action", "delete", "records[1]", "2"));
        List<Map<String, String>> rows = call(redcapapi("content", "log", "format", "csv", "returnFormat", "csv", "logtype", "record_delete",
                "beginTime", "2000-01-01 00:00")).csv();
        assertEquals(List.of("Delete record 2"), column(rows, "action"));
        assertEquals(List.of("2"), column(rows, "record"));
    }

    /** R/exportReports.R: format=csv, returnFormat=csv, report_id. */
    @Test
    void redcapapi_exportReports() {
        List<Map<String, String>> rows = call(redcapapi("content", "report", "format", "csv", "returnFormat", "csv", "report_id",
                String.valueOf(p.reportId))).csv();
        assertEquals(List.of("7"), column(rows, "score"));
        ClientCall.Answer unknown = call(redcapapi("content", "report", "format", "csv", "returnFormat", "csv", "report_id", "99999"));
        assertEquals(400, unknown.status());
    }

    /** R/exportNextRecordName.R: content only; as.numeric() of the text. */
    @Test
    void redcapapi_exportNextRecordName() {
        ClientCall.Answer a = call(redcapapi("content", "generateNextRecordName"));
        assertEquals(200, a.status());
        assertEquals(3, Integer.parseInt(a.text()));
    }
}
