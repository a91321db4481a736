package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.analysis.Outcome;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.analysis.report.internal.DocxFonts;
import concord.analysis.report.internal.Numbers;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPictureData;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

class DocxReportRendererTest {

    private static final ReportContext CONTEXT = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"))
            .withProvenance("Records read", "56");

    @Test
    void table1HoldsTheNumbersOfTheJson() throws Exception {
        StudyResult result = StudyResults.clbp();
        JsonNode json = new ObjectMapper().readTree(StudyResultJson.write(result));
        XWPFTable table = DocxInspection.tableWithHeader(DocxInspection.open(render(result)), "Exact p");
        assertEquals(2, DocxInspection.headerRows(table), "two header rows, repeated on every page");
        List<XWPFTableRow> body = table.getRows().subList(2, table.getRows().size());
        assertEquals(json.get("outcomes").size() * json.get("groups").size(), body.size());
        int checked = 0;
        for (int o = 0; o < json.get("outcomes").size(); o++) {
            JsonNode outcome = json.get("outcomes").get(o);
            JsonNode comparison = outcome.get("comparison");
            for (int g = 0; g < json.get("groups").size(); g++) {
                String group = json.get("groups").get(g).get("label").asText();
                JsonNode stats = outcome.get("groups").get(group);
                List<String> cells = DocxInspection.cells(body.get(2 * o + g));
                if (g == 0) {
                    assertTrue(cells.get(0).startsWith(outcome.get("label").asText()), cells.get(0));
                    assertEquals(p(comparison.get("chiSquare").get("p")), cells.get(9), outcome.get("label") + " χ² p");
                    assertEquals(p(comparison.get("fisherExactP")), cells.get(10), "exact p");
                    assertEquals(p(comparison.get("mannWhitney").get("p")), cells.get(11), "Mann–Whitney p");
                    assertEquals(p(comparison.get("qValues").get("chiSquare")), cells.get(12), "q χ²");
                    assertEquals(p(comparison.get("qValues").get("rankTest")), cells.get(13), "q rank");
                    assertEquals(comparison.get("differs").asBoolean() ? "Yes" : "No", cells.get(14).split(" \\| ")[0]);
                }
                assertEquals(group, cells.get(1));
                assertEquals(stats.get("n").asText(), cells.get(2));
                assertEquals(Numbers.percent(stats.get("pctTop").asDouble()), cells.get(3), outcome.get("label") + " " + group);
                assertEquals(Numbers.percent(stats.get("pctMiddle").asDouble()), cells.get(4));
                assertEquals(Numbers.percent(stats.get("pctBottom").asDouble()), cells.get(5));
                assertEquals(Numbers.meanSd(stats.get("mean").asDouble(), stats.get("sd").asDouble()), cells.get(6));
                assertEquals(Numbers.medianQuartiles(stats.get("median").asDouble(), stats.get("q1").asDouble(),
                        stats.get("q3").asDouble()), cells.get(7));
                checked++;
            }
        }
        assertEquals(114, checked, "57 outcomes × 2 groups");
    }

    @Test
    void notComputableValuesAreNumberedAndExplainedAndTestsAreWordFootnotes() {
        byte[] docx = render(StudyResults.handBuilt());
        XWPFDocument doc = DocxInspection.open(docx);
        String text = allText(doc);
        assertTrue(text.contains("needs at least 2 valid answers, has 1"), "reason of a missing SD");
        assertTrue(text.contains("\u2014[1]") || text.contains("\u2014 [1]") || text.contains("[1] \u2014"), text);
        String footnotes = DocxInspection.part(docx, "word/footnotes.xml");
        for (String test : List.of("Pearson chi-square", "Fisher\u2013Freeman\u2013Halton", "Mann\u2013Whitney U test",
                "Benjamini\u2013Hochberg", "critical importance when")) {
            assertTrue(footnotes.contains(test), test + " in the footnotes");
        }
        String body = DocxInspection.part(docx, "word/document.xml");
        assertTrue(count(body, "<w:footnoteReference ") >= 6, "header cells reference the footnotes");
    }

    @Test
    void everyTableUsesTheTableStyleWithRepeatedHeaderRowsAndRightAlignedNumbers() {
        byte[] docx = render(StudyResults.fromEngine());
        XWPFDocument doc = DocxInspection.open(docx);
        assertTrue(doc.getTables().size() >= 5, "differing, consensus, domains, Table 1, characteristics");
        for (XWPFTable table : doc.getTables()) {
            assertEquals("ConcordTable", table.getStyleID());
            assertTrue(DocxInspection.headerRows(table) >= 1, "a repeated header row");
            assertTrue(table.getRows().stream().allMatch(XWPFTableRow::isCantSplitRow), "rows never split across pages");
        }
        String styles = DocxInspection.part(docx, "word/styles.xml");
        assertTrue(styles.contains("w:styleId=\"ConcordTable\"") && styles.contains("w:tblStylePr w:type=\"firstRow\""), styles);
        XWPFTable table1 = DocxInspection.tableWithHeader(doc, "Exact p");
        var nCell = table1.getRow(2).getCell(2).getParagraphs().get(0);
        assertEquals(org.apache.poi.xwpf.usermodel.ParagraphAlignment.RIGHT, nCell.getAlignment());
    }

    @Test
    void chineseCyrillicAndMarkupAreLiteralTextWithAnEastAsianFontOnEveryRun() {
        byte[] docx = render(StudyResults.fromEngine());
        String text = allText(DocxInspection.open(docx));
        for (String label : List.of(StudyResults.CHINESE, StudyResults.CYRILLIC, StudyResults.XSS, StudyResults.FORMULA, "Patient 患者")) {
            assertTrue(text.contains(label), label);
        }
        String body = DocxInspection.part(docx, "word/document.xml");
        assertFalse(body.contains("<script>"), "markup in labels is escaped text");
        List<String> textRuns = Pattern.compile("<w:r>.*?</w:r>|<w:r .*?</w:r>").matcher(body).results().map(m -> m.group())
                .filter(r -> r.contains("<w:t>") || r.contains("<w:t ")).toList();
        List<String> without = textRuns.stream().filter(r -> !r.contains("w:eastAsia=\"" + DocxFonts.EAST_ASIA + "\"")).toList();
        assertTrue(textRuns.size() > 100 && without.isEmpty(), textRuns.size() + " runs with text; without the East-Asian font: " + without);
        assertTrue(body.contains("w:hint=\"eastAsia\""), "runs with Chinese text hint the East-Asian font");
        assertTrue(DocxInspection.part(docx, "word/styles.xml").contains("w:eastAsia=\"" + DocxFonts.EAST_ASIA + "\""));
    }

    @Test
    void figuresArePngImagesWithAlternativeText() throws Exception {
        byte[] docx = render(StudyResults.clbp());
        XWPFDocument doc = DocxInspection.open(docx);
        List<XWPFPictureData> pictures = doc.getAllPictures();
        assertTrue(pictures.size() >= 4, "Figure 2 in page-sized parts, consensus matrix, domain summary: " + pictures.size());
        for (XWPFPictureData picture : pictures) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(picture.getData()));
            assertEquals("png", picture.suggestFileExtension());
            assertTrue(image.getWidth() >= 1800, "sharp when printed: " + image.getWidth() + " px wide");
        }
        String body = DocxInspection.part(docx, "word/document.xml");
        assertTrue(body.contains("descr=\"20 outcomes.") || body.contains("descr=\""), "alternative text");
        assertTrue(allText(doc).contains("Figure 2. Outcomes that differ between groups (1\u2013"), "Figure 2 is split over pages");
    }

    @Test
    void sameResultAndContextGiveTheSameBytes() throws Exception {
        byte[] first = render(StudyResults.fromEngine());
        Thread.sleep(1100);
        assertArrayEquals(first, render(StudyResults.fromEngine()));
        String core = DocxInspection.part(first, "docProps/core.xml");
        assertTrue(core.contains("2026-03-01T10:00:00Z"), core);
        assertTrue(core.contains("<dc:title>CLBP &lt;b&gt;outcomes&lt;/b&gt; 腰痛</dc:title>"), core);
    }

    @Test
    void aCharacterNoFontHasFailsTheRenderingWithTheLabelAndTheFix() {
        StudyResult result = StudyResults.fromEngine();
        List<OutcomeResult> outcomes = new ArrayList<>(result.outcomes());
        OutcomeResult first = outcomes.get(0);
        outcomes.set(0, new OutcomeResult(new Outcome(first.outcome().field(), "Pain \uD80C\uDC00", ""), first.groups(), first.comparison()));
        StudyResult hieroglyph = new StudyResult(result.title(), result.groups(), outcomes, result.participantCharacteristics(),
                result.scale(), result.consensusRule(), result.options(), result.methods());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> render(hieroglyph));
        assertTrue(e.getMessage().contains("U+13000") && e.getMessage().contains("Pain") && e.getMessage().contains("withFontFile"),
                e.getMessage());
    }

    @Test
    void withoutHostFontsTheFiguresUseTheShippedFonts() {
        DocxReportRenderer renderer = DocxReportRenderer.withDefaults()
                .withSystemFonts(List.of(Path.of("/nonexistent/cjk.ttc")), List.of());
        assertEquals(List.of("wqy-microhei.ttc (shipped with Concord)", "DejaVuSans.ttf (shipped with Concord)"), renderer.fonts());
        assertTrue(DocxInspection.open(renderer.render(StudyResults.fromEngine(), CONTEXT)).getAllPictures().size() > 0);
    }

    @Test
    void aMissingConfiguredFontIsAnErrorNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DocxReportRenderer.withDefaults()
                .withFontFile(Path.of("/nonexistent/cjk.ttc")).render(StudyResults.handBuilt(), CONTEXT));
        assertTrue(e.getMessage().startsWith("DOCX report:") && e.getMessage().contains("/nonexistent/cjk.ttc"), e.getMessage());
    }

    static byte[] render(StudyResult result) {
        return DocxReportRenderer.withDefaults().render(result, CONTEXT);
    }

    static String allText(XWPFDocument doc) {
        try (var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(doc)) {
            return extractor.getText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String p(JsonNode value) {
        return value == null || value.isNull() ? Numbers.NOT_COMPUTABLE : Numbers.p(value.asDouble());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
