package concord.server.reliability;

import concord.connector.reliability.ReliabilityResults;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import concord.connector.RedcapAccessDeniedException;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapException;
import concord.connector.RedcapHtmlResponseException;
import concord.connector.RetryPolicy;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;
import concord.server.cli.Cli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input through the real loading path: data-dictionary and record CSV files on disk → the CLI
 * {@code analyze} (StudyLoader → RecordFeed → analysis → JSON/HTML), and the REDCap client against the
 * sandbox or a non-REDCap HTTP server. Each case checks that the message names the place and the fix,
 * and that no wrong result is written. Covered elsewhere and referenced, not repeated: rating-field
 * types and choice codes outside 1–9, sliders with the default range, unknown demographic fields
 * (StudyLoaderTest.misfitsAreAllReportedWithFieldAndFix); a dictionary that does not fit leaves no
 * output file (AnalyzeCommandTest.aDictionaryThatDoesNotFitExitsWithTheProblems).
 */
class BadInputTest {
    private static final String HEADER = "field_name,form_name,section_header,field_type,field_label,"
            + "select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,"
            + "text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,"
            + "matrix_group_name,matrix_ranking,field_annotation";
    private static final String RECORD_ID = "record_id,participant,,text,Record ID,,,,,,,,,,,,,";
    private static final String GROUP = "group,participant,,radio,You are a,\"1, Doctor | 2, Patient\",,,,,,,y,,,,,";
    private static final ReliabilityResults RESULTS = new ReliabilityResults("bad-input");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterAll
    static void writeResults() {
        RESULTS.write();
    }

    private static String outcome(String field, String label) {
        return field + ",ratings,,text,\"" + label.replace("\"", "\"\"") + "\",,,integer,1,9,,,,,,,,@CONCORD-OUTCOME";
    }

    /** A dictionary with the record ID, the group field and two outcomes, plus {@code extra} rows. */
    private static List<String> dictionary(String... extra) {
        List<String> rows = new ArrayList<>(List.of(HEADER, RECORD_ID, GROUP, outcome("pain", "Pain"),
                outcome("sleep", "Sleep")));
        rows.addAll(List.of(extra));
        return rows;
    }

    /** Four valid records (two per group) followed by {@code extra} rows {@code id,group,pain,sleep}. */
    private static List<String> records(String... extra) {
        List<String> rows = new ArrayList<>(List.of("record_id,group,pain,sleep", "1,1,8,7", "2,1,9,6", "3,2,7,5",
                "4,2,6,8"));
        rows.addAll(List.of(extra));
        return rows;
    }

    private int analyze(List<String> dictionary, List<String> records, String... more) throws Exception {
        Files.write(dir.resolve("dictionary.csv"), dictionary, StandardCharsets.UTF_8);
        Files.write(dir.resolve("records.csv"), records, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("analyze", "--dictionary", dir.resolve("dictionary.csv").toString(),
                "--records", dir.resolve("records.csv").toString(), "--json", json().toString(),
                "--html", dir.resolve("r.html").toString(), "--exclusions", dir.resolve("x.csv").toString()));
        if (List.of(more).stream().noneMatch("--group-field"::equals)) {
            args.addAll(List.of("--group-field", "group"));
        }
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path json() {
        return dir.resolve("r.json");
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private JsonNode result() throws Exception {
        return new ObjectMapper().readTree(json().toFile());
    }

    /** n of an outcome in a group, as published in the JSON result. */
    private int n(String field, String group) throws Exception {
        JsonNode result = result();
        for (JsonNode o : result.get("outcomes")) {
            if (o.get("field").asText().equals(field)) {
                for (JsonNode g : result.get("groups")) { // outcome statistics are keyed by the group's label
                    if (g.get("code").asText().equals(group)) {
                        return o.get("groups").get(g.get("label").asText()).get("n").asInt();
                    }
                }
            }
        }
        throw new AssertionError("no outcome " + field + " in " + result());
    }

    private void refused(String scenario, int code, String... expected) {
        assertEquals(1, code, err());
        for (String text : expected) {
            assertTrue(err().contains(text), "expected '" + text + "' in:\n" + err());
        }
        assertTrue(Files.notExists(json()) && Files.notExists(dir.resolve("r.html")), "no result may be written");
        RESULTS.add(scenario, "outcome", "refused, nothing written");
        RESULTS.add(scenario, "message", err().lines().findFirst().orElse(""));
    }

    @ParameterizedTest(name = "rating ''{0}''")
    @CsvSource(value = {
        "0    | outside the scale 1–9: excluded; correct the value.",
        "10   | outside the scale 1–9: excluded; correct the value.",
        "-1   | outside the scale 1–9: excluded; correct the value.",
        "high | not a whole number: excluded; enter a score 1–9 or leave it empty.",
        "7.5  | not a whole number: excluded; enter a score 1–9 or leave it empty.",
        "'6,5'| not a whole number: excluded; enter a score 1–9 or leave it empty.",
    }, delimiter = '|')
    void aRatingOffTheScaleIsExcludedNamedAndCounted(String value, String problem) throws Exception {
        String cell = value.contains(",") ? "\"" + value + "\"" : value;
        assertEquals(0, analyze(dictionary(), records("5,2," + cell + ",4")), err());
        assertTrue(err().contains("excluded: record 5, field pain, value '" + value + "': " + problem), err());
        assertEquals(2, n("pain", "2"), "record 5's pain must not be analysed");
        assertEquals(3, n("sleep", "2"), "record 5's other answers still count");
        assertTrue(Files.readString(dir.resolve("x.csv")).contains("5,pain,"), "listed in the exclusions file");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("5 records read, 5 analysed, 1 values excluded"));
        RESULTS.add("rating " + value, "outcome", "excluded and counted");
        RESULTS.add("rating " + value, "message", problem);
    }

    @Test
    void wholeNumberDecimalAndBlankRatings() throws Exception {
        assertEquals(0, analyze(dictionary(), records("5,2,7.0,", "6,2,,")), err());
        assertFalse(err().contains("excluded:"), "7.0 is 7 (sliders export it so) and a blank is an unanswered item: " + err());
        assertEquals(3, n("pain", "2"), "7.0 counts as 7");
        assertEquals(2, n("sleep", "2"), "blanks are missing, not zero");
        RESULTS.add("rating 7.0 / blank", "outcome", "7.0 analysed as 7; blank counted as missing, not excluded");
    }

    @ParameterizedTest(name = "group ''{0}''")
    @CsvSource(value = {
        "''| no stakeholder group: the record is left out; fill in group.",
        "3 | not one of the group codes [1, 2]: the record is left out; correct the value.",
        "x | not one of the group codes [1, 2]: the record is left out; correct the value.",
    }, delimiter = '|')
    void aRecordWithoutAValidGroupIsLeftOutWhole(String group, String problem) throws Exception {
        assertEquals(0, analyze(dictionary(), records("5," + group + ",1,1")), err());
        assertTrue(err().contains("excluded: record 5, field group, value '" + group + "': " + problem), err());
        assertEquals(2, n("pain", "1"));
        assertEquals(2, n("pain", "2"));
        RESULTS.add("group value '" + group + "'", "outcome", "record left out and counted");
        RESULTS.add("group value '" + group + "'", "message", problem);
    }

    @Test
    void groupFieldMissingFromTheDictionary() throws Exception {
        List<String> dictionary = dictionary();
        dictionary.remove(GROUP);
        refused("group field missing from dictionary", analyze(dictionary, records()),
                "Project dictionary.csv: group field 'group' is not in the data dictionary; correct group-field.");
    }

    @Test
    void misconfiguredFieldNamesNameTheFieldAndTheFix() throws Exception {
        refused("group-field names no field", analyze(dictionary(), records(), "--group-field", "grup"),
                "group field 'grup' is not in the data dictionary; correct group-field.");
        err.reset();
        refused("outcome list names no field", analyze(dictionary(), records(), "--outcomes", "pain,slepe"),
                "outcome field 'slepe' is not in the data dictionary; correct the outcomes list.");
    }

    @Test
    void onlyOneGroupPresentIsAnalysedWithAnEmptySecondGroup() throws Exception {
        List<String> doctorsOnly = List.of("record_id,group,pain,sleep", "1,1,8,7", "2,1,9,6");
        assertEquals(0, analyze(dictionary(), doctorsOnly), err());
        assertEquals(2, n("pain", "1"));
        assertEquals(0, n("pain", "2"), "the absent group is reported with n = 0, never invented");
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("0 differ between groups"), summary);
        RESULTS.add("only one group present", "outcome", "analysed; other group n = 0; nothing differs");
    }

    @Test
    void aGroupWithNoAnswersForAnOutcome() throws Exception {
        List<String> rows = List.of("record_id,group,pain,sleep", "1,1,8,7", "2,1,9,6", "3,2,7,", "4,2,6,");
        assertEquals(0, analyze(dictionary(), rows), err());
        assertEquals(0, n("sleep", "2"));
        JsonNode sleep = null;
        for (JsonNode o : result().get("outcomes")) {
            sleep = o.get("field").asText().equals("sleep") ? o : sleep;
        }
        JsonNode comparison = sleep.get("comparison");
        for (String test : List.of("chiSquare", "mannWhitney")) {
            assertTrue(comparison.path(test).isNull() || comparison.path(test).isMissingNode(),
                    "no " + test + " on an empty group: " + comparison);
        }
        RESULTS.add("group with zero answers for an outcome", "outcome", "n = 0 published; no comparison claimed");
    }

    @Test
    void duplicateRecordIdsAreCountedNotAnalysedTwice() throws Exception {
        assertEquals(0, analyze(dictionary(), records("3,2,1,1", "4,1,1,1")), err());
        assertTrue(err().contains("excluded: record 3, field record_id, value '3': duplicate record ID"), err());
        assertTrue(err().contains("give each record a unique ID"), err());
        assertEquals(2, n("pain", "1"));
        assertEquals(2, n("pain", "2"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("4 records read, 4 analysed, 2 values excluded"));
        RESULTS.add("duplicate record IDs", "outcome", "later rows left out and counted (bug fixed: were analysed again)");
    }

    @Test
    void anEmptyProject() throws Exception {
        assertEquals(0, analyze(dictionary(), List.of("record_id,group,pain,sleep")), err());
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 records read, 0 analysed"));
        assertEquals(0, n("pain", "1"));
        assertEquals(0, result().get("summary").get("differing").asInt());
        RESULTS.add("empty project", "outcome", "analysed: all n = 0, nothing differs");
    }

    @Test
    void aDictionaryWithoutRatingFields() throws Exception {
        List<String> dictionary = List.of(HEADER, RECORD_ID, GROUP);
        refused("dictionary without rating fields", analyze(dictionary, records()),
                "no field carries the action tag @CONCORD-OUTCOME in its Field Annotation; tag the rating fields");
    }

    @Test
    void htmlInLabelsIsStrippedOrEscapedNeverExecuted() throws Exception {
        List<String> dictionary = new ArrayList<>(List.of(HEADER, RECORD_ID,
                "group,participant,,radio,You are a,\"1, <b>Doctor</b> | 2, Patient<script>alert(2)</script>\",,,,,,,y,,,,,",
                outcome("pain", "<script>alert(1)</script>Pain <img src=x onerror=alert(3)>"),
                outcome("sleep", "Sleep &amp; <i>rest</i>")));
        assertEquals(0, analyze(dictionary, records()), err());
        String html = Files.readString(dir.resolve("r.html"));
        for (String active : List.of("<script>alert", "onerror=", "<img", "<b>Doctor", "<i>rest")) {
            assertFalse(html.contains(active), active + " reached the HTML report");
        }
        assertTrue(html.contains("Pain"), "the label's text survives");
        String json = Files.readString(json());
        assertFalse(json.contains("<script>"), json);
        RESULTS.add("HTML in labels", "outcome", "tags stripped; nothing executable in the HTML report");
    }

    @Test
    void nonLatinLabelsSurvive() throws Exception {
        List<String> dictionary = new ArrayList<>(List.of(HEADER, RECORD_ID,
                "group,participant,,radio,Роль,\"1, 医生 | 2, Пациент\",,,,,,,y,,,,,",
                outcome("pain", "疼痛强度"), outcome("sleep", "Качество сна")));
        assertEquals(0, analyze(dictionary, records()), err());
        String json = Files.readString(json(), StandardCharsets.UTF_8);
        String html = Files.readString(dir.resolve("r.html"), StandardCharsets.UTF_8);
        for (String text : List.of("疼痛强度", "Качество сна", "医生", "Пациент")) {
            assertTrue(json.contains(text), text + " missing from JSON");
            assertTrue(html.contains(text), text + " missing from HTML");
        }
        RESULTS.add("non-Latin labels", "outcome", "Chinese and Cyrillic survive into JSON and HTML");
    }

    @Test
    void aThousandFields() throws Exception {
        List<String> dictionary = new ArrayList<>(List.of(HEADER, RECORD_ID, GROUP));
        StringBuilder header = new StringBuilder("record_id,group");
        List<StringBuilder> rows = List.of(new StringBuilder("1,1"), new StringBuilder("2,1"), new StringBuilder("3,2"),
                new StringBuilder("4,2"));
        for (int i = 1; i <= 1000; i++) {
            dictionary.add(outcome("o" + i, "Outcome " + i));
            header.append(",o").append(i);
            for (int r = 0; r < rows.size(); r++) {
                rows.get(r).append(',').append(1 + (i + r) % 9);
            }
        }
        List<String> records = new ArrayList<>(List.of(header.toString()));
        rows.forEach(r -> records.add(r.toString()));
        assertEquals(0, analyze(dictionary, records), err());
        assertEquals(1000, result().get("outcomes").size());
        assertEquals(2, n("o1000", "2"));
        RESULTS.add("1,000 fields", "outcome", "all 1000 outcomes analysed");
    }

    @Test
    void aWrongOrRevokedTokenIsRefusedClearlyAndNothingIsWritten() throws Exception {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.seedDemoProject();
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("alice"));
            String wrong = "0123456789ABCDEF0123456789ABCDEF";
            Map<String, String> before = sandbox.project(pid).values("1");
            sandbox.revokeToken(token);
            for (String t : List.of(wrong, token)) {
                try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl().toString(), t)
                        .withRetryPolicy(RetryPolicy.none()))) {
                    RedcapAccessDeniedException e = assertThrows(RedcapAccessDeniedException.class, client::metadata);
                    assertTrue(e.getMessage().contains("refused the API token"), e.getMessage());
                    assertTrue(e.getMessage().contains("User Rights"), "names the fix: " + e.getMessage());
                    assertFalse(e.getMessage().contains(t), "the token must not appear in the message");
                    assertThrows(RedcapException.class,
                            () -> client.importRecords(List.of(Map.of("record_id", "1", "age", "99"))));
                }
            }
            assertEquals(before, sandbox.project(pid).values("1"), "nothing was written into the project");
            RESULTS.add("wrong or revoked token", "outcome", "RedcapAccessDeniedException; no write; token not shown");
        }
    }

    @Test
    void aUrlThatIsNotRedcap() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><html><head><title>Welcome to nginx</title></head><body>Hi</body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of("http://127.0.0.1:"
                + server.getAddress().getPort() + "/api/", "0123456789ABCDEF0123456789ABCDEF")
                .withRetryPolicy(RetryPolicy.none()).withConnectTimeout(Duration.ofSeconds(2)))) {
            RedcapHtmlResponseException e = assertThrows(RedcapHtmlResponseException.class, client::metadata);
            assertTrue(e.getMessage().contains("with an HTML page"), e.getMessage());
            assertTrue(e.getMessage().contains("open the URL in a browser"), "names the fix: " + e.getMessage());
            RESULTS.add("URL that is not REDCap", "outcome", "RedcapHtmlResponseException naming the URL and the fix");
        } finally {
            server.stop(0);
        }
    }
}
