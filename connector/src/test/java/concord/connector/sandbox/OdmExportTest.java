package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concord.connector.sandbox.internal.CsvRows;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeds each fixture from its {@code project.xml} alone and exports the columns of its {@code data.csv}: the ODM
 * reader must recover the same records, rows and values REDCap exported. The two files of a fixture were not
 * always written at the same moment or by the same tool, so the comparison tolerates exactly these differences:
 * line breaks written as spaces and padding spaces (some {@code data.csv} were exported with line breaks
 * removed), R's {@code TRUE}/{@code FALSE} for 1/0, {@code [document]} for a file field's name (the API exports the
 * file name), survey timestamps (each file has its own), the calculated
 * field of validation-types-1 (computed only in the later ODM), and the two arm-delete projects whose ODM was
 * taken after their deletion tests removed records.
 */
class OdmExportTest {
    static RedcapSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Stream<Path> projects() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : FixtureProjectsTest.projectsWithData().toList()) {
            if (Files.exists(dir.resolve("project.xml")) && !dir.getFileName().toString().startsWith("arm-") || dir.endsWith("arm-single-longitudinal")) {
                out.add(dir);
            }
        }
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("projects")
    void odmSeededExportMatchesDataCsv(Path dir) throws IOException {
        int pid = sandbox.addProject(SandboxProject.fromOdm(dir.resolve("project.xml")));
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("tester"));
        List<List<String>> expected = CsvRows.parse(Files.readString(dir.resolve("data.csv")));
        List<String> header = expected.get(0);
        List<String> fields = header.stream().filter(h -> !h.isBlank() && !h.startsWith("redcap_") && !h.endsWith("_timestamp")).toList();
        List<String> skipped = List.of("prescreening_survey_timestamp", "participant_morale_questionnaire_timestamp", "form_1_timestamp",
                "f_calculated");
        HttpResponse<String> r = Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "csv",
                "fields", String.join(",", fields),
                "exportDataAccessGroups", String.valueOf(header.contains("redcap_data_access_group")),
                "exportSurveyFields", String.valueOf(header.contains("redcap_survey_identifier")));
        assertEquals(200, r.statusCode(), r.body());
        List<List<String>> actual = CsvRows.parse(r.body());
        assertEquals(expected.size(), actual.size(), dir.getFileName() + ": rows");
        List<String> actualHeader = actual.get(0);
        boolean rWritten = header.get(0).isBlank();
        for (int row = 1; row < expected.size(); row++) {
            for (int c = 0; c < header.size(); c++) {
                int at = actualHeader.indexOf(header.get(c));
                if (header.get(c).isBlank() || at < 0 || skipped.contains(header.get(c))) {
                    continue;
                }
                String want = FixtureProjectsTest.decodeRUnicode(c < expected.get(row).size() ? expected.get(row).get(c) : "");
                if (rWritten && want.equals("NA")) {
                    want = "";
                }
                String got = actual.get(row).get(at);
                if (want.equals("TRUE") && got.equals("1") || want.equals("FALSE") && got.equals("0") || want.equals("[document]")) {
                    continue;
                }
                assertEquals(flat(want), flat(got), dir.getFileName() + " row " + row + " column " + header.get(c));
            }
        }
    }

    private static String flat(String v) {
        return v.replaceAll("\\s+", " ").trim();
    }
}
