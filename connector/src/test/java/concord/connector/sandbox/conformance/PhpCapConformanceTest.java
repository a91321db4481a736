package concord.connector.sandbox.conformance;

import static concord.connector.sandbox.conformance.ClientCall.Wire.FORM_PLUS;
import static concord.connector.sandbox.conformance.ClientCall.Wire.MULTIPART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * PHPCap (IUREDCap/phpcap): each case replays one {@code RedCapProject} method's {@code $data} array as
 * {@code src/RedCapProject.php} builds it ({@code token, content, returnFormat=json} first, then the arguments;
 * the 'php' format sent as {@code json}) and {@code RedCapApiConnection::callWithArray} posts it through
 * {@code http_build_query}: arrays as {@code records[0]=}, PHP booleans as {@code 0}/{@code 1}, nulls and empty
 * arrays left out. {@code importFile} posts the array with a CURLFile (multipart). PHPCap finds errors with
 * {@code JSON_RESULT_ERROR_PATTERN} {@code ^\s*{"error":\s*"(.*)"}\s*$}.
 */
class PhpCapConformanceTest extends ConformanceBase {
    private static final Pattern PHPCAP_ERROR = Pattern.compile("^[\\s]*\\{\"error\":[\\s]*\"(.*)\"}[\\s]*$");

    private ClientCall phpcap(String... pairs) {
        return ClientCall.of(FORM_PLUS, pairs);
    }

    /** The message PHPCap's processNonExportResult/processExportResult extracts, or null when it sees no error. */
    private static String phpcapError(ClientCall.Answer a) {
        Matcher m = PHPCAP_ERROR.matcher(a.text());
        return m.matches() ? m.group(1) : null;
    }

    /** exportRedcapVersion: token and content only. */
    @Test
    void phpcap_exportRedcapVersion() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "version"));
        assertEquals(sandbox.redcapVersion(), a.text());
    }

    /** exportProjectInfo('php'): format=json, decoded with json_decode. */
    @Test
    void phpcap_exportProjectInfo() {
        JsonNode info = send(phpcap("token", p.token, "content", "project", "returnFormat", "json", "format", "json")).json();
        assertEquals("Conformance", info.get("project_title").asText());
    }

    /** exportMetadata('php', [], ['visit']): forms[0]=visit; the empty fields array is left out. */
    @Test
    void phpcap_exportMetadata_forms() {
        JsonNode rows = send(phpcap("token", p.token, "content", "metadata", "returnFormat", "json", "format", "json", "forms[0]", "visit")).json();
        assertEquals(List.of("visit_date", "score"), values(rows, "field_name"));
    }

    /** exportFieldNames('php', 'group'). */
    @Test
    void phpcap_exportFieldNames_field() {
        JsonNode rows = send(phpcap("token", p.token, "content", "exportFieldNames", "returnFormat", "json", "format", "json",
                "field", "group")).json();
        assertEquals(List.of("group"), values(rows, "export_field_name"));
    }

    /** exportInstruments('php'). */
    @Test
    void phpcap_exportInstruments() {
        JsonNode rows = send(phpcap("token", p.token, "content", "instrument", "returnFormat", "json", "format", "json")).json();
        assertEquals(List.of("Enrolment", "Visit"), values(rows, "instrument_label"));
    }

    /** exportArms('php') on a classic project: the error PHPCap turns into an exception. */
    @Test
    void phpcap_exportArms_classic() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "arm", "returnFormat", "json", "format", "json"));
        assertEquals(400, a.status());
        assertEquals("You cannot export arms for classic projects", phpcapError(a));
    }

    /** exportInstrumentEventMappings('php') on a classic project. */
    @Test
    void phpcap_exportInstrumentEventMappings_classic() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "formEventMapping", "format", "json", "returnFormat", "json"));
        assertEquals("You cannot export form/event mappings for classic projects", phpcapError(a));
    }

    /** exportRepeatingInstrumentsAndEvents('php'). */
    @Test
    void phpcap_exportRepeatingInstrumentsAndEvents() {
        JsonNode rows = send(phpcap("token", p.token, "content", "repeatingFormsEvents", "returnFormat", "json", "format", "json")).json();
        assertEquals(List.of("visit"), values(rows, "form_name"));
    }

    /**
     * exportRecords('php', 'flat', ['1'], ['record_id','score']): records[0]=, fields[0]=, rawOrLabel,
     * rawOrLabelHeaders, PHP false as 0 for the flags, filterLogic '' (processFilterLogicArgument).
     */
    @Test
    void phpcap_exportRecords() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "record", "returnFormat", "json", "format", "json", "type", "flat",
                "records[0]", "1", "fields[0]", "record_id", "fields[1]", "score", "rawOrLabel", "raw", "rawOrLabelHeaders", "raw",
                "exportCheckboxLabel", "0", "exportSurveyFields", "0", "exportDataAccessGroups", "0", "filterLogic", ""));
        JsonNode rows = a.json();
        // The record ID is data of the base instance (Records::getData builds a row from it), the score of the visit.
        assertEquals(List.of("", "visit"), values(rows, "redcap_repeat_instrument"));
        assertEquals(1, rows.get(1).get("redcap_repeat_instance").asInt(), "instances are JSON numbers");
        assertEquals(List.of("", "7"), values(rows, "score"));
    }

    /** exportRecords('csv', …, csvDelimiter 'tab'): csvDelimiter is sent for CSV only. */
    @Test
    void phpcap_exportRecords_csv_tab() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "record", "returnFormat", "json", "format", "csv", "type", "flat",
                "fields[0]", "record_id", "fields[1]", "name", "rawOrLabel", "raw", "rawOrLabelHeaders", "raw", "exportCheckboxLabel", "0",
                "exportSurveyFields", "0", "exportDataAccessGroups", "0", "filterLogic", "", "csvDelimiter", "tab"));
        assertEquals("record_id\tredcap_repeat_instrument\tredcap_repeat_instance\tname\n1\t\t\tAnn\n2\t\t\tBo\n", a.text());
    }

    /** exportRecords with filterLogic "[age] > 40" (PHPCap sends it as given). */
    @Test
    void phpcap_exportRecords_filterLogic() {
        JsonNode rows = send(phpcap("token", p.token, "content", "record", "returnFormat", "json", "format", "json", "type", "flat",
                "fields[0]", "record_id", "rawOrLabel", "raw", "rawOrLabelHeaders", "raw", "exportCheckboxLabel", "0", "exportSurveyFields", "0",
                "exportDataAccessGroups", "0", "filterLogic", "[age] > 40")).json();
        assertEquals(List.of("2"), values(rows, "record_id"));
    }

    /**
     * importRecords($records) with the defaults: format json (from 'php'), data=json_encode(), type, overwriteBehavior,
     * forceAutoNumber=0, returnContent=count, dateFormat=YMD, no action. PHPCap json_decodes {"count": n}.
     */
    @Test
    void phpcap_importRecords_returnContent_count() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-1\",\"name\":\"Fay\"}]", "count", "0"));
        assertEquals(null, phpcapError(a));
        assertEquals(1, a.json().get("count").asInt());
    }

    /** importRecords(…, 'ids'): a JSON array of the IDs. */
    @Test
    void phpcap_importRecords_returnContent_ids() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-2\"}]", "ids", "0"));
        assertEquals(List.of("zz-2"), List.of(a.json().get(0).asText()));
    }

    /** importRecords(…, 'auto_ids', true): forceAutoNumber=1; pairs "new,sent". */
    @Test
    void phpcap_importRecords_returnContent_auto_ids() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"x\"}]", "auto_ids", "1"));
        assertEquals("[\"3,x\"]", a.text());
    }

    /** importRecords with a bad value: PHPCap's pattern finds the error; the line names record, field and value. */
    @Test
    void phpcap_importRecords_invalid_checkbox() {
        ClientCall.Answer a = send(importRecords("[{\"record_id\":\"zz-3\",\"colour___1\":\"yes\"}]", "count", "0"));
        assertEquals(400, a.status());
        String message = phpcapError(a);
        assertTrue(message != null && message.startsWith("\\\"zz-3\\\",\\\"colour___1\\\",\\\"yes\\\""), a.text());
    }

    private ClientCall importRecords(String data, String returnContent, String forceAutoNumber) {
        return phpcap("token", p.token, "content", "record", "returnFormat", "json", "format", "json", "data", data, "type", "flat",
                "overwriteBehavior", "normal", "forceAutoNumber", forceAutoNumber, "returnContent", returnContent, "dateFormat", "YMD");
    }

    /** deleteRecords(['1', '2']): action=delete, records[0]=, records[1]=, returnFormat=json, no format. */
    @Test
    void phpcap_deleteRecords() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "record", "action", "delete", "returnFormat", "json", "records[0]", "1",
                "records[1]", "2"));
        assertEquals(null, phpcapError(a));
        assertEquals("2", a.text());
    }

    /** deleteRecords without the Delete Record right: REDCap's 403, found by PHPCap's pattern. */
    @Test
    void phpcap_deleteRecords_without_right() {
        String token = sandbox.createToken(p.pid, concord.connector.sandbox.SandboxUser.withAllRights("eve").withRecordDelete(false));
        ClientCall.Answer a = send(phpcap("token", token, "content", "record", "action", "delete", "returnFormat", "json", "records[0]", "1"));
        assertEquals(403, a.status());
        assertEquals("You do not have Delete Record privileges", phpcapError(a));
    }

    /** generateNextRecordName: returnFormat=json, no format. */
    @Test
    void phpcap_generateNextRecordName() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "generateNextRecordName", "returnFormat", "json"));
        assertEquals("3", a.text());
    }

    /** importFile: the array with a CURLFile, posted multipart; the file part comes before record and field. */
    @Test
    void phpcap_importFile_exportFile_deleteFile() {
        ClientCall.Answer up = send(ClientCall.of(MULTIPART, "token", p.token, "content", "file", "action", "import", "returnFormat", "json")
                .file("file", "consent1001.txt", "text/plain", "ok".getBytes(StandardCharsets.UTF_8)).params("record", "1", "field", "consent"));
        assertEquals(200, up.status(), up.toString());
        assertEquals(null, phpcapError(up));
        ClientCall.Answer down = send(phpcap("token", p.token, "content", "file", "action", "export", "returnFormat", "json", "record", "1",
                "field", "consent"));
        assertEquals("ok", down.text());
        ClientCall.Answer delete = send(phpcap("token", p.token, "content", "file", "action", "delete", "returnFormat", "json", "record", "1",
                "field", "consent"));
        assertEquals(200, delete.status());
        assertEquals("There is no file to delete for this record", phpcapError(send(phpcap("token", p.token, "content", "file", "action",
                "delete", "returnFormat", "json", "record", "1", "field", "consent"))));
    }

    /** deleteFile of a record that does not exist: REDCap's file/delete.php checks the record before the field. */
    @Test
    void phpcap_deleteFile_unknown_record() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "file", "action", "delete", "returnFormat", "json", "record", "77",
                "field", "consent"));
        assertEquals("The record '77' does not exist", phpcapError(a));
    }

    /** importMetadata($metadata): format json, data, no action; PHPCap casts the answer to an integer. */
    @Test
    void phpcap_importMetadata() {
        String data = "[{\"field_name\":\"record_id\",\"form_name\":\"enrolment\",\"field_type\":\"text\",\"field_label\":\"Record ID\"}]";
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "metadata", "returnFormat", "json", "data", data, "format", "json"));
        assertEquals("1", a.text());
    }

    /** exportReports($reportId): report_id, format json, rawOrLabel, rawOrLabelHeaders, exportCheckboxLabel=0. */
    @Test
    void phpcap_exportReports() {
        JsonNode rows = send(phpcap("token", p.token, "content", "report", "returnFormat", "json", "report_id", String.valueOf(p.reportId),
                "format", "json", "rawOrLabel", "raw", "rawOrLabelHeaders", "raw", "exportCheckboxLabel", "0")).json();
        assertEquals(List.of("7"), values(rows, "score"));
    }

    /** exportUsers('php'). */
    @Test
    void phpcap_exportUsers() {
        JsonNode users = send(phpcap("token", p.token, "content", "user", "returnFormat", "json", "format", "json")).json();
        assertEquals(List.of("alice", "bob"), values(users, "username"));
    }

    /** importUsers: content=user with data and no action: REDCap makes it an import, which the sandbox does not serve (it says so). */
    @Test
    void phpcap_importUsers_not_served() {
        ClientCall.Answer a = send(phpcap("token", p.token, "content", "user", "returnFormat", "json", "format", "json",
                "data", "[{\"username\":\"zed\"}]"));
        assertEquals(400, a.status());
        assertTrue(phpcapError(a).contains("does not serve content=user with action import"), a.text());
    }
}
