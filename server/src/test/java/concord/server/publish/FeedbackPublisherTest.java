package concord.server.publish;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import concord.analysis.DelphiParticipant;
import concord.analysis.RoundResult;
import concord.analysis.StudyResult;
import concord.analysis.feedback.FeedbackPdfRenderer;
import concord.analysis.feedback.FeedbackReport;
import concord.analysis.feedback.GroupFeedback;
import concord.analysis.report.ReportContext;
import concord.connector.FileFieldLocation;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapException;
import concord.connector.RedcapRecord;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.DelphiProjectFiles;
import concord.server.load.DelphiProjectFiles.Panelist;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.load.RecordFeed;
import concord.server.load.RoundSource;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feedback published through the REDCap sandbox over HTTP: a longitudinal three-event Delphi project whose panel has
 * answered rounds 1 and 2, three patients (below the minimum group size) and many doctors. Every round-2 participant
 * gets their own PDF in {@code concord_feedback_r2} of the round-3 event and their pipe values; a participant whose
 * feedback cannot be produced stops everything before anything is written; a refused import puts every PDF back.
 */
class FeedbackPublisherTest {
    static final ReportContext FIRST = ReportContext.generatedAt(Instant.parse("2026-12-01T10:00:00Z"));
    static final ReportContext SECOND = ReportContext.generatedAt(Instant.parse("2026-12-02T10:00:00Z"));
    static final String FIELD = "concord_feedback_r2";
    static final String NEXT_EVENT = "round_3_arm_1";
    static final String ROWS = """
            concord_feedback_r1,feedback,,file,"Your feedback on round 1",,,,,,,,,,,,,
            concord_feedback_r2,feedback,,file,"Your feedback on round 2",,,,,,,,,,,,,
            fb_q1,feedback,,text,"Feedback on pain",,,,,,,,,,,,,
            fb_q3,feedback,,notes,"Feedback on work",,,,,,,,,,,,,
            fb_nothing,feedback,,text,"Not an outcome",,,,,,,,,,,,,
            """;
    static final String TAGGED = """
            own_q2,feedback,,text,"Your sleep score",,,,,,,,,,,,,@CONCORD-FEEDBACK=q2:own
            median_q2_doctor,feedback,,text,"Doctors' median",,,,,,,,,,,,,@CONCORD-FEEDBACK=q2:median:1
            pct_q2,feedback,,text,"Own group % 7-9",,,,,,,,,,,,,@CONCORD-FEEDBACK=q2:pct_7_9
            """;

    private RedcapSandbox sandbox;
    private RedcapClient client;
    private int pid;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Rounds 1 and 2 answered (round 3 not yet); p2, p4 and p6 are patients, everybody else a doctor. */
    static List<Panelist> panel() {
        return DelphiProjectFiles.panel(13, 61).stream().map(p -> new Panelist(p.id(),
                        List.of("p2", "p4", "p6").contains(p.id()) ? 2 : 1, p.sex(), new int[][] {p.scores()[0], p.scores()[1], null}))
                .toList();
    }

    private FeedResult start(Path dir, List<Panelist> panel, String rows) throws IOException {
        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(DelphiProjectFiles.longitudinalProject(dir, panel, rows, "feedback")));
        client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), sandbox.createToken(pid,
                SandboxUser.withAllRights("concord"))).withInterBatchPause(Duration.ZERO));
        return feed();
    }

    private LoadedStudy loaded() {
        return StudyLoader.grade().load(spec(), client.metadata(), "Delphi", client.formEventMappings(), client.events());
    }

    private static StudySpec spec() {
        return new StudySpec("delphi", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")), DomainSource.ANNOTATION,
                List.of("sex"), "comet", null, null, null, RoundSource.byEvents());
    }

    private FeedResult feed() {
        LoadedStudy loaded = loaded();
        RecordFeed feed = new RecordFeed(loaded, spec(), n -> { });
        client.exportRecordRows(RecordQuery.all().withFields(loaded.exportFields()), feed);
        return feed.finish();
    }

    private FeedbackRequest request(FeedResult feed, ReportContext context) {
        return new FeedbackRequest("delphi", "concord_feedback_r{round}", FeedbackReport.DEFAULT_MINIMUM_GROUP_SIZE,
                feed.analyze(), feed.participants(), loaded().rounds(), client.metadata(), client.formEventMappings(), context);
    }

    /** The feedback computed independently: the round's result and the panelist's own round-2 ratings. */
    private static FeedbackReport expected(RoundResult round, Panelist p) {
        Map<String, Integer> ratings = new HashMap<>();
        for (int o = 0; o < 4; o++) {
            if (p.scores()[1][o] > 0) {
                ratings.put("q" + (o + 1), p.scores()[1][o]);
            }
        }
        return FeedbackReport.of(round, new DelphiParticipant(p.id(), String.valueOf(p.group()), Map.of(), Map.of(2, ratings)));
    }

    private byte[] pdf(String record) {
        return client.exportFile(FileFieldLocation.of(record, FIELD).withEvent(NEXT_EVENT)).content();
    }

    private Map<String, Map<String, String>> values(String... fields) {
        Map<String, Map<String, String>> out = new HashMap<>();
        List<String> names = new java.util.ArrayList<>(List.of("record_id"));
        names.addAll(List.of(fields));
        client.exportRecords(RecordQuery.all().withFields(names).withEvents(NEXT_EVENT), (RedcapRecord r) -> out.put(r.recordId(), r.values()));
        return out;
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(new PdfTextExtractor(reader).getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    @Test
    void everyParticipantOfTheRoundGetsTheirOwnPdfAndValuesInTheNextRoundsEvent(@TempDir Path dir) throws IOException {
        List<Panelist> panel = panel();
        FeedResult feed = start(dir, panel, ROWS);
        StudyResult result = feed.analyze();
        RoundResult round2 = result.delphi().orElseThrow().round(2).orElseThrow();
        FeedbackPublisher publisher = new FeedbackPublisher();
        PreparedFeedback prepared = publisher.prepare(request(feed, FIRST));
        assertEquals(2, prepared.round());
        List<Panelist> answered = panel.stream().filter(p -> p.scores()[1] != null).toList();
        assertTrue(answered.size() > 30 && answered.size() < panel.size(), "drop-outs by round 2: " + answered.size());
        assertEquals(answered.size(), prepared.participants());

        FeedbackReceipt receipt = publisher.publish(prepared, client);
        assertEquals(new FeedbackReceipt(2, answered.size(), FIELD, NEXT_EVENT, List.of("fb_q1", "fb_q3")), receipt);

        Map<String, Map<String, String>> values = values("fb_q1", "fb_q3", "fb_nothing");
        for (Panelist p : answered) {
            byte[] pdf = pdf(p.id());
            assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII), p.id());
            FeedbackReport report = expected(round2, p);
            assertArrayEquals(FeedbackPdfRenderer.withDefaults().render(report, FIRST), pdf,
                    p.id() + ": the PDF is their own score plus the round's aggregated counts, nothing else");
            String text = text(pdf);
            assertTrue(text.contains("Record " + p.id() + " "), text);
            for (Panelist other : panel) {
                if (!other.id().equals(p.id())) {
                    assertFalse(Pattern.compile("\\b" + other.id() + "\\b").matcher(text).find(), p.id() + "'s PDF names " + other.id());
                }
            }
            assertTrue(text.contains("not shown: group of 3 participants, fewer than 5"), "the three patients are withheld: " + text);
            String own = p.scores()[1][0] > 0 ? String.valueOf(p.scores()[1][0]) : "not rated";
            assertTrue(values.get(p.id()).get("fb_q1").startsWith("You: " + own + " · "), values.get(p.id()).toString());
            assertEquals(report.pipeValues().get("q1"), values.get(p.id()).get("fb_q1"));
            assertEquals(report.pipeValues().get("q3"), values.get(p.id()).get("fb_q3"));
            assertTrue(values.get(p.id()).get("fb_q3").contains("not shown (group of 3 participants, fewer than 5)"),
                    values.get(p.id()).get("fb_q3"));
            assertEquals("", values.get(p.id()).get("fb_nothing"));
            GroupFeedback patients = report.outcomes().get(0).groups().get(1);
            assertTrue(patients.withheld().isPresent() && patients.counts().isEmpty());
        }
        for (Panelist p : panel) {
            if (p.scores()[1] == null) {
                assertThrows(RedcapException.class, () -> pdf(p.id()), p.id() + " did not answer round 2: no feedback");
            }
        }
    }

    @Test
    void taggedFieldsReceiveTheirValueAndTheDefaultFieldsAreLeftAlone(@TempDir Path dir) throws IOException {
        List<Panelist> panel = panel();
        FeedResult feed = start(dir, panel, ROWS + TAGGED);
        RoundResult round2 = feed.analyze().delphi().orElseThrow().round(2).orElseThrow();
        FeedbackPublisher publisher = new FeedbackPublisher();
        FeedbackReceipt receipt = publisher.publish(publisher.prepare(request(feed, FIRST)), client);
        assertEquals(List.of("own_q2", "median_q2_doctor", "pct_q2"), receipt.valueFields());
        Map<String, Map<String, String>> values = values("own_q2", "median_q2_doctor", "pct_q2", "fb_q1");
        String doctorsMedian = null;
        for (Panelist p : panel) {
            if (p.scores()[1] == null) {
                continue;
            }
            Map<String, String> v = values.get(p.id());
            FeedbackReport report = expected(round2, p);
            assertEquals(p.scores()[1][1] > 0 ? String.valueOf(p.scores()[1][1]) : "", v.get("own_q2"), p.id());
            GroupFeedback doctors = report.outcomes().get(1).groups().get(0);
            String median = new java.math.BigDecimal(doctors.median().getAsDouble()).stripTrailingZeros().toPlainString();
            assertEquals(median, v.get("median_q2_doctor"), "the doctors' median for everybody, patients too");
            doctorsMedian = doctorsMedian == null ? v.get("median_q2_doctor") : doctorsMedian;
            assertEquals(doctorsMedian, v.get("median_q2_doctor"));
            String ownPct = p.group() == 2 ? "" : new java.math.BigDecimal(doctors.pctTop().getAsDouble())
                    .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
            assertEquals(ownPct, v.get("pct_q2"), p.id() + ": own group's % 7-9, empty for the withheld patients");
            assertEquals("", v.get("fb_q1"), "with tags in the dictionary, fb_ fields are not written");
        }
    }

    @Test
    void aParticipantWhoseFeedbackCannotBeProducedStopsEverything(@TempDir Path dir) throws IOException {
        // U+0378 is unassigned: no font draws it, and the PDF prints the record ID.
        List<Panelist> panel = panel().stream().map(p -> p.id().equals("p8")
                ? new Panelist("p8-\u0378", p.group(), p.sex(), p.scores()) : p).toList();
        FeedResult feed = start(dir, panel, ROWS);
        FeedbackPublisher publisher = new FeedbackPublisher();
        PublishException e = assertThrows(PublishException.class, () -> publisher.prepare(request(feed, FIRST)));
        assertTrue(e.getMessage().startsWith("Project delphi: the feedback of " + DelphiProjectFiles.EVENT_NAMES[1] + " for record 'p8-\u0378' (field '"
                + FIELD + "') could not be produced: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("in REDCap. Nothing was published: no participant's feedback, no report."), e.getMessage());
        for (Panelist p : panel) {
            if (p.scores()[1] != null) {
                assertThrows(RedcapException.class, () -> pdf(p.id()), "nothing uploaded for " + p.id());
            }
        }
        values("fb_q1").values().forEach(v -> assertEquals("", v.get("fb_q1")));
    }

    @Test
    void aClassicProjectWithARoundFieldGetsItsFeedbackWithoutEvents(@TempDir Path dir) throws IOException {
        List<Panelist> panel = panel();
        sandbox = RedcapSandbox.builder().build().start();
        pid = sandbox.addProject(SandboxProject.fromDictionaryCsv("Delphi classic", DelphiProjectFiles.DICTIONARY + ROWS,
                DelphiProjectFiles.classicCsv(panel)));
        client = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), sandbox.createToken(pid,
                SandboxUser.withAllRights("concord"))).withInterBatchPause(Duration.ZERO));
        StudySpec spec = spec().withRounds(RoundSource.byField("round"));
        LoadedStudy loaded = StudyLoader.grade().load(spec, client.metadata(), "Delphi", List.of());
        RecordFeed recordFeed = new RecordFeed(loaded, spec, n -> { });
        client.exportRecordRows(RecordQuery.all().withFields(loaded.exportFields()), recordFeed);
        FeedResult feed = recordFeed.finish();
        FeedbackPublisher publisher = new FeedbackPublisher();
        FeedbackReceipt receipt = publisher.publish(publisher.prepare(new FeedbackRequest("delphi", "concord_feedback_r{round}", 5,
                feed.analyze(), feed.participants(), loaded.rounds(), client.metadata(), List.of(), FIRST)), client);
        assertEquals(new FeedbackReceipt(2, 48, FIELD, "", List.of("fb_q1", "fb_q3")), receipt);
        RoundResult round2 = feed.analyze().delphi().orElseThrow().round(2).orElseThrow();
        Map<String, String> lines = new HashMap<>();
        client.exportRecords(RecordQuery.all().withFields("record_id", "fb_q1"), r -> {
            if (r.repeatInstrument().isEmpty()) {
                lines.put(r.recordId(), r.values().get("fb_q1"));
            }
        });
        for (Panelist p : panel) {
            if (p.scores()[1] != null) {
                byte[] pdf = client.exportFile(FileFieldLocation.of(p.id(), FIELD)).content();
                assertArrayEquals(FeedbackPdfRenderer.withDefaults().render(expected(round2, p), FIRST), pdf, p.id());
                assertEquals(expected(round2, p).pipeValues().get("q1"), lines.get(p.id()));
            }
        }
    }

    @Test
    void aMisfittingProjectIsNamedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        FeedResult feed = start(dir, panel(), ROWS.replace("concord_feedback_r2,feedback,,file", "concord_feedback_r2,feedback,,text")
                + "bad_tag,feedback,,text,\"x\",,,,,,,,,,,,,@CONCORD-FEEDBACK=q9:median\n");
        PublishException e = assertThrows(PublishException.class, () -> new FeedbackPublisher().prepare(request(feed, FIRST)));
        assertTrue(e.getMessage().contains("Project delphi: the feedback file field 'concord_feedback_r2' has type text; it must be "
                + "a File Upload field."), e.getMessage());
        assertTrue(e.getMessage().contains("field 'bad_tag' carries @CONCORD-FEEDBACK=q9:median, but 'q9' is not one of the study's "
                + "outcome fields"), e.getMessage());
    }

    @Test
    void aRefusedImportPutsEveryPdfBack(@TempDir Path dir) throws IOException {
        List<Panelist> panel = panel();
        FeedResult feed = start(dir, panel, ROWS);
        FeedbackPublisher publisher = new FeedbackPublisher();
        publisher.publish(publisher.prepare(request(feed, FIRST)), client);
        Map<String, byte[]> first = new HashMap<>();
        panel.stream().filter(p -> p.scores()[1] != null).forEach(p -> first.put(p.id(), pdf(p.id())));
        Map<String, Map<String, String>> before = values("fb_q1");

        // A tagged field with integer validation cannot take the text line: REDCap refuses the import after the uploads.
        sandbox.replaceDataDictionary(pid, DelphiProjectFiles.DICTIONARY + ROWS
                + "fb_number,feedback,,text,\"Pain as a number\",,,integer,,,,,,,,,,@CONCORD-FEEDBACK=q1:line\n");
        PublishException e = assertThrows(PublishException.class, () -> publisher.publish(publisher.prepare(request(feed(), SECOND)), client));
        assertTrue(e.getMessage().startsWith("Project delphi: publishing the feedback of round 2 failed while importing the "
                + "feedback values [fb_number]"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Every participant's feedback was put back as it was before this run."), e.getMessage());
        first.forEach((id, pdf) -> assertArrayEquals(pdf, pdf(id), id + ": the first run's PDF is back"));
        assertEquals(before, values("fb_q1"));
        values("fb_number").values().forEach(v -> assertEquals("", v.get("fb_number")));
    }
}
