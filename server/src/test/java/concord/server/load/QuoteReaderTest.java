package concord.server.load;

import concord.analysis.CodedQuote;
import concord.connector.DataDictionaryReader;
import concord.connector.FieldMetadata;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.logging.CapturedLogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The qualitative instrument of the CLBPOQ demo read through the API (the real sandbox over HTTP) and from the
 * committed CSV export: the same quotes either way, bad instances named and left out, quotes never in issues,
 * messages or logs, and the ratings read exactly as before (56 records).
 */
class QuoteReaderTest {
    private static final Path DEPLOY = Path.of(System.getProperty("user.dir")).resolve("../deploy/redcap").normalize();
    private static final String SECRET = "Secret words of participant 11 <script>alert(1)</script>";

    private static StudySpec spec() {
        return new StudySpec("demo", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")), DomainSource.ANNOTATION,
                List.of("age", "sex"), "80/15", null, null, null);
    }

    private static List<FieldMetadata> dictionary() throws Exception {
        return DataDictionaryReader.create().read(DEPLOY.resolve("clbpoq-dictionary.csv"));
    }

    @Test
    void theApiAndTheCsvExportGiveTheSameQuotesAndBadInstancesAreNamed() throws Exception {
        QualitativeData fromCsv = csv(DEPLOY.resolve("clbpoq-qualitative.csv"));
        assertEquals(10, fromCsv.quotes().size());
        assertEquals(0, fromCsv.issueCount());
        assertEquals(5, fromCsv.quotes().stream().map(CodedQuote::theme).distinct().count(), "the paper's five themes");

        CapturedLogs logs = CapturedLogs.atDebug();
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.seedDemoProject();
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("reader"));
            try (RedcapClient redcap = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token)
                    .withBatchSize(7).withInterBatchPause(Duration.ZERO))) {
                List<FieldMetadata> metadata = redcap.metadata();
                LoadedStudy loaded = StudyLoader.grade().load(spec(), metadata, null, List.of());
                QualitativeInstrument instrument = QualitativeInstrument.find(metadata, null, "demo").orElseThrow();
                QualitativeData clean = api(redcap, loaded, instrument);
                assertEquals(fromCsv.quotes(), clean.quotes());
                assertEquals(fromCsv.digest(), clean.digest(), "the same instances give the same digest either way");
                assertEquals(fromCsv.coreAreas(), clean.coreAreas());

                save(sandbox, pid, 2, Map.of("qual_theme", "T", "qual_outcomes", "body_imag, qaly", "qual_group", "1",
                        "qual_speaker", "D11", "qual_quote", SECRET));
                save(sandbox, pid, 3, Map.of("qual_theme", "T", "qual_outcomes", "qaly", "qual_group", "1", "qual_speaker", "D11"));
                save(sandbox, pid, 4, Map.of("qual_theme", "T", "qual_outcomes", "qaly", "qual_group", "1",
                        "qual_speaker", "Dr Wang", "qual_quote", SECRET));
                QualitativeData read = api(redcap, loaded, instrument);
                assertEquals(fromCsv.quotes(), read.quotes(), "the bad instances are left out");
                assertFalse(read.digest().equals(clean.digest()), "any change of an instance changes the digest");
                assertEquals(List.of(
                        new LoadIssue("11", "qual_outcomes", "body_imag", "project demo, qualitative_data instance 2: not an outcome "
                                + "field of the study: the quote is left out; give the outcomes' field names (e.g. effective_rate), "
                                + "separated by commas."),
                        new LoadIssue("11", "qual_quote", "", "project demo, qualitative_data instance 3: no quote text: the instance "
                                + "is left out; enter the quote or delete the instance."),
                        new LoadIssue("11", "qual_speaker", "Dr Wang", "project demo, qualitative_data instance 4: not a speaker code "
                                + "(letters then digits, e.g. D7 or P27): the quote is left out; correct the code (never a name).")),
                        read.issues());

                // the ratings export does not see the instances: 56 participants, as without qualitative data
                RecordFeed feed = new RecordFeed(loaded, spec(), n -> { });
                redcap.exportRecordRows(RecordQuery.all().withFields(loaded.exportFields()), feed);
                FeedResult ratings = feed.finish();
                assertEquals(56, ratings.records());
                assertEquals(56, ratings.analysed());
                assertEquals(RecordFiles.read(DEPLOY.resolve("clbpoq-records.csv"), loaded, spec(), 1).fingerprint(),
                        ratings.fingerprint());
                assertEquals(ratings.fingerprint(), new QualitativeData("q", List.of(), Map.of(), List.of(), 0, 0, "")
                        .fingerprint(ratings.fingerprint()), "no instances: the ratings' fingerprint");
                assertFalse(read.fingerprint(ratings.fingerprint()).equals(clean.fingerprint(ratings.fingerprint())));
            }
        } finally {
            logs.close();
        }
        assertFalse(logs.lines().isEmpty(), "the sandbox and client log at debug level");
        for (String line : logs.lines()) {
            assertFalse(line.contains("Secret words") || line.contains("Illustrative placeholder"), "a quote was logged: " + line);
        }
    }

    @Test
    void csvRowsWithUnknownGroupsOutcomesOrEmptyFieldsAreExcludedByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("q.csv");
        Files.writeString(file, "record_id,redcap_repeat_instrument,redcap_repeat_instance,qual_theme,qual_outcomes,qual_group,"
                + "qual_speaker,qual_quote,qual_core_area,qualitative_data_complete\n"
                + "1,,,,,,,,,\n"                                            // a base row: not an instance
                + "1,qualitative_data,1,Costs,qaly;economic_cost,2,P1,\"" + SECRET + "\",Other area,2\n"
                + "1,qualitative_data,2,Costs,qaly,7,P1,\"" + SECRET + "\",,2\n"
                + "2,qualitative_data,1,,,1,D2,\"" + SECRET + "\",,2\n"
                + "2,concord_outcome_results,1,,,,,,,\n"                   // another instrument's instance
                + "3,qualitative_data,1,Body,body_image body_image,2,,\"a, \"\"quoted\"\" text\",,2\n", StandardCharsets.UTF_8);
        QualitativeData read = csv(file);
        assertEquals(List.of(new CodedQuote("Costs", List.of("qaly", "economic_cost"), "2", "P1", SECRET),
                new CodedQuote("Body", List.of("body_image"), "2", "", "a, \"quoted\" text")), read.quotes());
        assertEquals(List.of("1/qual_group/7", "2/qual_theme/", "2/qual_outcomes/"),
                read.issues().stream().map(i -> i.record() + "/" + i.field() + "/" + i.value()).toList());
        assertTrue(read.issues().get(0).problem().startsWith("project demo, qualitative_data instance 2: not one of the group codes [1, 2]"),
                read.issues().get(0).problem());
        assertEquals(4, read.rows());
        for (LoadIssue issue : read.issues()) {
            assertFalse((issue.value() + issue.problem()).contains("Secret"), issue.toString());
        }
        // the dictionary's @CONCORD-CORE-AREA wins over a quote's qual_core_area
        assertEquals("Resource use", read.coreAreas().get("qaly"));
        assertEquals(57, read.coreAreas().size());
    }

    @Test
    void theInstrumentIsFoundByNameAndMustHaveItsFields() throws Exception {
        List<FieldMetadata> dictionary = dictionary();
        assertEquals(List.of("qual_theme", "qual_outcomes", "qual_group", "qual_quote", "qual_speaker", "qual_core_area"),
                QualitativeInstrument.find(dictionary, "", "demo").orElseThrow().fields());
        assertEquals(Optional.empty(), QualitativeInstrument.find(dictionary, "none", "demo"));
        List<FieldMetadata> without = dictionary.stream().filter(f -> !f.formName().equals("qualitative_data")).toList();
        assertEquals(Optional.empty(), QualitativeInstrument.find(without, null, "demo"), "no instrument: no quotes");
        StudyConfigurationException missing = assertThrows(StudyConfigurationException.class,
                () -> QualitativeInstrument.find(without, "focus_groups", "demo"));
        assertTrue(missing.getMessage().contains("qualitative.instrument 'focus_groups' is not an instrument"), missing.getMessage());
        List<FieldMetadata> noQuote = dictionary.stream().filter(f -> !f.fieldName().equals("qual_quote")).toList();
        StudyConfigurationException lacking = assertThrows(StudyConfigurationException.class,
                () -> QualitativeInstrument.find(noQuote, null, "demo"));
        assertTrue(lacking.getMessage().contains("lacks the field(s) [qual_quote]"), lacking.getMessage());
    }

    private static QualitativeData csv(Path file) throws Exception {
        List<FieldMetadata> dictionary = dictionary();
        LoadedStudy loaded = StudyLoader.grade().load(spec(), dictionary, null, List.of());
        return QuoteReader.read(file, loaded, "demo", QualitativeInstrument.find(dictionary, null, "demo").orElseThrow());
    }

    private static QualitativeData api(RedcapClient redcap, LoadedStudy loaded, QualitativeInstrument instrument) {
        QuoteReader reader = new QuoteReader(loaded, "demo", instrument);
        redcap.exportRecordRows(RecordQuery.all().withFields(instrument.exportFields(loaded.recordIdField())), reader);
        return reader.finish();
    }

    private static void save(RedcapSandbox sandbox, int pid, int instance, Map<String, String> values) {
        sandbox.saveForm(pid, FormSave.of("11", "qualitative_data").withInstance(instance).withValues(values).withStatus(2));
    }
}
