package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.StudyResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

class TopicGuideRendererTest {

    private static final ReportContext CONTEXT = ReportContext.generatedAt(Instant.parse("2026-03-01T10:15:30Z"))
            .withProvenance("REDCap project", "CLBPOQ <pid 42>");

    @Test
    void htmlIsEscapedSelfContainedAndHasTheQuestions() {
        StudyResult result = StudyResults.fromEngine();
        TopicGuide guide = TopicGuide.of(result);
        String html = new String(TopicGuideRenderer.html().render(guide, CONTEXT), StandardCharsets.UTF_8);
        assertFalse(html.contains("<script>"), "labels are escaped");
        assertFalse(html.contains("<b>outcomes</b>"));
        assertFalse(html.contains("<functioning>"));
        assertTrue(html.contains("<h1>Focus-group topic guide: CLBP &lt;b&gt;outcomes&lt;/b&gt; 腰痛</h1>"), html);
        assertTrue(html.contains("<h3>Social &lt;functioning&gt;</h3>"), "a hostile domain is escaped");
        assertTrue(html.contains("CLBPOQ &lt;pid 42&gt;"));
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
        assertFalse(html.contains("src=") || html.contains("href="), "no external references");
        for (TopicGuide.Question q : guide.differenceQuestions()) {
            assertTrue(html.contains("<em>" + concord.analysis.report.internal.Html.escape(q.outcome().label()) + "</em>"),
                    q.outcome().label());
        }
        for (TopicGuide.Section section : guide.sections()) {
            assertTrue(html.contains("<h3>" + concord.analysis.report.internal.Html.escape(section.heading()) + "</h3>"));
        }
        assertArrayEquals(TopicGuideRenderer.html().render(guide, CONTEXT), TopicGuideRenderer.html().render(TopicGuide.of(result), CONTEXT));
    }

    @Test
    void htmlInChinese() {
        TopicGuide guide = TopicGuide.of(TopicGuideTest.CLBP, TopicGuideTemplate.chinese());
        String html = new String(TopicGuideRenderer.html().render(guide, ReportContext.undated()), StandardCharsets.UTF_8);
        assertTrue(html.contains("<html lang=\"zh\">"));
        assertTrue(html.contains("您如何看待这一差异？"));
        assertTrue(html.contains("<th scope=\"col\">问题</th>"));
    }

    @Test
    void docxHasOneWordTablePerDomainWithTheQuestionsAndFigures() {
        StudyResult result = StudyResults.fromEngine();
        TopicGuide guide = TopicGuide.of(result);
        byte[] docx = TopicGuideRenderer.docx().render(guide, CONTEXT);
        try (XWPFDocument doc = DocxInspection.open(docx)) {
            List<XWPFTable> tables = doc.getTables();
            assertEquals(guide.sections().size(), tables.size());
            int number = 0;
            for (int t = 0; t < tables.size(); t++) {
                XWPFTable table = tables.get(t);
                assertEquals(1, DocxInspection.headerRows(table));
                assertEquals(List.of("No.", "Question", "Figures"), DocxInspection.cells(table.getRow(0)));
                assertEquals("ConcordTable", table.getStyleID());
                List<TopicGuide.Question> questions = guide.sections().get(t).questions();
                assertEquals(questions.size() + 1, table.getRows().size());
                for (int r = 0; r < questions.size(); r++) {
                    XWPFTableRow row = table.getRow(r + 1);
                    TopicGuide.Question q = questions.get(r);
                    assertEquals(List.of(Integer.toString(++number), q.text().text(), String.join(" | ", q.figures())),
                            DocxInspection.cells(row));
                    XWPFParagraph text = row.getCell(1).getParagraphs().get(0);
                    assertTrue(text.getRuns().stream().anyMatch(run -> run.isItalic() && run.text().equals(q.outcome().label())),
                            "the outcome is italic: " + q.outcome().label());
                }
            }
            List<String> headings = doc.getParagraphs().stream().filter(p -> "Heading2".equals(p.getStyle()))
                    .map(DocxInspection::runText).toList();
            assertEquals(guide.sections().stream().map(TopicGuide.Section::heading).toList(), headings);
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> DocxInspection.runText(p).equals("REDCap project: CLBPOQ <pid 42>")),
                    "markup stays literal text");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String xml = DocxInspection.part(docx, "word/document.xml");
        assertTrue(xml.contains("w:eastAsia=\"") && xml.contains("w:hint=\"eastAsia\""), "CJK text names the East-Asian font");
        assertArrayEquals(docx, TopicGuideRenderer.docx().render(TopicGuide.of(result), CONTEXT), "same guide, same bytes");
    }

    @Test
    void docxOpeningQuestionsAndChinese() throws java.io.IOException {
        TopicGuide guide = TopicGuide.of(TopicGuideTest.CLBP, TopicGuideTemplate.chinese());
        byte[] docx = TopicGuideRenderer.docx().render(guide, ReportContext.undated());
        try (XWPFDocument doc = DocxInspection.open(docx)) {
            List<String> texts = doc.getParagraphs().stream().map(DocxInspection::runText).toList();
            assertTrue(texts.contains(guide.labels().openingHeading()));
            assertTrue(texts.contains("1. " + guide.opening().get(0).text().text()), texts.toString());
            XWPFRun run = doc.getTables().get(0).getRow(0).getCell(1).getParagraphs().get(0).getRuns().get(0);
            assertEquals("问题", run.text());
            assertEquals("eastAsia", run.getCTR().getRPr().getRFontsArray(0).getHint().toString());
        }
    }
}
