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
    void aDictionaryThatDoesNotFitExitsWithTheProblems(@TempDir Path dir) {
        int code = run("analyze", "--records", DEPLOY.resolve("clbpoq-records.csv").toString(),
                "--dictionary", DEPLOY.resolve("clbpoq-dictionary.csv").toString(), "--group-field", "age",
                "--json", dir.resolve("r.json").toString());
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("group field 'age' has type text"), err.toString(StandardCharsets.UTF_8));
        assertTrue(Files.notExists(dir.resolve("r.json")));
    }

    @Test
    void usageMistakesExitWith2() {
        assertEquals(2, run("analyze", "--records", "x.csv"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--dictionary is required"));
        assertEquals(2, run("analyze", "--bogus", "1"));
        assertEquals(2, run("frobnicate"));
    }
}
