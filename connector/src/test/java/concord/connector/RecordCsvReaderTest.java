package concord.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.support.Fixtures;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RecordCsvReaderTest {

    /** Rows and distinct record IDs per fixture, counted independently with Python's csv module. */
    static Stream<Arguments> fixtures() {
        Map<String, int[]> expected = Map.ofEntries(
                Map.entry("arm-multiple-delete", new int[] {60, 20}), Map.entry("arm-single-delete", new int[] {20, 20}),
                Map.entry("arm-single-longitudinal", new int[] {9, 3}), Map.entry("blank-for-gray-status", new int[] {6, 6}),
                Map.entry("checkboxes-1", new int[] {4, 4}), Map.entry("clinical-trial-1", new int[] {500, 500}),
                Map.entry("dag-write", new int[] {3, 3}), Map.entry("dag", new int[] {3, 3}),
                Map.entry("decimal-comma-and-dot", new int[] {4, 4}), Map.entry("decimal-comma", new int[] {4, 4}),
                Map.entry("decimal-dot", new int[] {4, 4}), Map.entry("empty-rows", new int[] {0, 0}),
                Map.entry("file-repo", new int[] {2, 2}), Map.entry("longitudinal", new int[] {18, 3}),
                Map.entry("metadata-write", new int[] {5, 5}), Map.entry("multilevel-model-1", new int[] {220, 20}),
                Map.entry("nonnumeric-record-id", new int[] {3, 3}),
                Map.entry("potentially-problematic-dictionary", new int[] {0, 0}),
                Map.entry("potentially-problematic-values", new int[] {2, 2}),
                Map.entry("repeating-instruments-sparse", new int[] {9, 5}),
                Map.entry("repeating-instruments", new int[] {6, 2}), Map.entry("simple", new int[] {5, 5}),
                Map.entry("single-column", new int[] {0, 0}), Map.entry("survey", new int[] {2, 2}),
                Map.entry("validation-types-1", new int[] {1, 1}), Map.entry("vignette-repeating", new int[] {17, 2}));
        List<Path> projects = Fixtures.withFile("data.csv").stream()
                .filter(p -> !p.getFileName().toString().equals("russian")).toList();
        assertEquals(expected.keySet(), Set.copyOf(projects.stream().map(p -> p.getFileName().toString()).toList()),
                "every fixture with a data.csv is covered");
        return projects.stream().map(p -> {
            int[] counts = expected.get(p.getFileName().toString());
            return Arguments.of(p.getFileName().toString(), p, counts[0], counts[1]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsEveryFixtureExport(String name, Path project, int rows, int records) throws IOException {
        List<RedcapRecord> read = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        try (RecordCsvReader reader = RecordCsvReader.open(project.resolve("data.csv"))) {
            reader.forEachRemaining(r -> {
                read.add(r);
                ids.add(r.recordId());
                assertEquals(reader.columns(), List.copyOf(r.values().keySet()));
                assertFalse(r.recordId().isEmpty());
            });
            assertEquals(rows, read.size());
            assertEquals(records, ids.size());

            Path dictionary = Fixtures.dictionary(project);
            if (rows > 0 && Files.exists(dictionary)) {
                List<FieldMetadata> fields = DataDictionaryReader.create().read(dictionary);
                assertEquals(fields.get(0).fieldName(), reader.recordIdField());
                assertColumnsComeFromTheDictionary(reader.columns(), fields);
            }
        }
    }

    /** Every export column is a dictionary field, a checkbox option column, or one of REDCap's pseudo-fields. */
    private static void assertColumnsComeFromTheDictionary(List<String> columns, List<FieldMetadata> fields) {
        Set<String> known = new LinkedHashSet<>();
        for (FieldMetadata f : fields) {
            if (f.fieldType() == FieldType.CHECKBOX) {
                f.choices().forEach(c -> known.add(f.checkboxColumn(c.code())));
            } else {
                known.add(f.fieldName());
            }
            known.add(f.formName() + "_complete");
            known.add(f.formName() + "_timestamp");
        }
        known.addAll(List.of("redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
                "redcap_data_access_group", "redcap_survey_identifier"));
        for (String column : columns) {
            assertTrue(known.contains(column), "column " + column + " is explained by the dictionary");
        }
    }

    @Test
    void simpleExportKeepsRawValuesAndMultiLineCells() throws IOException {
        try (RecordCsvReader reader = RecordCsvReader.open(Fixtures.project("simple").resolve("data.csv"))) {
            RedcapRecord first = reader.next();
            assertEquals("1", first.recordId());
            assertEquals("14 Rose Cottage St.\nKenning UK, 323232", first.value("address"));
            assertEquals("2003-08-30", first.value("dob"));
            assertEquals("1", first.value("race___5"));
            assertEquals("", first.eventName());
            assertFalse(first.repeating());
        }
    }

    @Test
    void repeatingAndLongitudinalPseudoFields() throws IOException {
        try (RecordCsvReader reader = RecordCsvReader.open(Fixtures.project("repeating-instruments").resolve("data.csv"))) {
            reader.next();
            RedcapRecord bp = reader.next();
            assertEquals("bp", bp.repeatInstrument());
            assertEquals("1", bp.repeatInstance());
            assertTrue(bp.repeating());
            assertEquals("110", bp.value("bp_systolic"));
        }
        try (RecordCsvReader reader = RecordCsvReader.open(Fixtures.project("longitudinal").resolve("data.csv"))) {
            List<String> events = reader.stream().map(RedcapRecord::eventName).distinct().toList();
            assertTrue(events.contains("enrollment_arm_1"), events.toString());
            assertTrue(events.contains("dose_1_arm_1"), events.toString());
        }
    }

    @Test
    void rowNamesWrittenByRAreRejectedWithAReason() {
        RedcapFormatException e = assertThrows(RedcapFormatException.class,
                () -> RecordCsvReader.open(Fixtures.project("russian").resolve("data.csv")));
        assertTrue(e.getMessage().contains("first column has no name"), e.getMessage());
    }

    @Test
    void raggedRowsNameTheLine() throws IOException {
        String csv = "record_id,a,b\n1,x,y\n2,\"multi\nline\",z\n3,only\n";
        try (RecordCsvReader reader = RecordCsvReader.open(new StringReader(csv), "export.csv")) {
            assertEquals("x", reader.next().value("a"));
            assertEquals("multi\nline", reader.next().value("a"));
            RedcapFormatException e = assertThrows(RedcapFormatException.class, reader::next);
            assertTrue(e.getMessage().contains("export.csv line 5"), e.getMessage());
        }
    }

    @Test
    void emptyFileHasNoColumnsAndNoRows() throws IOException {
        try (RecordCsvReader reader = RecordCsvReader.open(new StringReader("\n"), "empty.csv")) {
            assertTrue(reader.columns().isEmpty());
            assertFalse(reader.hasNext());
        }
    }
}
