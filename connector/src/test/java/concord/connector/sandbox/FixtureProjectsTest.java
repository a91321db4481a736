package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.sandbox.internal.CsvRows;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeds every REDCapR fixture project and checks that the API export gives back data.csv value for value. */
class FixtureProjectsTest {
    static RedcapSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Fixture folders with a non-empty data.csv; the rest are covered by the ODM test. */
    static Stream<Path> projectsWithData() throws IOException {
        try (Stream<Path> dirs = Files.list(Http.fixtures())) {
            List<Path> out = new ArrayList<>();
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path data = d.resolve("data.csv");
                if (Files.exists(data) && !Files.readString(data).isBlank()) {
                    out.add(d);
                }
            }
            return out.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("projectsWithData")
    void exportMatchesDataCsv(Path dir) throws IOException {
        SandboxProject project = SandboxProject.fromFixtureDirectory(dir);
        int pid = sandbox.addProject(project);
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("tester"));
        List<List<String>> expected = CsvRows.parse(Files.readString(dir.resolve("data.csv")));
        List<String> header = expected.get(0);
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv", "type", "flat",
                "exportDataAccessGroups", String.valueOf(header.contains("redcap_data_access_group")),
                "exportSurveyFields", String.valueOf(header.contains("redcap_survey_identifier")));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/csv; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        List<List<String>> actual = CsvRows.parse(r.body());
        List<String> actualHeader = actual.get(0);
        List<String> expectedColumns = header.stream().filter(h -> !h.isBlank()).toList();
        assertEquals(expectedColumns.stream().sorted().toList(), actualHeader.stream().sorted().toList(), dir + ": columns");
        assertEquals(expected.size(), actual.size(), dir + ": rows");
        // A leading unnamed column means R's write.csv wrote the file (row names), with NA for blanks.
        boolean rWritten = header.get(0).isBlank();
        for (int row = 1; row < expected.size(); row++) {
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).isBlank()) {
                    continue;
                }
                String want = decodeRUnicode(c < expected.get(row).size() ? expected.get(row).get(c) : "");
                if (rWritten && want.equals("NA")) {
                    want = "";
                }
                String got = actual.get(row).get(actualHeader.indexOf(header.get(c)));
                assertEquals(want, got, dir.getFileName() + " row " + row + " column " + header.get(c));
            }
        }
        assertTrue(project.recordCount() > 0);
    }

    /** R wrote some fixtures in a non-UTF-8 locale as {@code <U+043E>}; the real value is the character. */
    static String decodeRUnicode(String s) {
        Matcher m = Pattern.compile("<U\\+([0-9A-Fa-f]{4,6})>").matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(Integer.parseInt(m.group(1), 16)))));
        }
        return m.appendTail(out).toString();
    }
}
