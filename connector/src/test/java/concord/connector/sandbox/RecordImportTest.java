package concord.connector.sandbox;

import static concord.connector.sandbox.DesignMethodsTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Record import: formats, counts, overwrite behaviour, validation rows, rights. */
class RecordImportTest {
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

    HttpResponse<String> importData(String format, String data, String... more) {
        String[] base = {"token", token, "content", "record", "action", "import", "format", format, "type", "flat", "data", data};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return Http.post(sandbox.apiUrl(), all);
    }

    @Test
    void jsonImportCountsRecordsAndStores() throws Exception {
        HttpResponse<String> r = importData("json", "[{\"record_id\":\"100\",\"name_first\":\"Ann\",\"sex\":\"1\",\"race___2\":\"1\"},"
                + "{\"record_id\":\"101\",\"age\":42}]");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(2, JSON.readTree(r.body()).get("count").intValue());
        var values = sandbox.project(pid).values("100");
        assertEquals("Ann", values.get("name_first"));
        assertEquals("1", values.get("race___2"));
        assertEquals("0", values.get("race___1"), "unchecked boxes of a saved form are 0");
        assertEquals("0", values.get("demographics_complete"));
        assertEquals("42", sandbox.project(pid).values("101").get("age"));
    }

    @Test
    void csvImportReturnsIdsAndAutoNumbers() throws Exception {
        HttpResponse<String> ids = importData("csv", "record_id,name_first\n200,\"Bo, Jr.\"\n201,Cy\n", "returnContent", "ids");
        assertEquals("id\n200\n201", ids.body(), "REDCap's API/record/import.php trims the CSV it writes");
        assertEquals("Bo, Jr.", sandbox.project(pid).values("200").get("name_first"));
        HttpResponse<String> auto = importData("json", "[{\"record_id\":\"x\",\"name_first\":\"Dee\"}]", "forceAutoNumber", "True",
                "returnContent", "auto_ids");
        assertEquals("[\"202,x\"]", auto.body());
        HttpResponse<String> autoCsv = importData("json", "[{\"record_id\":\"y\",\"name_first\":\"Eve\"}]", "forceAutoNumber", "true",
                "returnContent", "auto_ids", "returnFormat", "csv");
        assertEquals("id,original_id\n203,y", autoCsv.body());
        assertEquals("1", importData("csv", "record_id,age\n1,20\n").body());
    }

    @Test
    void normalKeepsAndOverwriteErasesWithBlanks() {
        importData("json", "[{\"record_id\":\"1\",\"name_first\":\"\"}]");
        assertEquals("Nutmeg", sandbox.project(pid).values("1").get("name_first"));
        importData("json", "[{\"record_id\":\"1\",\"name_first\":\"\"}]", "overwriteBehavior", "overwrite");
        assertEquals("", sandbox.project(pid).values("1").get("name_first"));
    }

    @Test
    void validationErrorsAreOneCsvRowPerValueAndNothingIsSaved() {
        HttpResponse<String> r = importData("csv", "record_id,sex,weight,dob\n300,7,heavy,2020-02-30\n", "returnFormat", "csv");
        assertEquals(400, r.statusCode());
        assertEquals("ERROR: \"300\",\"sex\",\"7\",\"The value is not a valid category for sex\"\n"
                + "\"300\",\"weight\",\"heavy\",\"The value you provided could not be validated because it does not follow the expected format. Please try again.\"\n"
                + "\"300\",\"dob\",\"2020-02-30\",\"The value you provided could not be validated because it does not follow the expected format. Please try again.\"",
                r.body());
        assertTrue(sandbox.project(pid).values("300").isEmpty());
        HttpResponse<String> json = importData("json", "[{\"record_id\":\"300\",\"sex\":\"7\"}]");
        assertEquals("{\"error\":\"\\\"300\\\",\\\"sex\\\",\\\"7\\\",\\\"The value is not a valid category for sex\\\"\"}", json.body());
    }

    @Test
    void unknownFieldsAndMissingRights() {
        HttpResponse<String> unknown = importData("json", "[{\"record_id\":\"1\",\"shoe_size\":\"9\",\"hat\":\"\"}]");
        assertEquals(400, unknown.statusCode());
        assertEquals("{\"error\":\"The following fields were not found in the project as real data fields: shoe_size, hat\"}", unknown.body());
        String reader = sandbox.createToken(pid, SandboxUser.exportOnly("reader"));
        HttpResponse<String> denied = Http.post(sandbox.apiUrl(), "token", reader, "content", "record", "action", "import", "format", "csv",
                "data", "record_id\n1\n");
        assertEquals(403, denied.statusCode());
        assertEquals("ERROR: You do not have API Import/Update privileges", denied.body());
    }

    @Test
    void aSingleJsonObjectImportsNothing() throws Exception {
        HttpResponse<String> r = importData("json", "{\"record_id\":\"400\"}");
        assertEquals(0, JSON.readTree(r.body()).get("count").intValue());
    }

    @Test
    void dagUsersImportIntoTheirGroupOnly() throws Exception {
        String site = sandbox.createToken(pid, SandboxUser.withAllRights("site").withDataAccessGroup("dag_2"));
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", site, "content", "record", "action", "import", "format", "json",
                "data", "[{\"record_id\":\"500\",\"age\":\"5\"}]");
        assertEquals(200, r.statusCode(), r.body());
        var mine = JSON.readTree(Http.post(sandbox.apiUrl(), "token", site, "content", "record", "format", "json", "fields", "record_id").body());
        assertTrue(mine.toString().contains("\"500\""));
        HttpResponse<String> other = Http.post(sandbox.apiUrl(), "token", site, "content", "record", "action", "import", "format", "json",
                "data", "[{\"record_id\":\"1\",\"age\":\"5\"}]");
        assertEquals(400, other.statusCode(), "record 1 is in dag_1");
    }

    /**
     * A record imported with repeating-instrument rows only: REDCap saves the record ID on the base instance
     * (its Data Import code puts the record ID column into every row it saves; Records::getData builds a base row
     * from that data point), so the export shows a base row, then the instances. Instance 2 alone does the same.
     */
    @Test
    void repeatingRowsAloneStillExportABaseRow() throws Exception {
        int rpid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Http.fixtures().resolve("repeating-instruments")));
        String t = sandbox.createToken(rpid, SandboxUser.withAllRights("writer"));
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", t, "content", "record", "format", "csv", "data",
                "record_id,redcap_repeat_instrument,redcap_repeat_instance,bp_systolic\n77,bp,2,120\n");
        assertEquals("1", r.body());
        HttpResponse<String> export = Http.post(sandbox.apiUrl(), "token", t, "content", "record", "format", "csv", "records", "77",
                "fields", "record_id,first_name,demographics_complete,bp_systolic,bp_complete");
        assertEquals("record_id,redcap_repeat_instrument,redcap_repeat_instance,first_name,demographics_complete,bp_systolic,bp_complete\n"
                + "77,,,,0,,\n77,bp,2,,,120,0\n", export.body());
        HttpResponse<String> wrong = Http.post(sandbox.apiUrl(), "token", t, "content", "record", "format", "json", "data",
                "[{\"record_id\":\"78\",\"redcap_repeat_instrument\":\"demographics\",\"redcap_repeat_instance\":\"1\",\"first_name\":\"x\"}]");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("redcap_repeat_instrument must be the unique form name of a Repeating Instrument"), wrong.body());
        HttpResponse<String> stray = Http.post(sandbox.apiUrl(), "token", t, "content", "record", "format", "json", "data",
                "[{\"record_id\":\"79\",\"redcap_repeat_instance\":\"2\",\"first_name\":\"x\"}]");
        assertTrue(stray.body().contains("redcap_repeat_instance cannot have a value"), stray.body());
        assertTrue(!sandbox.project(rpid).recordIds().contains("78") && !sandbox.project(rpid).recordIds().contains("79"));
    }

    /** dateFormat=MDY/DMY (PyCap's date_format, PHPCap's $dateFormat): slashed dates are stored as YYYY-MM-DD. */
    @Test
    void dateFormatMdyAndDmyConvertSlashedDates() {
        assertEquals(200, importData("json", "[{\"record_id\":\"500\",\"dob\":\"12/31/1970\"}]", "dateFormat", "MDY").statusCode());
        assertEquals("1970-12-31", sandbox.project(pid).values("500").get("dob"));
        assertEquals(200, importData("json", "[{\"record_id\":\"501\",\"dob\":\"1/2/1971\"}]", "dateFormat", "DMY").statusCode());
        assertEquals("1971-02-01", sandbox.project(pid).values("501").get("dob"));
        assertEquals(400, importData("json", "[{\"record_id\":\"502\",\"dob\":\"12/31/1970\"}]").statusCode(), "YMD is the default");
    }
}
