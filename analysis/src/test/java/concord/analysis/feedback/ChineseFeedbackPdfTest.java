package concord.analysis.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import concord.analysis.DelphiParticipant;
import concord.analysis.RatingScale;
import concord.analysis.RoundResult;
import concord.analysis.feedback.internal.FeedbackWords;
import concord.analysis.report.ReportContext;
import concord.analysis.report.internal.PdfInspection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feedback PDF and pipe lines in the report language zh, drawn by the shipped fonts alone. */
class ChineseFeedbackPdfTest {

    private static final ReportContext ZH = FeedbackPdfRendererTest.CONTEXT.withLanguage("zh");
    private static final FeedbackPdfRenderer NO_HOST_FONTS = FeedbackPdfRenderer.withDefaults().withSystemFonts(List.of(), List.of());

    @Test
    void chineseHeadingsOwnScoresAndWithheldGroupAreEmbeddedExtractableText() throws Exception {
        RatingScale scale = RatingScale.grade();
        List<DelphiParticipant> all = FeedbackPdfRendererTest.participants(scale, 11);
        RoundResult round = FeedbackPdfRendererTest.round(scale, all, 2);
        DelphiParticipant subject = all.get(4);
        byte[] pdf = NO_HOST_FONTS.render(FeedbackReport.of(round, subject), ZH);
        // Narrow table cells wrap headings, and the extractor puts a space at each break: compare without spaces.
        String text = FeedbackPdfRendererTest.text(pdf).replace("\n", "");
        String flat = text.replace(" ", "");
        for (String expected : List.of("您在第 2 轮的反馈", "您所在的群体：医生 Doctor", "各利益相关方群体", "为保护隐私", "结局指标",
                "您的评分", "中位数", "7–9 分占比", "至关重要", "该群体仅 3 名参与者，少于 5 名", "第 1 页", "生成时间 2026-03-01T10:00:00Z")) {
            assertTrue(flat.contains(expected.replace(" ", "")), () -> expected + " in " + text);
        }
        for (String english : List.of("Your feedback", "your group", "Outcome", "Median", "not shown", "Page ", "Generated")) {
            assertFalse(text.contains(english), () -> english + " in " + text);
        }
        // The participant's own score of every outcome is in the row of that outcome's label.
        Map<String, Integer> own = subject.ratings(2);
        assertTrue(flat.contains("疼痛/不适Pain" + own.get("pain")), () -> own + " in " + flat);
        assertTrue(flat.contains("Работа" + own.get("work")), () -> own + " in " + flat);
        PdfReader reader = new PdfReader(pdf);
        assertEquals(List.of(), PdfInspection.unembeddedFontNames(reader), "every font is embedded");
        assertFalse(PdfInspection.embeddedFontNames(reader).isEmpty());
    }

    @Test
    void englishIsUnchangedByTheLanguageAndChineseDiffersOnlyInWords() throws Exception {
        RatingScale scale = RatingScale.grade();
        List<DelphiParticipant> all = FeedbackPdfRendererTest.participants(scale, 11);
        FeedbackReport report = FeedbackReport.of(FeedbackPdfRendererTest.round(scale, all, 1), all.get(0));
        assertEquals(report.pipeValues(), report.pipeValues("en"));
        Map<String, String> zh = report.pipeValues("zh");
        String en = report.pipeValues().get("pain");
        String line = zh.get("pain");
        assertTrue(line.startsWith("您的评分：" + all.get(0).ratings(1).get("pain") + " · 医生 Doctor "), line);
        assertTrue(line.contains("不显示（该群体仅 3 名参与者，少于 5 名）"), line);
        assertEquals(en.replaceAll("[^0-9.%]", ""), line.replaceAll("[^0-9.%]", ""), "same numbers in both languages");
        assertTrue(FeedbackPdfRendererTest.text(FeedbackPdfRenderer.withDefaults().render(report, FeedbackPdfRendererTest.CONTEXT))
                .contains("Your feedback from Round 1"));
    }

    @Test
    void withheldReasonsAndRoundLabelsInChinese() {
        FeedbackWords zh = new FeedbackWords("zh");
        assertEquals("仅 2 份回答，少于 5 份", zh.withheld("2 answers, fewer than 5"));
        assertEquals("仅 1 份回答，少于 5 份", zh.withheld("1 answer, fewer than 5"));
        assertEquals("该群体仅 4 名参与者，少于 5 名", zh.withheld("group of 4 participants, fewer than 5"));
        assertEquals("something else", zh.withheld("something else"));
        assertEquals("第 3 轮", zh.round(concord.analysis.Round.numbered(3)));
        assertEquals("第二轮问卷", zh.round(new concord.analysis.Round(2, "r2", "第二轮问卷")));
        assertEquals("2 answers, fewer than 5", FeedbackWords.english().withheld("2 answers, fewer than 5"));
    }
}
