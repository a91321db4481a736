package concord.analysis.feedback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import concord.analysis.ConsensusRule;
import concord.analysis.DelphiAccumulator;
import concord.analysis.DelphiAnalyzer;
import concord.analysis.DelphiParticipant;
import concord.analysis.Outcome;
import concord.analysis.RatingScale;
import concord.analysis.Round;
import concord.analysis.RoundResult;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.report.ReportContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FeedbackPdfRendererTest {

    static final String XSS = "<script>alert(1)</script> & \"x\"";
    static final ReportContext CONTEXT = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"));

    static Study study(RatingScale scale) {
        return study(scale, "腰痛 Delphi " + XSS);
    }

    static Study study(RatingScale scale, String title) {
        return new Study(title, List.of(
                new Outcome("pain", "疼痛/不适 Pain", "生理 Physiological"),
                new Outcome("sleep", "Sleep " + XSS, "生理 Physiological"),
                new Outcome("work", "Работа", "Role")),
                List.of(new StakeholderGroup("1", "医生 Doctor"), new StakeholderGroup("2", "Patient " + XSS)),
                scale, ConsensusRule.defaults(), List.of());
    }

    /** 12 doctors, 3 patients (below the minimum), two rounds; ids no other id contains. */
    static List<DelphiParticipant> participants(RatingScale scale, long seed) {
        Random random = new Random(seed);
        List<DelphiParticipant> list = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Map<Integer, Map<String, Integer>> rounds = new HashMap<>();
            for (int r = 1; r <= 2; r++) {
                Map<String, Integer> ratings = new HashMap<>();
                for (String field : List.of("pain", "sleep", "work")) {
                    ratings.put(field, scale.min() + random.nextInt(scale.points()));
                }
                rounds.put(r, ratings);
            }
            list.add(new DelphiParticipant(String.format("REC-%c%c-%02d", 'A' + i, 'Z' - i, i), i < 12 ? "1" : "2", Map.of(), rounds));
        }
        return list;
    }

    static RoundResult round(RatingScale scale, List<DelphiParticipant> participants, int round) {
        return round(study(scale), participants, round);
    }

    static RoundResult round(Study study, List<DelphiParticipant> participants, int round) {
        DelphiAccumulator counts = new DelphiAccumulator(study, List.of(Round.numbered(1), Round.numbered(2)));
        participants.forEach(counts::add);
        return DelphiAnalyzer.withDefaults().analyze(counts).delphi().orElseThrow().round(round).orElseThrow();
    }

    static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    @Test
    void noParticipantsReportShowsAnotherParticipantsRecordOrAnySmallGroupsAnswers() throws Exception {
        RatingScale scale = RatingScale.grade();
        List<DelphiParticipant> all = participants(scale, 7);
        RoundResult round = round(scale, all, 2);
        for (DelphiParticipant subject : all) {
            FeedbackReport report = FeedbackReport.of(round, subject);
            String text = text(FeedbackPdfRenderer.withDefaults().render(report, CONTEXT));
            String pipe = String.join("\n", report.pipeValues().values());
            assertTrue(text.contains(subject.id()), "own record id");
            for (DelphiParticipant other : all) {
                if (other != subject) {
                    assertFalse(text.contains(other.id()) || pipe.contains(other.id()), () -> other.id() + " in " + subject.id() + "'s feedback");
                }
            }
            // The three patients: no distribution anywhere, only the reason.
            for (OutcomeFeedback outcome : report.outcomes()) {
                GroupFeedback patients = outcome.groups().get(1);
                assertEquals(List.of(), patients.counts());
                assertTrue(patients.median().isEmpty() && patients.pctTop().isEmpty());
            }
            assertTrue(text.contains("not shown: group of 3 participants, fewer than 5"), text);
            assertFalse(pipe.matches("(?s).*Patient[^·]*median.*"), pipe);
        }
    }

    @Test
    void theReportDependsOnlyOnTheRoundsCountsAndTheParticipantsOwnAnswers() throws Exception {
        RatingScale scale = RatingScale.grade();
        List<DelphiParticipant> all = participants(scale, 11);
        DelphiParticipant subject = all.get(0);
        // Two other doctors swap their round-2 answers: every count stays, who answered what changes.
        List<DelphiParticipant> swapped = new ArrayList<>(all);
        DelphiParticipant a = all.get(3);
        DelphiParticipant b = all.get(4);
        swapped.set(3, new DelphiParticipant(a.id(), a.groupCode(), Map.of(), Map.of(1, a.ratings(1), 2, b.ratings(2))));
        swapped.set(4, new DelphiParticipant(b.id(), b.groupCode(), Map.of(), Map.of(1, b.ratings(1), 2, a.ratings(2))));
        assertTrue(!a.ratings(2).equals(b.ratings(2)), "the swap changes who answered what");
        FeedbackPdfRenderer renderer = FeedbackPdfRenderer.withDefaults();
        byte[] before = renderer.render(FeedbackReport.of(round(scale, all, 2), subject), CONTEXT);
        byte[] after = renderer.render(FeedbackReport.of(round(scale, swapped, 2), subject), CONTEXT);
        assertArrayEquals(before, after);
        Thread.sleep(1100);
        assertArrayEquals(before, renderer.render(FeedbackReport.of(round(scale, all, 2), subject), CONTEXT), "no clock in the bytes");
    }

    @Test
    void cjkAndCyrillicLabelsAreEmbeddedTextAndMarkupIsShownLiterally() throws Exception {
        RatingScale scale = RatingScale.grade();
        List<DelphiParticipant> all = participants(scale, 3);
        FeedbackReport report = FeedbackReport.of(round(scale, all, 1), all.get(2));
        byte[] pdf = FeedbackPdfRenderer.withDefaults().render(report, CONTEXT);
        String text = text(pdf);
        for (String expected : List.of("疼痛/不适 Pain", "医生 Doctor", "Работа", "生理 Physiological", XSS, "Your feedback from Round 1")) {
            assertTrue(text.contains(expected), () -> expected + " in " + text);
        }
        assertEquals("D:20260301100000Z", new PdfReader(pdf).getInfo().get("CreationDate"));
        String pipe = report.pipeValues().get("sleep");
        assertTrue(pipe.contains("Patient \u2039script\u203aalert(1)\u2039/script\u203a"), pipe);
        assertFalse(pipe.contains("<"), pipe);
    }

    @Test
    void otherScalesUseTheirTopBandAndLongScalesPrintScoreCounts() throws Exception {
        RatingScale five = RatingScale.of(1, 5, 2, 4);
        List<DelphiParticipant> all = participants(five, 5);
        FeedbackReport report = FeedbackReport.of(round(five, all, 1), all.get(0));
        String text = text(FeedbackPdfRenderer.withDefaults().render(report, CONTEXT));
        assertTrue(text.contains("% 4\u20135"), text);
        assertTrue(report.pipeValues().get("pain").contains("% 4\u20135 (median "), report.pipeValues().get("pain"));

        RatingScale hundred = RatingScale.of(0, 100, 33, 67);
        List<DelphiParticipant> wide = participants(hundred, 5);
        FeedbackReport wideReport = FeedbackReport.of(round(hundred, wide, 1), wide.get(0));
        String wideText = text(FeedbackPdfRenderer.withDefaults().render(wideReport, CONTEXT));
        int score = wide.get(0).ratings(1).get("pain");
        assertTrue(wideText.contains(score + "\u00d7"), wideText);
    }

    @Test
    void aCharacterNoFontHasFailsNamingTheRecordAndText() {
        // The shipped fonts draw CJK, Cyrillic and Latin; an Egyptian hieroglyph (U+13000) is in none of them.
        RatingScale scale = RatingScale.grade();
        List<DelphiParticipant> all = participants(scale, 3);
        FeedbackReport report = FeedbackReport.of(round(study(scale, "Delphi \uD80C\uDC00"), all, 1), all.get(0));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FeedbackPdfRenderer.withDefaults().withSystemFonts(List.of(), List.of()).render(report, CONTEXT));
        assertTrue(e.getMessage().contains(all.get(0).id()) && e.getMessage().contains("U+13000"), e.getMessage());
    }
}
