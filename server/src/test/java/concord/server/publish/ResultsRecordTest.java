package concord.server.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.ConsensusRule;
import concord.analysis.Outcome;
import concord.analysis.RatingAccumulator;
import concord.analysis.RatingScale;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.connector.DataDictionaryReader;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapRecord;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxUser;
import concord.connector.FieldMetadata;
import concord.connector.FieldType;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.load.RecordFiles;
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
        FeedResult read = RecordFiles.read(DEPLOY.resolve("clbpoq-records.csv"), loaded, spec, 1);
        StudyResult result = StudyAnalyzer.withDefaults().analyze(read.accumulator());

        List<Map<String, String>> rows = ResultsRecord.rows(7, Instant.parse("2026-11-25T10:15:30Z"), result, read,
                "Concord test", "https://concord.example.org/dashboard/clbpoq");

        assertAllColumnsAreShippedFields(rows, dictionary);
        assertEquals(1 + 57 + 57 * 2, rows.size(), "one summary row, one instance per outcome, one per outcome and group");
        assertEquals("2026-11-25 10:15", rows.get(0).get("concord_run_time"), "REDCap datetime_ymd has no seconds");
        assertEquals("56", rows.get(0).get("concord_records"));
        assertEquals("26", rows.get(0).get("concord_n_doctor"));
        Map<String, String> firstOutcome = rows.get(1);
        assertEquals(ResultsRecord.OUTCOME_INSTRUMENT, firstOutcome.get("redcap_repeat_instrument"));
        assertTrue(!firstOutcome.get("or_doctor_n").isEmpty() && !firstOutcome.get("or_p_rank_sum").isEmpty(), firstOutcome.toString());
        Map<String, String> firstGroup = rows.get(58);
        assertEquals(ResultsRecord.GROUP_INSTRUMENT, firstGroup.get("redcap_repeat_instrument"));
        assertEquals("1", firstGroup.get("redcap_repeat_instance"));
        assertEquals(firstOutcome.get("or_field"), firstGroup.get("gr_field"));
        assertEquals("Doctor", firstGroup.get("gr_group_label"));
        assertEquals(firstOutcome.get("or_doctor_n"), firstGroup.get("gr_n"), "the same figures in both instruments");
        assertEquals(firstOutcome.get("or_doctor_pct_critical"), firstGroup.get("gr_pct_critical"));
        assertEquals(firstOutcome.get("or_doctor_mean"), firstGroup.get("gr_mean"));
        assertEquals("Patient", rows.get(59).get("gr_group_label"));
        assertEquals(firstOutcome.get("or_patient_mean"), rows.get(59).get("gr_mean"));
        assertEquals("114", rows.get(rows.size() - 1).get("redcap_repeat_instance"));
    }

    @Test
    void threeGroupsAreWrittenToTheGroupInstancesAndLeaveTheRoleFieldsEmpty() throws Exception {
        List<FieldMetadata> dictionary = DataDictionaryReader.create().read(DEPLOY.resolve("clbpoq-dictionary.csv"));
        Study study = new Study("Three groups", List.of(new Outcome("pain", "Pain", "Symptoms"), new Outcome("sleep", "Sleep", "")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient"),
                        new StakeholderGroup("3", "Physiotherapist")), RatingScale.grade(), ConsensusRule.defaults(), List.of());
        RatingAccumulator ratings = new RatingAccumulator(study);
        int[][] scores = {{9, 8, 9, 7, 8}, {2, 3, 1, 4, 2, 3}, {5, 6, 5, 7}};
        for (int g = 0; g < 3; g++) {
            for (int score : scores[g]) {
                ratings.addParticipant(g);
                ratings.add(g, 0, score);
                ratings.add(g, 1, 10 - score);
            }
        }
        StudyResult result = StudyAnalyzer.withDefaults().analyze(ratings);
        FeedResult feed = new FeedResult(ratings, 15, 15, 0, List.of(), "f");

        List<Map<String, String>> rows = ResultsRecord.rows(3, Instant.parse("2026-11-25T10:15:30Z"), result, feed, "v", null);

        assertAllColumnsAreShippedFields(rows, dictionary);
        assertEquals(1 + 2 + 2 * 3, rows.size());
        assertTrue(!rows.get(0).containsKey("concord_n_doctor"), "no role fits three groups");
        Map<String, String> pain = rows.get(1);
        assertEquals("pain", pain.get("or_field"));
        assertTrue(pain.keySet().stream().noneMatch(k -> k.startsWith("or_doctor") || k.startsWith("or_patient")), pain.toString());
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", result.outcomes().get(0).comparison().kruskalWallis().orElseThrow().p()),
                pain.get("or_p_rank_sum"), "Kruskal–Wallis for three groups");
        assertEquals("2", pain.get("or_verdict"));

        List<Map<String, String>> groups = rows.subList(3, 9);
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), groups.stream().map(r -> r.get("redcap_repeat_instance")).toList());
        assertEquals(List.of("pain", "pain", "pain", "sleep", "sleep", "sleep"), groups.stream().map(r -> r.get("gr_field")).toList());
        assertEquals(List.of("1", "2", "3", "1", "2", "3"), groups.stream().map(r -> r.get("gr_group_code")).toList());
        Map<String, String> physioPain = groups.get(2);
        assertEquals("Physiotherapist", physioPain.get("gr_group_label"));
        assertEquals("Pain", physioPain.get("gr_outcome"));
        assertEquals("4", physioPain.get("gr_n"));
        assertEquals("25.0", physioPain.get("gr_pct_critical"), "one of four scored 7-9");
        assertEquals("5.75", physioPain.get("gr_mean"));
        assertEquals("5.50", physioPain.get("gr_median"));
        assertEquals("2", physioPain.get("gr_consensus"), "no consensus");
        assertEquals("1", groups.get(0).get("gr_consensus"), "doctors: all five scored 7-9, critical");
        assertEquals("3", groups.get(1).get("gr_consensus"), "patients: five of six scored 1-3, not important");
    }

    @Test
    void theShippedProjectAcceptsEveryRowThroughTheApi() throws Exception {
        List<FieldMetadata> dictionary = DataDictionaryReader.create().read(DEPLOY.resolve("clbpoq-dictionary.csv"));
        StudySpec spec = new StudySpec("clbpoq", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                DomainSource.ANNOTATION, List.of(), "80/15", null, null, "concord-results");
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary, null, List.of());
        FeedResult read = RecordFiles.read(DEPLOY.resolve("clbpoq-records.csv"), loaded, spec, 1);
        List<Map<String, String>> rows = ResultsRecord.rows(7, Instant.parse("2026-11-25T10:15:30Z"),
                StudyAnalyzer.withDefaults().analyze(read.accumulator()), read, "v", null);
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.seedDemoProject(); // from clbpoq-project.xml, with both repeating instruments
            try (RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(),
                    sandbox.createToken(pid, SandboxUser.withAllRights("concord"))))) {
                List<Map<String, String>> withIds = rows.stream().map(r -> {
                    Map<String, String> row = new java.util.LinkedHashMap<>();
                    row.put("record_id", "concord-results");
                    row.putAll(r);
                    return row;
                }).toList();
                assertEquals(1, client.importRecords(withIds).count());
                List<RedcapRecord> back = new java.util.ArrayList<>();
                client.exportRecords(RecordQuery.all().withRecords("concord-results"), back::add);
                assertEquals(1 + 57 + 114, back.size());
                List<RedcapRecord> groups = back.stream()
                        .filter(r -> ResultsRecord.GROUP_INSTRUMENT.equals(r.repeatInstrument())).toList();
                assertEquals(114, groups.size());
                assertEquals("Patient", groups.get(113).value("gr_group_label"));
                assertEquals(rows.get(rows.size() - 1).get("gr_mean"), groups.get(113).value("gr_mean"));
            }
        }
    }

    private static void assertAllColumnsAreShippedFields(List<Map<String, String>> rows, List<FieldMetadata> dictionary) {
        Set<String> known = new HashSet<>(List.of("redcap_repeat_instrument", "redcap_repeat_instance",
                ResultsRecord.INSTRUMENT + "_complete", ResultsRecord.OUTCOME_INSTRUMENT + "_complete",
                ResultsRecord.GROUP_INSTRUMENT + "_complete"));
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
    }
}
