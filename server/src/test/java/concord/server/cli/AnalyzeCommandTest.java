package concord.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code analyze} on the real CLBPOQ demo files shipped in deploy/redcap. */
class AnalyzeCommandTest {
    private static final Path DEPLOY = Path.of(System.getProperty("user.dir")).resolve("../deploy/redcap").normalize();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void analysesTheDemoExportIntoEveryFormat(@TempDir Path dir) throws Exception {
        // no --group-field: the CLBPOQ dictionary tags its group field @CONCORD-GROUP
        int code = run("analyze", "--records", DEPLOY.resolve("clbpoq-records.csv").toString(),
                "--dictionary", DEPLOY.resolve("clbpoq-dictionary.csv").toString(),
                "--demographics", "age,sex", "--json", dir.resolve("r.json").toString(), "--html", dir.resolve("r.html").toString(),
                "--xlsx", dir.resolve("r.xlsx").toString(), "--csv", dir.resolve("r.csv").toString(),
                "--docx", dir.resolve("r.docx").toString(),
                "--exclusions", dir.resolve("x.csv").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
        assertEquals(57, json.get("outcomes").size());
        assertEquals(2, json.get("groups").size());
        assertTrue(Files.readString(dir.resolve("r.html")).contains("Pain/discomfort"));
        assertTrue(Files.size(dir.resolve("r.xlsx")) > 1000);
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(dir.resolve("r.docx")))) {
            assertTrue(docx.getTables().size() >= 5, "Word tables");
            assertTrue(docx.getTables().stream().anyMatch(t -> t.getText().contains("Pain/discomfort")));
        }
        assertEquals("record,field,value,problem", Files.readAllLines(dir.resolve("x.csv")).get(0));
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("56 records read, 56 analysed, 0 values excluded; 57 outcomes"), summary);
    }

    @Test
    void quotesGiveTheJointDisplayAndTheTopicGuideAsksAboutTheDifferingOutcomes(@TempDir Path dir) throws Exception {
        int code = run("analyze", "--records", DEPLOY.resolve("clbpoq-records.csv").toString(),
                "--dictionary", DEPLOY.resolve("clbpoq-dictionary.csv").toString(),
                "--quotes", DEPLOY.resolve("clbpoq-qualitative.csv").toString(),
                "--json", dir.resolve("r.json").toString(), "--html", dir.resolve("r.html").toString(),
                "--docx", dir.resolve("r.docx").toString(), "--topic-guide", dir.resolve("guide.html").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("r.json").toFile());
        assertTrue(json.get("jointDisplay").get("rows").size() > 0, "the joint display is in the JSON");
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("Joint display (Table 2)") && html.contains("Illustrative placeholder"), "and in the HTML report");
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(dir.resolve("r.docx")))) {
            assertTrue(docx.getTables().stream().anyMatch(t -> t.getText().contains("Illustrative placeholder")), "and in Word");
        }
        String guide = Files.readString(dir.resolve("guide.html"));
        for (JsonNode o : json.get("outcomes")) {
            boolean differs = o.get("comparison").get("differs").asBoolean();
            assertEquals(differs || criticalEverywhere(o), guide.contains("<em>" + o.get("label").asText() + "</em>"),
                    o.get("label").asText() + ": asked about exactly when it differs (or opens the guide: critical for every group)");
        }
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("56 records read, 56 analysed, 0 values excluded"), summary);
        assertTrue(summary.contains("10 coded quotes read for the joint display, 0 problems in qualitative_data"), summary);

        // Word topic guide, Chinese wording
        out.reset();
        assertEquals(0, run("analyze", "--records", DEPLOY.resolve("clbpoq-records.csv").toString(),
                "--dictionary", DEPLOY.resolve("clbpoq-dictionary.csv").toString(), "--topic-guide-language", "zh",
                "--topic-guide", dir.resolve("guide.docx").toString()), err.toString(StandardCharsets.UTF_8));
        try (var docx = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(dir.resolve("guide.docx")))) {
            assertTrue(docx.getTables().size() > 0, "one table per domain");
        }
        assertEquals(2, run("analyze", "--records", DEPLOY.resolve("clbpoq-records.csv").toString(),
                "--dictionary", DEPLOY.resolve("clbpoq-dictionary.csv").toString(), "--topic-guide", dir.resolve("guide.pdf").toString()));
    }

    private static boolean criticalEverywhere(JsonNode outcome) {
        boolean all = true;
        for (JsonNode g : outcome.get("groups")) {
            all &= g.get("consensus").asText().equals("critical");
        }
        return all;
    }

    @Test
    void aDictionaryThatDoesNotFitExitsWithTheProblems(@TempDir Path dir) {
        int code = run("analyze", "--records", DEPLOY.resolve("clbpoq-records.csv").toString(),
                "--dictionary", DEPLOY.resolve("clbpoq-dictionary.csv").toString(), "--group-field", "age",
                "--json", dir.resolve("r.json").toString());
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("group field 'age' has type text"), err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(dir.resolve("r.json")));
    }

    @Test
    void delphiRoundsFromARoundFieldAndFromEvents(@TempDir Path dir) throws Exception {
        var panel = concord.server.load.DelphiProjectFiles.panel(5, 40);
        Path dictionary = Files.writeString(dir.resolve("dictionary.csv"), concord.server.load.DelphiProjectFiles.DICTIONARY);
        Path classic = Files.writeString(dir.resolve("classic.csv"), concord.server.load.DelphiProjectFiles.classicCsv(panel)
                + "x9,,,1,1,2,,,,,,\nx9,ratings,1,,,,7,5,5,5,5,2\n");
        int code = run("analyze", "--records", classic.toString(), "--dictionary", dictionary.toString(), "--round-field", "round",
                "--consensus", "comet", "--json", dir.resolve("field.json").toString(), "--exclusions", dir.resolve("x.csv").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("field.json").toFile());
        assertEquals(3, json.get("rounds").size());
        assertEquals("Round 2", json.get("rounds").get(1).get("label").asText());
        assertEquals(4, json.get("stability").size());
        assertTrue(json.get("attrition").get("all").get("dropouts").asInt() > 0);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertTrue(summary.contains("41 records read, 41 analysed, 1 values excluded; 4 outcomes"), summary);
        assertTrue(summary.contains("in Round 3 (3 rounds by field round: 1, 2, 3; "), summary);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("excluded: record x9, field round, value '7': not one of the rounds [1, 2, 3]"),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve("x.csv")).contains("x9,round,7,"));

        out.reset();
        Path longitudinal = Files.writeString(dir.resolve("longitudinal.csv"), concord.server.load.DelphiProjectFiles.longitudinalCsv(panel));
        code = run("analyze", "--records", longitudinal.toString(), "--dictionary", dictionary.toString(), "--rounds", "events",
                "--consensus", "comet", "--json", dir.resolve("events.json").toString(), "--csv", dir.resolve("events.csv").toString(),
                "--rounds-csv", dir.resolve("rounds.csv").toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.readString(dir.resolve("events.csv")).startsWith("\uFEFFoutcome_field,outcome,"), "report.csv is Table 1");
        assertTrue(Files.readString(dir.resolve("rounds.csv")).startsWith("\uFEFFtable,outcome_field,outcome,group_code,group,round,measure,value"));
        JsonNode events = new ObjectMapper().readTree(dir.resolve("events.json").toFile());
        assertEquals("round_3_arm_1", events.get("rounds").get(2).get("code").asText());
        assertEquals(json.get("stability"), events.get("stability"), "the same panel, the same stability");
        assertEquals(json.get("rounds").get(0).get("result"), events.get("rounds").get(0).get("result"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("40 records read, 40 analysed, 0 values excluded"));

        out.reset();
        assertEquals(0, run("analyze", "--records", longitudinal.toString(), "--dictionary", dictionary.toString(), "--rounds", "events",
                "--consensus", "comet", "--rounds-csv", dir.resolve("only-rounds.csv").toString()));
        assertEquals(Files.readString(dir.resolve("rounds.csv")), Files.readString(dir.resolve("only-rounds.csv")), "rounds.csv alone");
        assertTrue(out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("wrote ")).count() == 1, out.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("analyze", "--records", classic.toString(), "--dictionary", dictionary.toString(), "--rounds", "events",
                "--json", dir.resolve("no.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("rounds by event need a longitudinal export with a redcap_event_name column"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(1, run("analyze", "--records", classic.toString(), "--dictionary", dictionary.toString(), "--round-field", "rnd",
                "--json", dir.resolve("no.json").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("round-field 'rnd' is not in the data dictionary"));
        assertEquals(2, run("analyze", "--records", classic.toString(), "--dictionary", dictionary.toString(), "--round-field", "round",
                "--rounds", "events", "--json", dir.resolve("no.json").toString()));
        assertTrue(Files.notExists(dir.resolve("no.json")));
    }

    @Test
    void usageMistakesExitWith2() {
        assertEquals(2, run("analyze", "--records", "x.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--dictionary is required"));
        assertEquals(2, run("analyze", "--bogus", "1"));
        assertEquals(2, run("frobnicate"));
    }
}
