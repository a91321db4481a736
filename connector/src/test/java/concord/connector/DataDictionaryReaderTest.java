package concord.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.support.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DataDictionaryReaderTest {

    private final DataDictionaryReader reader = DataDictionaryReader.create();

    static Stream<Path> projectsWithDictionary() {
        return Fixtures.withFile("dictionary.csv", "dictionay.csv").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("projectsWithDictionary")
    void readsEveryFixtureDictionary(Path project) throws IOException {
        Path file = Fixtures.dictionary(project);
        List<FieldMetadata> fields = reader.read(file);

        List<String> rawLines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String firstRowName = rawLines.get(1).substring(0, rawLines.get(1).indexOf(','));
        assertEquals(firstRowName, fields.get(0).fieldName(), "record-ID field comes first");
        Set<String> names = new HashSet<>();
        for (FieldMetadata f : fields) {
            assertTrue(f.fieldName().matches("[a-z][a-z0-9_]*"), f.fieldName());
            assertFalse(f.formName().isEmpty(), f.fieldName() + " has a form");
            assertTrue(names.add(f.fieldName()));
            if (f.fieldType() == FieldType.RADIO || f.fieldType() == FieldType.DROPDOWN
                    || f.fieldType() == FieldType.CHECKBOX) {
                assertFalse(f.choices().isEmpty(), f.fieldName() + " has choices");
                long distinct = f.choices().stream().map(Choice::code).distinct().count();
                assertEquals(f.choices().size(), distinct, f.fieldName() + " codes are unique");
                assertEquals(f.selectChoicesOrCalculations().split("\\|").length, f.choices().size(), f.fieldName());
            }
            if (f.fieldType() == FieldType.SLIDER) {
                assertTrue(f.slider().isPresent());
            } else {
                assertNull(f.sliderLabels());
            }
        }
    }

    @Test
    void simpleProjectMatchesTheDictionaryRowByRow() throws IOException {
        List<FieldMetadata> fields = reader.read(Fixtures.project("simple").resolve("dictionary.csv"));
        assertEquals(16, fields.size());
        FieldMetadata sex = fields.stream().filter(f -> f.fieldName().equals("sex")).findFirst().orElseThrow();
        assertEquals(FieldType.RADIO, sex.fieldType());
        assertEquals(List.of(new Choice("0", "Female"), new Choice("1", "Male")), sex.choices());
        assertEquals("demographics", sex.formName());

        FieldMetadata height = fields.stream().filter(f -> f.fieldName().equals("height")).findFirst().orElseThrow();
        assertEquals("number", height.validationType());
        assertEquals("130", height.validationMin());
        assertEquals("215", height.validationMax());

        FieldMetadata nameFirst = fields.get(1);
        assertEquals("Contact Information", nameFirst.sectionHeader());
        assertTrue(nameFirst.identifier());
        assertEquals("Include Area Code", fields.get(4).fieldNote());

        FieldMetadata bmi = fields.stream().filter(f -> f.fieldName().equals("bmi")).findFirst().orElseThrow();
        assertEquals("round(([weight]*10000)/(([height])^(2)),1)", bmi.calculation());
        assertTrue(bmi.choices().isEmpty());

        FieldMetadata race = fields.stream().filter(f -> f.fieldName().equals("race")).findFirst().orElseThrow();
        assertEquals(6, race.choices().size());
        assertEquals("race___6", race.checkboxColumn("6"));
        assertEquals("Unknown / Not Reported", race.choices().get(5).label());
    }

    @Test
    void apiFormOfTheSimpleDictionaryGivesTheSameFields() throws IOException {
        Path simple = Fixtures.project("simple");
        List<FieldMetadata> ui = reader.read(simple.resolve("dictionary.csv"));
        // metadata.csv has the API's column names, saved by R with NA in blank cells, from a later state of the
        // project in which 'age' became a calculated field.
        List<FieldMetadata> api = reader.withMissingValueMarker("NA").read(simple.resolve("metadata.csv"));
        assertEquals(Set.of("age"), differingFields(ui, api));
        FieldMetadata age = api.get(7);
        assertEquals(FieldType.CALC, age.fieldType());
        assertEquals("rounddown(datediff([dob],'today','y'))", age.calculation());
    }

    @Test
    void apiFormOfDecimalCommaAndDotGivesTheSameFields() throws IOException {
        Path project = Fixtures.project("decimal-comma-and-dot");
        List<FieldMetadata> ui = reader.read(project.resolve("dictionary.csv"));
        List<FieldMetadata> api = reader.read(project.resolve("metadata.csv"));
        // The API snapshot has a 0..3 range on height_comma that the UI dictionary lacks.
        assertEquals(Set.of("height_comma"), differingFields(ui, api));
        assertEquals("0", api.get(3).validationMin());
        assertEquals("3", api.get(3).validationMax());
    }

    /** Names of fields whose parsed rows differ; both lists must name the same fields in the same order. */
    private static Set<String> differingFields(List<FieldMetadata> a, List<FieldMetadata> b) {
        assertEquals(a.stream().map(FieldMetadata::fieldName).toList(), b.stream().map(FieldMetadata::fieldName).toList());
        Set<String> differing = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                differing.add(a.get(i).fieldName());
            }
        }
        return differing;
    }

    @Test
    void byteOrderMarkIsSkipped() throws IOException {
        Path file = Fixtures.project("potentially-problematic-dictionary").resolve("dictionary.csv");
        byte[] bytes = Files.readAllBytes(file);
        assertEquals((byte) 0xEF, bytes[0], "fixture starts with a BOM");
        List<FieldMetadata> fields = reader.read(file);
        assertEquals("record_id", fields.get(0).fieldName());
        FieldMetadata quotes = fields.stream().filter(f -> f.fieldName().equals("curly_quote_double_left"))
                .findFirst().orElseThrow();
        assertEquals("Maybe I don't \"look the part\"", quotes.fieldLabel());
        assertEquals("https://github.com/OuhscBbmc/REDCapR/issues/290", quotes.fieldAnnotation());
    }

    @Test
    void slidersYesNoAndTrueFalse() throws IOException {
        List<FieldMetadata> fields = reader.read(Fixtures.project("longitudinal").resolve("dictionary.csv"));
        FieldMetadata mood = fields.stream().filter(f -> f.fieldName().equals("specify_mood")).findFirst().orElseThrow();
        assertEquals(new SliderLabels("Very sad", "Indifferent", "Very happy"), mood.sliderLabels());
        assertEquals("RH", mood.customAlignment());

        String csv = header() + "record_id,f,,text,ID,,,,,,,,,,,,,\n"
                + "agrees,f,,yesno,\"Agree?\",,,,,,,,y,,,,,\n"
                + "truth,f,,truefalse,\"True?\",,,,,,,\"[agrees] = '1'\",,,,,,@HIDDEN\n"
                + "m1,f,,radio,\"Pain\",\"1, Low | 2, High\",,,,,,,,,3a,pain,y,\n";
        List<FieldMetadata> parsed = reader.read(new StringReader(csv), "inline.csv");
        assertEquals(List.of(new Choice("1", "Yes"), new Choice("0", "No")), parsed.get(1).choices());
        assertTrue(parsed.get(1).required());
        assertEquals(List.of(new Choice("1", "True"), new Choice("0", "False")), parsed.get(2).choices());
        assertEquals("[agrees] = '1'", parsed.get(2).branchingLogic());
        assertEquals("@HIDDEN", parsed.get(2).fieldAnnotation());
        assertEquals("3a", parsed.get(3).questionNumber());
        assertEquals("pain", parsed.get(3).matrixGroupName());
        assertTrue(parsed.get(3).matrixRanking());
    }

    @Test
    void negativeAndLetterCodesAndCheckboxColumns() throws IOException {
        String csv = header() + "record_id,f,,text,ID,,,,,,,,,,,,,\n"
                + "race,f,,checkbox,Race,\"1, White|-99, Unknown |A, Other, please say\",,,,,,,,,,,,\n";
        FieldMetadata race = reader.read(new StringReader(csv), "inline.csv").get(1);
        assertEquals(List.of(new Choice("1", "White"), new Choice("-99", "Unknown"), new Choice("A", "Other, please say")),
                race.choices());
        assertEquals("race____99", race.checkboxColumn("-99"));
        assertEquals("race___a", race.checkboxColumn("A"));
    }

    @Test
    void errorsNameFileLineAndFix() {
        String badType = header() + "record_id,f,,text,ID,,,,,,,,,,,,,\nscore,f,,number,Score,,,,,,,,,,,,,\n";
        RedcapFormatException e = assertThrows(RedcapFormatException.class,
                () -> reader.read(new StringReader(badType), "dict.csv"));
        assertTrue(e.getMessage().contains("dict.csv line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("'score'"), e.getMessage());
        assertTrue(e.getMessage().contains("'number' is not a REDCap field type"), e.getMessage());

        RedcapFormatException notDictionary = assertThrows(RedcapFormatException.class,
                () -> reader.read(new StringReader("record_id,name\n1,a\n"), "data.csv"));
        assertTrue(notDictionary.getMessage().contains("Variable / Field Name"), notDictionary.getMessage());

        String twice = header() + "record_id,f,,text,ID,,,,,,,,,,,,,\nrecord_id,f,,text,ID,,,,,,,,,,,,,\n";
        assertThrows(RedcapFormatException.class, () -> reader.read(new StringReader(twice), "dict.csv"));
        assertThrows(RedcapFormatException.class, () -> reader.read(new StringReader(""), "empty.csv"));
    }

    @Test
    void badBytesAreReplacedNotFatal() throws IOException {
        byte[] head = header().getBytes(StandardCharsets.UTF_8);
        byte[] row = "record_id,f,,text,\"Caf\u00e9 \"\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + row.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(row, 0, all, head.length, row.length);
        List<FieldMetadata> fields = reader.read(new ByteArrayInputStream(all), "latin1.csv");
        assertEquals("Caf\uFFFD", fields.get(0).fieldLabel());
    }

    private static String header() {
        return String.join(",", concord.connector.internal.MetadataRows.UI_COLUMNS.stream()
                .map(h -> "\"" + h + "\"").toList()) + "\n";
    }
}
