package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import concord.analysis.StudyResult;
import concord.analysis.report.internal.PdfInspection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfReportRendererTest {

    static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    static final Path DEJAVU = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final ReportContext CONTEXT = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"))
            .withProvenance("Records read", "56");

    @Test
    void chineseAndCyrillicLabelsAreExtractableTextInAnEmbeddedFont() throws Exception {
        PdfReader reader = new PdfReader(PdfReportRenderer.withDefaults().render(StudyResults.fromEngine(), CONTEXT));
        String text = allText(reader);
        assertTrue(text.contains(StudyResults.CHINESE), "Chinese label");
        assertTrue(text.contains(StudyResults.CYRILLIC), "Cyrillic label");
        assertTrue(text.contains("Patient 患者"), "Chinese group label");
        assertTrue(PdfInspection.embeddedFontNames(reader).stream().anyMatch(n -> n.contains("WenQuanYi")),
                () -> "embedded: " + PdfInspection.embeddedFontNames(reader));
        assertEquals(List.of(), PdfInspection.unembeddedFontNames(reader), "every font is embedded");
        assertEquals(0, standard14Fonts(reader), "no unembedded standard-14 font");
    }

    @Test
    void table1NumbersArePrintedAsInThePaper() throws Exception {
        String text = allText(new PdfReader(PdfReportRenderer.withDefaults().render(StudyResults.handBuilt(), CONTEXT)));
        assertTrue(text.contains("88.5"), text);
        assertTrue(text.contains("7.9 (1.1)"));
        assertTrue(text.contains("8 (7.75, 9)"));
        assertTrue(text.contains("0.517") && text.contains("0.764") && text.contains("<0.001"));
        assertTrue(text.contains("needs at least 2 valid answers, has 1"), "reason of a missing SD");
        assertTrue(text.contains(StudyResults.XSS), "labels are shown literally");
    }

    @Test
    void landscapeA4WithMetadataFromTheContext() throws Exception {
        PdfReader reader = new PdfReader(PdfReportRenderer.withDefaults().render(StudyResults.fromEngine(), CONTEXT));
        var size = reader.getPageSizeWithRotation(1);
        assertTrue(size.getWidth() > size.getHeight(), "landscape");
        assertEquals("D:20260301100000Z", reader.getInfo().get("CreationDate"));
        assertEquals("CLBP <b>outcomes</b> 腰痛", reader.getInfo().get("Title"));
    }

    @Test
    void sameResultGivesTheSameBytes() throws Exception {
        PdfReportRenderer renderer = PdfReportRenderer.withDefaults();
        byte[] first = renderer.render(StudyResults.fromEngine(), CONTEXT);
        Thread.sleep(1100);
        assertArrayEquals(first, renderer.render(StudyResults.fromEngine(), CONTEXT));
    }

    @Test
    void aCharacterNoFontHasFailsWithTheFix() {
        StudyResult hieroglyph = StudyResults.withFirstLabel(StudyResults.fromEngine(), "Pain \uD80C\uDC00");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PdfReportRenderer.withDefaults().render(hieroglyph, CONTEXT));
        assertTrue(e.getMessage().contains("U+13000") && e.getMessage().contains("withFontFile")
                && e.getMessage().contains("wqy-microhei.ttc (shipped with Concord)"), e.getMessage());
    }

    @Test
    void theShippedFontsComeFirstAndAHostCopyOfThemIsNotLoadedAgain() {
        assumeTrue(Files.exists(WQY) && Files.exists(DEJAVU), "the host copies of the shipped fonts are not installed");
        PdfReportRenderer renderer = PdfReportRenderer.withDefaults().withSystemFonts(List.of(WQY), List.of(DEJAVU));
        assertEquals(List.of("wqy-microhei.ttc (shipped with Concord)", "DejaVuSans.ttf (shipped with Concord)"), renderer.fonts());
    }

    @Test
    void aConfiguredFontFileMustExist(@TempDir Path dir) {
        PdfReportRenderer renderer = PdfReportRenderer.withDefaults().withFontFile(dir.resolve("missing.ttf"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> renderer.render(StudyResults.handBuilt(), CONTEXT));
        assertTrue(e.getMessage().contains("missing.ttf"), e.getMessage());
    }

    @Test
    void aConfiguredFontFileIsEmbedded() throws Exception {
        assumeTrue(Files.exists(DEJAVU), "fonts-dejavu-core is not installed");
        PdfReportRenderer renderer = PdfReportRenderer.withDefaults().withFontFile(DEJAVU);
        assertEquals(DEJAVU.toString(), renderer.fonts().get(0), "a configured host font is preferred");
        PdfReader reader = new PdfReader(renderer.render(StudyResults.fromEngine(), CONTEXT));
        assertTrue(PdfInspection.embeddedFontNames(reader).stream().anyMatch(n -> n.contains("DejaVu")));
        assertTrue(PdfInspection.embeddedFontNames(reader).stream().anyMatch(n -> n.contains("WenQuanYi")),
                "the shipped font still draws what the configured one lacks");
    }

    static String allText(PdfReader reader) throws Exception {
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    private static long standard14Fonts(PdfReader reader) {
        long count = 0;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            var object = reader.getPdfObjectRelease(i);
            if (object != null && object.isDictionary()) {
                var dict = (com.lowagie.text.pdf.PdfDictionary) object;
                if (com.lowagie.text.pdf.PdfName.FONT.equals(dict.get(com.lowagie.text.pdf.PdfName.TYPE))
                        && com.lowagie.text.pdf.PdfName.TYPE1.equals(dict.get(com.lowagie.text.pdf.PdfName.SUBTYPE))) {
                    count++;
                }
            }
        }
        return count;
    }
}
