package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fonts shipped with Concord draw every script a report must render, in the PDF and in the DOCX figures. */
class FontsCoverageTest {

    /** A sample of each required script (common and rarer characters, and the signs Concord prints itself). */
    static final Map<String, String> SCRIPTS = new LinkedHashMap<>();

    static {
        SCRIPTS.put("Simplified Chinese", "腰痛疼痛不适睡眠质量满意度医生患者护士药物镇痛");
        SCRIPTS.put("Traditional Chinese", "醫師護理學體質關節骨頭經濟負擔台灣龜");
        SCRIPTS.put("Japanese kana", "ひらがなカタカナ　ゃゅょッー");
        SCRIPTS.put("Korean Hangul", "한국어환자의사통증삶의질");
        SCRIPTS.put("Cyrillic", "Боль в спине ЁёЖжЯяЩщ");
        SCRIPTS.put("Latin", "Pain/discomfort ÀÉÎÕÜßçñø");
        SCRIPTS.put("report signs", "χ² δ ≤ ≥ − – — … × ± ¹²³⁴⁵⁶⁷⁸⁹⁰ “” ‘’ •");
    }

    private static final List<FontSource> SHIPPED = FontResolver.resolve(Optional.empty(), List.of());

    @Test
    void onlyTheShippedFontsAreUsed() {
        assertTrue(SHIPPED.stream().allMatch(FontSource::isShipped), SHIPPED::toString);
    }

    @Test
    void everyRequiredScriptHasGlyphsInThePdfFonts() {
        PdfFonts fonts = PdfFonts.load(SHIPPED, 1);
        SCRIPTS.forEach((script, sample) -> assertEquals(-1, fonts.firstMissingCodePoint(sample),
                () -> script + ": no shipped font has U+" + Integer.toHexString(fonts.firstMissingCodePoint(sample))));
    }

    @Test
    void everyRequiredScriptHasGlyphsInTheChartFonts() {
        ChartFonts fonts = ChartFonts.load(SHIPPED);
        SCRIPTS.forEach((script, sample) -> assertEquals(-1, fonts.firstMissingCodePoint(sample),
                () -> script + ": no shipped font has U+" + Integer.toHexString(fonts.firstMissingCodePoint(sample))));
    }

    @Test
    void everyRequiredScriptRendersAsExtractableText() throws Exception {
        PdfFonts fonts = PdfFonts.load(SHIPPED, 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        PdfMetadata.apply(document, writer, Instant.parse("2026-01-02T03:04:05Z"), "scripts", "id");
        document.open();
        for (String sample : SCRIPTS.values()) {
            document.add(new Paragraph(fonts.phrase(sample, 12, false, Color.BLACK)));
        }
        document.close();
        PdfReader reader = new PdfReader(out.toByteArray());
        String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
        SCRIPTS.forEach((script, sample) -> assertTrue(text.contains(sample.replaceAll("\\s+", "")),
                () -> script + " not extracted: " + text));
        assertEquals(List.of(), PdfInspection.unembeddedFontNames(reader));
    }
}
