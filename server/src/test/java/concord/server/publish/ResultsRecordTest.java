package concord.server.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.connector.DataDictionaryReader;
import concord.connector.FieldMetadata;
import concord.connector.FieldType;
import concord.connector.RecordCsvReader;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.load.RecordFeed;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The results rows name only fields that the shipped results instruments (deploy/redcap) define. */
class ResultsRecordTest {
    private static final Path DEPLOY = Path.of(System.getProperty("user.dir")).resolve("../deploy/redcap").normalize();

    @Test
    void everyWrittenFieldExistsInTheShippedDictionary() throws Exception {
        List<FieldMetadata> dictionary = DataDictionaryReader.create().read(DEPLOY.resolve("clbpoq-dictionary.csv"));
        StudySpec spec = new StudySpec("clbpoq", null, "group", OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                DomainSource.ANNOTATION, List.of(), "80/15", null, null, null);
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary, null, List.of());
        RecordFeed feed = new RecordFeed(loaded, spec, n -> { });
        try (RecordCsvReader reader = RecordCsvReader.open(DEPLOY.resolve("clbpoq-records.csv"))) {
            reader.forEachRemaining(feed::accept);
        }
        FeedResult read = feed.finish();
        StudyResult result = StudyAnalyzer.withDefaults().analyze(read.accumulator());

        List<Map<String, String>> rows = ResultsRecord.rows(7, Instant.parse("2026-11-25T10:15:30Z"), result, read,
                "Concord test", "https://concord.example.org/dashboard/clbpoq");

        Set<String> known = new HashSet<>(List.of("redcap_repeat_instrument", "redcap_repeat_instance",
                ResultsRecord.INSTRUMENT + "_complete", ResultsRecord.OUTCOME_INSTRUMENT + "_complete"));
        for (FieldMetadata field : dictionary) {
            known.add(field.fieldName());
            if (field.fieldType() == FieldType.CHECKBOX) {
                field.choices().forEach(c -> known.add(field.checkboxColumn(c.code())));
            }
        }
        for (Map<String, String> row : rows) {
            for (String column : row.keySet()) {
                assertTrue(known.contains(column), "results column '" + column + "' is not a field of deploy/redcap");
            }
        }
        assertEquals(1 + result.outcomes().size(), rows.size(), "one summary row and one instance per outcome");
        assertEquals("2026-11-25 10:15", rows.get(0).get("concord_run_time"), "REDCap datetime_ymd has no seconds");
        assertEquals("56", rows.get(0).get("concord_records"));
    }
}
