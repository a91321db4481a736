package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.internal.CsvRows;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The CLBPOQ demo project shipped from deploy/redcap: its ODM and its CSV files describe the same records. */
class DemoProjectTest {
    static String resource(String name) throws IOException {
        try (InputStream in = RedcapSandbox.class.getClassLoader().getResourceAsStream(RedcapSandbox.DEMO_RESOURCE_DIR + name)) {
            Assumptions.assumeTrue(in != null, "deploy/redcap/" + name + " is not on the classpath yet");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<List<String>> exportLike(RedcapSandbox sandbox, int pid, List<String> header) {
        String token = sandbox.createToken(pid, SandboxUser.exportOnly("demo"));
        String fields = String.join(",", header.stream().filter(h -> !h.startsWith("redcap_")).toList());
        // The shipped file leaves never-saved forms' status blank, as exportBlankForGrayFormStatus=true does.
        var r = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv", "fields", fields,
                "exportBlankForGrayFormStatus", "true");
        assertEquals(200, r.statusCode(), r.body());
        return CsvRows.parse(r.body());
    }

    @Test
    void odmAndCsvSeedsExportTheShippedRecords() throws IOException {
        String records = resource("clbpoq-records.csv");
        List<List<String>> expected = CsvRows.parse(records);
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int odm = sandbox.seedDemoProject();
            int csv = sandbox.addProject(SandboxProject.fromDictionaryCsv("CLBPOQ", resource("clbpoq-dictionary.csv"), records));
            // the ODM also holds the qualitative_data instances, shipped apart in clbpoq-qualitative.csv
            List<List<String>> exported = exportLike(sandbox, odm, expected.get(0));
            int instrument = expected.get(0).indexOf("redcap_repeat_instrument");
            List<List<String>> qualitative = exported.stream().filter(r -> r.get(instrument).equals("qualitative_data")).toList();
            List<List<String>> rest = new java.util.ArrayList<>(exported);
            rest.removeAll(qualitative);
            assertEquals(expected, rest, "ODM seed exports clbpoq-records.csv");
            List<List<String>> quotes = CsvRows.parse(resource("clbpoq-qualitative.csv"));
            assertEquals(quotes.size() - 1, qualitative.size(), "ODM seed holds the instances of clbpoq-qualitative.csv");
            for (int row = 1; row < quotes.size(); row++) {
                for (int c = 0; c < quotes.get(0).size(); c++) {
                    assertEquals(quotes.get(row).get(c), qualitative.get(row - 1).get(expected.get(0).indexOf(quotes.get(0).get(c))),
                            "qualitative instance " + row + " field " + quotes.get(0).get(c));
                }
            }
            // A dictionary CSV cannot say which instruments repeat, so unchecked boxes of the (empty) repeating
            // results instrument export 0 instead of blank: every value present in the file must match.
            List<List<String>> fromCsv = exportLike(sandbox, csv, expected.get(0));
            assertEquals(expected.size(), fromCsv.size());
            for (int row = 0; row < expected.size(); row++) {
                for (int c = 0; c < expected.get(0).size(); c++) {
                    String want = expected.get(row).get(c);
                    if (!want.isEmpty()) {
                        assertEquals(want, fromCsv.get(row).get(c), "CSV seed row " + row + " column " + expected.get(0).get(c));
                    }
                }
            }
            assertEquals(expected.size() - 1, sandbox.project(odm).recordCount());
        }
    }

    @Test
    void commandLineServesTheDemoProject() throws IOException {
        resource("clbpoq-project.xml");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RedcapSandbox sandbox = RedcapSandboxMain.start(new String[] {"--port", "0"}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String printed = bytes.toString(StandardCharsets.UTF_8);
            String token = printed.lines().filter(l -> l.startsWith("Token:")).findFirst().orElseThrow().substring(6).trim();
            var r = Http.post(URI.create(sandbox.apiUrl().toString()), "token", token, "content", "instrument", "format", "csv");
            assertEquals(200, r.statusCode());
            assertTrue(r.body().startsWith("instrument_name,instrument_label\nparticipant,"), r.body());
        }
    }
}
