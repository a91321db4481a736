package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PdfFontsTest {

    static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");

    @Test
    void chineseAndCyrillicTextIsExtractableAndTheFontsAreEmbedded() throws Exception {
        assumeTrue(Files.exists(WQY), "fonts-wqy-microhei is not installed (.ci/setup-machine installs it)");
        byte[] pdf = render("腰痛 疼痛/不适 — Боль в спине", 7);
        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertTrue(text.contains("腰痛 疼痛/不适"), text);
        assertTrue(text.contains("Боль в спине"), text);
        assertTrue(PdfInspection.embeddedFontNames(reader).stream().anyMatch(n -> n.contains("WenQuanYi")),
                () -> "embedded: " + PdfInspection.embeddedFontNames(reader));
        assertTrue(PdfInspection.unembeddedFontNames(reader).isEmpty(), () -> "not embedded: " + PdfInspection.unembeddedFontNames(reader));
    }

    @Test
    void sameInputGivesTheSameBytes() throws Exception {
        byte[] first = render("Pain 疼痛", 3);
        Thread.sleep(1100);
        assertArrayEquals(first, render("Pain 疼痛", 3));
    }

    @Test
    void reportsTheFirstCharacterNoFontCanDraw() {
        PdfFonts fonts = PdfFonts.load(FontResolver.resolve(Optional.empty(), FontResolver.WELL_KNOWN_CJK, FontResolver.WELL_KNOWN_LATIN), 1);
        assertEquals(-1, fonts.firstMissingCodePoint("Pain 疼痛 Боль"));
        assertEquals(0x1D11E, fonts.firstMissingCodePoint("ok \uD834\uDD1E"));
    }

    @Test
    void aMissingConfiguredFontFileIsAClearError(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FontResolver.resolve(Optional.of(dir.resolve("nope.ttf")), FontResolver.WELL_KNOWN_CJK, FontResolver.WELL_KNOWN_LATIN));
        assertTrue(e.getMessage().contains("nope.ttf") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void noFontAnywhereIsAClearError(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FontResolver.resolve(Optional.empty(), List.of(dir.resolve("a.ttc")), List.of(dir.resolve("b.ttf"))));
        assertTrue(e.getMessage().contains("fonts-wqy-microhei"), e.getMessage());
    }

    private static byte[] render(String text, long seed) throws Exception {
        PdfFonts fonts = PdfFonts.load(FontResolver.resolve(Optional.empty(), FontResolver.WELL_KNOWN_CJK, FontResolver.WELL_KNOWN_LATIN), seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        PdfMetadata.apply(document, writer, Instant.parse("2026-01-02T03:04:05Z"), "t", "id");
        document.open();
        document.add(new Paragraph(fonts.phrase(text, 12, false, Color.BLACK)));
        document.close();
        return out.toByteArray();
    }
}
