package concord.server.load;

import concord.analysis.Round;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.connector.DataDictionaryReader;
import concord.connector.FieldMetadata;
import concord.connector.FormEventMapping;
import concord.connector.ProjectInfo;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rounds read from records: a round field on a repeating rating instrument (classic export file), one event per
 * round (longitudinal export file, and a longitudinal project through the sandbox's API), each compared with the
 * same panel counted participant by participant; and every bad round value named by record, field and value.
 */
class RoundReadingTest {
    private static final List<DelphiProjectFiles.Panelist> PANEL = DelphiProjectFiles.panel(13, 61);

    static StudySpec spec(RoundSource rounds) {
        return new StudySpec("delphi", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")), DomainSource.ANNOTATION,
                List.of("sex"), "comet", null, null, null, rounds);
    }

    static List<FieldMetadata> dictionary() {
        try {
            return DataDictionaryReader.create().read(new StringReader(DelphiProjectFiles.DICTIONARY), "delphi-dictionary.csv");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** "id group round score…" per kept participant. */
    private static List<String> participants(FeedResult feed) {
        ParticipantRatings p = feed.participants();
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            StringBuilder s = new StringBuilder(p.recordId(i)).append(' ').append(p.group(i)).append(' ').append(p.round(i));
            for (int o = 0; o < p.study().outcomes().size(); o++) {
                s.append(' ').append(p.score(i, o));
            }
            out.add(s.toString());
        }
        return out;
    }

    private static String json(StudyResult result) {
        return StudyResultJson.write(result);
    }

    @Test
    void aRoundFieldOnARepeatingInstrument(@TempDir Path dir) throws IOException {
        StudySpec spec = spec(RoundSource.byField("round"));
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary(), null, List.of());
        assertEquals(List.of(new Round(1, "1", "Round 1"), new Round(2, "2", "Round 2"), new Round(3, "3", "Round 3")),
                loaded.rounds().rounds());
        assertTrue(loaded.exportFields().contains("round"));
        Path file = Files.writeString(dir.resolve("records.csv"), DelphiProjectFiles.classicCsv(PANEL));
        String expected = json(DelphiAnalyzerOf.expected(loaded, PANEL));
        FeedResult sequential = RecordFiles.read(file, loaded, spec, 1);
        assertEquals(0, sequential.issueCount(), sequential.issues().toString());
        assertEquals(61, sequential.analysed());
        assertEquals(expected, json(sequential.analyze()));
        FeedResult parallel = RecordFiles.read(file, loaded, spec, 2, 0);
        assertEquals(expected, json(parallel.analyze()), "read in two parts");
        assertEquals(sequential.fingerprint(), parallel.fingerprint());
        assertEquals(participants(sequential), participants(parallel), "every participant's latest round, in record order");
        assertEquals(61 - 1, sequential.participants().size(), "all but the one who never answered");
        ParticipantRatings kept = sequential.participants();
        for (int i = 0; i < kept.size(); i++) {
            String id = kept.recordId(i);
            DelphiProjectFiles.Panelist p = PANEL.stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
            int latest = p.scores()[2] != null ? 3 : p.scores()[1] != null ? 2 : 1;
            assertEquals(latest, kept.round(i), id);
            for (int o = 0; o < 4; o++) {
                int score = p.scores()[latest - 1][o];
                assertEquals(score > 0 ? score : concord.analysis.DelphiAccumulator.NO_SCORE, kept.score(i, o), id + " q" + (o + 1));
            }
        }
        assertTrue(sequential.analyze().delphi().isPresent());
    }

    @Test
    void oneEventPerRoundInAnExportFile(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("records.csv"), DelphiProjectFiles.longitudinalCsv(PANEL));
        StudySpec spec = spec(RoundSource.byEvents());
        LoadedStudy survey = StudyLoader.grade().load(spec.withRounds(RoundSource.none()), dictionary(), null, List.of());
        List<String> order = RecordFiles.ratedEvents(file, survey);
        assertEquals(List.of(DelphiProjectFiles.EVENTS), order);
        StudySpec ordered = spec.withRounds(RoundSource.byEvents(order));
        LoadedStudy loaded = StudyLoader.grade().load(ordered, dictionary(), null, List.of());
        assertEquals(new Round(2, "round_2_arm_1", "Round 2"), loaded.rounds().rounds().get(1));
        FeedResult read = RecordFiles.read(file, loaded, ordered, 1);
        assertEquals(0, read.issueCount(), read.issues().toString());
        assertEquals(json(DelphiAnalyzerOf.expected(loaded, PANEL)), json(read.analyze()),
                "the group and sex are only in the first event");
        assertEquals(61, read.analysed());
    }

    @Test
    void aLongitudinalProjectThroughTheApi(@TempDir Path dir) throws IOException {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(DelphiProjectFiles.longitudinalProject(dir, PANEL)));
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("reader"));
            StudySpec spec = spec(RoundSource.byEvents());
            try (RedcapClient redcap = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token)
                    .withBatchSize(7).withInterBatchPause(Duration.ZERO))) {
                ProjectInfo info = redcap.project();
                assertTrue(info.longitudinal());
                List<FormEventMapping> mappings = redcap.formEventMappings();
                LoadedStudy loaded = StudyLoader.grade().load(spec, redcap.metadata(), info.projectTitle(), mappings, redcap.events());
                assertEquals(List.of(new Round(1, "round_1_arm_1", "Round 1"), new Round(2, "round_2_arm_1", DelphiProjectFiles.EVENT_NAMES[1]),
                        new Round(3, "round_3_arm_1", "Round 3")), loaded.rounds().rounds(), "REDCap's event order and names");
                assertNull(loaded.event());
                RecordFeed feed = new RecordFeed(loaded, spec, n -> { });
                redcap.exportRecordRows(RecordQuery.all().withFields(loaded.exportFields()), feed);
                FeedResult read = feed.finish();
                assertEquals(0, read.issueCount(), read.issues().toString());
                StudyResult result = read.analyze();
                assertEquals(json(DelphiAnalyzerOf.expected(loaded, PANEL)), json(result));
                var attrition = result.delphi().orElseThrow().attrition().all();
                assertTrue(attrition.dropouts() > 0 && attrition.completers() > 0, "the panel has drop-outs");
                assertEquals(3, result.delphi().get().lastStarted().orElseThrow().round().number());
            }
        }
    }

    @Test
    void badRoundValuesAreNamedByRecordFieldAndValue(@TempDir Path dir) throws IOException {
        StudySpec spec = spec(RoundSource.byField("round"));
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary(), null, List.of());
        String header = "record_id,redcap_repeat_instrument,redcap_repeat_instance,group,sex,participant_complete,round,q1,q2,q3,q4,ratings_complete\n";
        String csv = header
                + "a1,,,1,1,2,,,,,,\n"
                + "a1,ratings,1,,,,1,7,7,7,7,2\n"
                + "a1,ratings,2,,,,4,8,8,8,8,2\n"      // a round that does not exist
                + "a2,,,2,2,2,,,,,,\n"
                + "a2,ratings,1,,,,2,5,5,5,5,2\n"
                + "a2,ratings,2,,,,2,6,6,6,6,2\n"      // round 2 twice: instance 2 left out
                + "a3,,,1,1,2,,,,,,\n"
                + "a3,ratings,1,,,,,9,9,9,9,2\n"       // ratings without a round
                + "a4,,,2,1,2,,,,,,\n"
                + "a4,ratings,1,,,,1,12,x,3,3,2\n";   // bad scores are named with their round
        Path file = Files.writeString(dir.resolve("bad.csv"), csv);
        FeedResult read = RecordFiles.read(file, loaded, spec, 1);
        List<String> issues = read.issues().stream().map(i -> i.record() + "|" + i.field() + "|" + i.value() + "|" + i.problem()).toList();
        assertEquals(5, read.issueCount(), issues.toString());
        assertTrue(issues.get(0).startsWith("a1|round|4|not one of the rounds [1, 2, 3]"), issues.get(0));
        assertTrue(issues.get(1).startsWith("a2|round|2|Round 2 answered twice (instance 1 and instance 2): the second is left out"),
                issues.get(1));
        assertTrue(issues.get(2).startsWith("a3|round||ratings without a round (instance 1)"), issues.get(2));
        assertTrue(issues.get(3).startsWith("a4|q1|12|Round 1: outside the scale 1–9"), issues.get(3));
        assertTrue(issues.get(4).startsWith("a4|q2|x|Round 1: not a whole number"), issues.get(4));
        StudyResult result = read.analyze();
        assertEquals(1, result.delphi().orElseThrow().round(2).orElseThrow().result().groups().get(1).n(),
                "a2's first round-2 answer counts");
        assertEquals(4, read.analysed());

        String conflicting = "record_id,redcap_event_name,group,sex,participant_complete,round,q1,q2,q3,q4,ratings_complete\n"
                + "b1,round_1_arm_1,1,1,2,,5,5,5,5,2\n"
                + "b1,round_2_arm_1,2,,,,6,6,6,6,2\n";
        StudySpec events = spec(RoundSource.byEvents(List.of(DelphiProjectFiles.EVENTS)));
        LoadedStudy byEvent = StudyLoader.grade().load(events, dictionary(), null, List.of());
        FeedResult groups = RecordFiles.read(Files.writeString(dir.resolve("groups.csv"), conflicting), byEvent, events, 1);
        assertEquals(1, groups.issueCount());
        LoadIssue issue = groups.issues().get(0);
        assertEquals("b1|group|2", issue.record() + "|" + issue.field() + "|" + issue.value());
        assertTrue(issue.problem().contains("the group in event round_2_arm_1 differs from '1' in event round_1_arm_1"), issue.problem());
    }

    @Test
    void roundConfigurationProblemsNameTheFix() {
        StudyConfigurationException missing = assertThrows(StudyConfigurationException.class,
                () -> StudyLoader.grade().load(spec(RoundSource.byField("rnd")), dictionary(), null, List.of()));
        assertTrue(missing.problems().get(0).contains("round-field 'rnd' is not in the data dictionary"), missing.getMessage());
        StudyConfigurationException type = assertThrows(StudyConfigurationException.class,
                () -> StudyLoader.grade().load(spec(RoundSource.byField("record_id")), dictionary(), null, List.of()));
        assertTrue(type.problems().get(0).contains("round-field 'record_id' has type text"), type.getMessage());
        StudyConfigurationException classic = assertThrows(StudyConfigurationException.class,
                () -> StudyLoader.grade().load(spec(RoundSource.byEvents()), dictionary(), null, List.of()));
        assertTrue(classic.problems().get(0).contains("rounds: events needs a longitudinal project"), classic.getMessage());
        List<FormEventMapping> mappings = List.of(new FormEventMapping(1, "round_1_arm_1", "ratings"),
                new FormEventMapping(2, "round_1_arm_2", "ratings"));
        StudyConfigurationException arms = assertThrows(StudyConfigurationException.class,
                () -> StudyLoader.grade().load(spec(RoundSource.byEvents()), dictionary(), null, mappings));
        assertTrue(arms.problems().get(0).contains("are in arms [1, 2]"), arms.getMessage());
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> RoundSource.parse("events", "round"));
        assertTrue(both.getMessage().contains("rounds and round-field are both set"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RoundSource.parse("Round 1;Round 2", null));
    }

    /** The reference analysis of a panel for a loaded study. */
    static final class DelphiAnalyzerOf {
        static StudyResult expected(LoadedStudy loaded, List<DelphiProjectFiles.Panelist> panel) {
            return concord.analysis.DelphiAnalyzer.withDefaults()
                    .analyze(DelphiProjectFiles.expected(loaded.study(), loaded.rounds().rounds(), panel));
        }
    }
}
