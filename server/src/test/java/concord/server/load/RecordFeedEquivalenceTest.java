package concord.server.load;

import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.report.ReportContext;
import concord.connector.DataDictionaryReader;
import concord.connector.RecordCsvReader;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.publish.ReportFiles;
import concord.server.run.RunArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte-level record path ({@link RecordFeed}, {@link RecordFiles}) gives what the record path before it
 * ({@link ReferenceRecordFeed} over {@link RecordCsvReader}) gave, on hostile exports: the same records,
 * exclusions (record, field, value, message, order), fingerprint and histograms, hence byte-identical JSON,
 * HTML, PDF, XLSX and CSV; and reading a file on several threads gives what one thread gives, byte for byte.
 */
class RecordFeedEquivalenceTest {
    @TempDir
    static Path dir;

    static Stream<Arguments> exports() {
        List<Arguments> out = new ArrayList<>();
        for (int seed = 1; seed <= 6; seed++) {
            int n = new int[] {0, 1, 7, 200, 1500, 4000}[seed - 1];
            out.add(Arguments.of("classic-" + seed, HostileExports.classic(seed, n, seed % 2 == 0, seed % 3 == 0)));
        }
        for (int seed = 1; seed <= 4; seed++) {
            out.add(Arguments.of("longitudinal-" + seed, HostileExports.longitudinal(100 + seed, new int[] {3, 60, 500, 2500}[seed - 1])));
        }
        return out.stream();
    }

    /** The specs read: characteristics or not, an instance policy, the results record left out. */
    static List<StudySpec> specs() {
        return List.of(spec(List.of(), null, null), spec(List.of("age", "sex"), null, "concord-results"),
                spec(List.of("sex", "age"), 2, "3"));
    }

    private static StudySpec spec(List<String> demographics, Integer instance, String excluded) {
        return new StudySpec("hostile", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")), DomainSource.ANNOTATION,
                demographics, "80/15", null, instance, excluded);
    }

    private static LoadedStudy load(StudySpec spec) throws IOException {
        return StudyLoader.grade().load(spec, DataDictionaryReader.create().read(new StringReader(HostileExports.DICTIONARY),
                "hostile-dictionary.csv"), null, List.of());
    }

    static FeedResult reference(Path file, LoadedStudy loaded, StudySpec spec) throws IOException {
        ReferenceRecordFeed feed = new ReferenceRecordFeed(loaded, spec, n -> { });
        try (RecordCsvReader reader = RecordCsvReader.open(file)) {
            reader.forEachRemaining(feed::accept);
        }
        return feed.finish();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exports")
    void readsWhatTheReferencePathRead(String name, byte[] export) throws IOException {
        Path file = dir.resolve(name + ".csv");
        Files.write(file, export);
        for (StudySpec spec : specs()) {
            LoadedStudy loaded = load(spec);
            FeedResult expected = reference(file, loaded, spec);
            assertSame(expected, RecordFiles.read(file, loaded, spec, 1), name + " on one thread");
            for (int threads : new int[] {2, 3, 7}) {
                assertSame(expected, RecordFiles.read(file, loaded, spec, threads, 0), name + " on " + threads + " threads");
            }
        }
    }

    @Test
    void everyReportFormatIsByteIdentical() throws IOException {
        Path file = dir.resolve("formats.csv");
        Files.write(file, HostileExports.classic(11, 800, true, true));
        StudySpec spec = specs().get(1);
        LoadedStudy loaded = load(spec);
        FeedResult expected = reference(file, loaded, spec);
        FeedResult actual = RecordFiles.read(file, loaded, spec, 4, 0);
        assertTrue(expected.issueCount() > 100, "the export is hostile: " + expected.issueCount() + " exclusions");
        List<String> formats = List.of("html", "pdf", "xlsx", "csv", "json");
        List<RunArtifact> before = render(expected, formats);
        List<RunArtifact> after = render(actual, formats);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).name(), after.get(i).name());
            assertArrayEquals(before.get(i).content(), after.get(i).content(), before.get(i).name());
        }
    }

    @Test
    void nonFiniteAgesAreExcludedWhereTheOldPathStopped() throws IOException {
        Path file = dir.resolve("nonfinite.csv");
        Files.write(file, HostileExports.classic(5, 300, false, false, true));
        StudySpec spec = specs().get(1);
        LoadedStudy loaded = load(spec);
        assertThrows(IllegalArgumentException.class, () -> reference(file, loaded, spec), "the old path failed");
        FeedResult read = RecordFiles.read(file, loaded, spec, 1);
        List<String> bad = read.issues().stream().filter(i -> i.field().equals("age")).map(LoadIssue::value).toList();
        assertTrue(bad.containsAll(Arrays.asList("NaN", "Infinity", "1e400")), bad.toString());
        assertTrue(read.issues().stream().filter(i -> i.field().equals("age") && i.value().equals("NaN"))
                .allMatch(i -> i.problem().equals("not a number: excluded.")));
    }

    private static List<RunArtifact> render(FeedResult read, List<String> formats) {
        StudyResult result = StudyAnalyzer.withDefaults().analyze(read.accumulator());
        ReportContext context = ReportContext.undated().withProvenance("Records read", String.valueOf(read.records()))
                .withProvenance("Data fingerprint (SHA-256)", read.fingerprint());
        return new ReportFiles().render(result, context, formats, read.issues(), read.issueCount());
    }

    static void assertSame(FeedResult expected, FeedResult actual, String what) {
        assertEquals(expected.records(), actual.records(), what + ": records");
        assertEquals(expected.analysed(), actual.analysed(), what + ": analysed");
        assertEquals(expected.issueCount(), actual.issueCount(), what + ": exclusions");
        assertEquals(expected.issues(), actual.issues(), what + ": exclusion list");
        assertEquals(expected.fingerprint(), actual.fingerprint(), what + ": fingerprint");
        assertEquals(counts(expected), counts(actual), what + ": counts");
    }

    /** Everything the analysis reads from the accumulator: participants, histograms, characteristic summaries. */
    private static String counts(FeedResult read) {
        concord.analysis.RatingAccumulator a = read.accumulator();
        StringBuilder s = new StringBuilder();
        for (int g = 0; g < a.study().groups().size(); g++) {
            s.append("group ").append(g).append(": ").append(a.participants(g)).append('\n');
            for (int o = 0; o < a.study().outcomes().size(); o++) {
                s.append(Arrays.toString(a.histogram(o, g).counts())).append(" missing ").append(a.histogram(o, g).missing()).append('\n');
            }
            for (int v = 0; v < a.study().demographics().size(); v++) {
                s.append(a.characteristic(v, g)).append('\n');
            }
        }
        return s.toString();
    }
}
