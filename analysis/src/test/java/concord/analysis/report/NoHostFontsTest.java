package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import concord.analysis.StudyResult;
import concord.analysis.report.internal.FontResolver;
import concord.analysis.report.internal.PdfInspection;
import java.time.Instant;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/**
 * The hold-all CJK study on a machine without fonts: the analysis module's tests run with
 * {@code -Dconcord.fonts.search-path=} (pom.xml), so only the fonts shipped inside Concord exist.
 */
class NoHostFontsTest {

    private static final ReportContext CONTEXT = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void theTestsRunWithTheFontSearchPathEmptied() {
        assertEquals("", System.getProperty(FontResolver.SEARCH_PATH_PROPERTY), "set in analysis/pom.xml");
        assertEquals(List.of(), FontResolver.hostFonts());
        assertEquals(List.of("wqy-microhei.ttc (shipped with Concord)", "DejaVuSans.ttf (shipped with Concord)"),
                PdfReportRenderer.withDefaults().fonts());
    }

    @Test
    void everyScriptOfTheHoldAllStudyIsExtractableTextInEmbeddedFonts() throws Exception {
        StudyResult result = StudyResults.holdAllCjk();
        PdfReader reader = new PdfReader(PdfReportRenderer.withDefaults().render(result, CONTEXT));
        String text = PdfReportRendererTest.allText(reader);
        for (String label : StudyResults.HOLD_ALL_CJK) {
            assertTrue(text.contains(label), () -> "'" + label + "' not extracted from the PDF:\n" + text);
        }
        assertTrue(text.contains("性别 / 성별"), "characteristic label");
        List<String> embedded = PdfInspection.embeddedFontNames(reader);
        assertTrue(embedded.stream().anyMatch(n -> n.contains("WenQuanYi")), () -> "embedded: " + embedded);
        assertEquals(List.of(), PdfInspection.unembeddedFontNames(reader), "every font is embedded");
    }

    @Test
    void theDocxFiguresAndTextCarryEveryScript() {
        StudyResult result = StudyResults.holdAllCjk();
        XWPFDocument doc = DocxInspection.open(DocxReportRenderer.withDefaults().render(result, CONTEXT));
        String text = DocxReportRendererTest.allText(doc);
        for (String label : StudyResults.HOLD_ALL_CJK) {
            assertTrue(text.contains(label), () -> "'" + label + "' missing from the DOCX text");
        }
        assertTrue(doc.getAllPictures().size() >= 2, "figures drawn with the shipped fonts");
    }
}
