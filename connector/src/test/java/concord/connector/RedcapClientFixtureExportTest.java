package concord.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.connector.support.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture project with records, seeded into the sandbox and exported through the client in
 * small batches, comes back equal to its {@code data.csv} value for value, column order included.
 */
class RedcapClientFixtureExportTest {

    static RedcapSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** Fixtures whose data.csv holds rows; russian's data.csv carries R row names and is not a REDCap export. */
    static Stream<Path> fixturesWithRecords() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : Fixtures.withFile("data.csv")) {
            boolean rows = Files.readAllLines(p.resolve("data.csv")).size() > 1;
            boolean dictionary = Files.exists(Fixtures.dictionary(p));
            if (rows && dictionary) {
                out.add(p);
            }
        }
        assertEquals(23, out.size(), "fixtures with a dictionary and records: " + out);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixturesWithRecords")
    void exportMatchesDataCsv(Path project) throws IOException {
        int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(project));
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("reader"));
        List<String> header;
        try (RecordCsvReader csv = RecordCsvReader.open(project.resolve("data.csv"))) {
            header = csv.columns();
        }
        // Ask for what the fixture's export contained.
        RecordQuery query = RecordQuery.all().withDataAccessGroups(header.contains("redcap_data_access_group"))
                .withSurveyFields(header.contains("redcap_survey_identifier"));
        Map<String, List<Map<String, String>>> exported = new LinkedHashMap<>();
        try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token)
                .withBatchSize(3).withInterBatchPause(Duration.ZERO))) {
            ExportSummary summary = client.exportRecords(query,
                    r -> exported.computeIfAbsent(r.recordId(), k -> new ArrayList<>()).add(r.values()));
            assertEquals((summary.records() + 2) / 3, summary.batches());
            // The byte path delivers the same rows, values and column lists.
            RowsAsMaps bytes = new RowsAsMaps();
            ExportSummary byteSummary = client.exportRecordRows(query, bytes);
            assertEquals(summary.rows(), byteSummary.rows());
            Map<String, List<Map<String, String>>> viaBytes = new LinkedHashMap<>();
            bytes.rows().forEach(r -> viaBytes.computeIfAbsent(r.get(header.get(0)), k -> new ArrayList<>()).add(r));
            assertEquals(exported, viaBytes);
        }
        Map<String, List<Map<String, String>>> expected = new LinkedHashMap<>();
        List<String> columns;
        try (RecordCsvReader csv = RecordCsvReader.open(project.resolve("data.csv"))) {
            columns = csv.columns();
            csv.forEachRemaining(r -> expected.computeIfAbsent(r.recordId(), k -> new ArrayList<>()).add(r.values()));
        }
        // Batching by record ID may interleave arms differently from REDCap's arm-by-arm listing; per record the
        // rows, their order, columns and every value must match.
        assertEquals(expected.keySet(), exported.keySet());
        for (Map.Entry<String, List<Map<String, String>>> e : expected.entrySet()) {
            List<Map<String, String>> got = exported.get(e.getKey());
            assertEquals(e.getValue(), got, "record " + e.getKey());
            for (Map<String, String> row : got) {
                assertEquals(columns, List.copyOf(row.keySet()), "column order of record " + e.getKey());
            }
        }
    }
}
