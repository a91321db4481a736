package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
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

    @Test
    void chineseAndCyrillicTextIsExtractableAndTheFontsAreEmbedded() throws Exception {
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
        try (PdfFonts fonts = PdfFonts.load(systemFonts(), 1)) {
            assertEquals(-1, fonts.firstMissingCodePoint("Pain 疼痛 Боль"));
            assertEquals(0x1D11E, fonts.firstMissingCodePoint("ok \uD834\uDD1E"));
        }
    }

    @Test
    void parsedFontsAreLentToOneDocumentAtATimeAndReused() throws Exception {
        BaseFont lent;
        try (PdfFonts a = PdfFonts.load(systemFonts(), 1)) {
            lent = a.primary();
            try (PdfFonts b = PdfFonts.load(systemFonts(), 1)) {
                assertNotSame(a.primary(), b.primary(), "two open documents share a parsed font");
            }
        }
        try (PdfFonts again = PdfFonts.load(systemFonts(), 2)) {
            assertSame(lent, again.primary(), "a returned font is parsed again instead of reused");
        }
        // Reuse must not change a document: the same bytes before and after another document used the fonts.
        byte[] before = render("Pain 疼痛 Боль", 5);
        render("other text 腰痛, other seed", 6);
        assertArrayEquals(before, render("Pain 疼痛 Боль", 5));
    }

    @Test
    void phrasesAreWhatOpenPdfsFontSelectorMakes() {
        // Line breaks, symbols the fonts may lack (then FontSelector's fallback font or nothing), a character no
        // font has (U+1D11E), lone surrogates, CJK and Latin mixed, the empty text.
        List<String> texts = List.of("", "\n", "Pain 疼痛/不适 — Боль\r\nnext", "ok \uD834\uDD1E end", "lone \uD834 x",
                "\uDD1E", "ﬁ ₹ ∑ ≤ ≥ ± · … ‰ \u00A0 \u2009", "a\n疼\nb", "ǅ ǆ Ω ω ℃");
        try (PdfFonts fonts = PdfFonts.load(systemFonts(), 1)) {
            for (String text : texts) {
                for (boolean bold : new boolean[] {false, true}) {
                    FontSelector selector = new FontSelector();
                    for (BaseFont base : fonts.baseFonts()) {
                        selector.addFont(new Font(base, 9, bold ? Font.BOLD : Font.NORMAL, Color.DARK_GRAY));
                    }
                    assertEquals(describe(selector.process(text)), describe(fonts.phrase(text, 9, bold, Color.DARK_GRAY)), text);
                }
            }
        }
    }

    private static String describe(Phrase phrase) {
        StringBuilder out = new StringBuilder();
        for (Object element : phrase) {
            Chunk chunk = (Chunk) element;
            Font font = chunk.getFont();
            out.append('[').append(chunk.getContent()).append("|")
                    .append(font.getBaseFont() == null ? "none" : font.getBaseFont().getPostscriptFontName())
                    .append('|').append(font.getSize()).append('|').append(font.getStyle()).append('|').append(font.getColor())
                    .append("]");
        }
        return out.toString();
    }

    private static List<FontSource> systemFonts() {
        return FontResolver.resolve(Optional.empty(), List.of());
    }

    @Test
    void aMissingConfiguredFontFileIsAClearError(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FontResolver.resolve(Optional.of(dir.resolve("nope.ttf")), List.of()));
        assertTrue(e.getMessage().contains("nope.ttf") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void withoutHostFontsTheShippedFontsAreUsed(@TempDir Path dir) {
        List<FontSource> fonts = FontResolver.resolve(Optional.empty(), List.of(dir.resolve("a.ttc"), dir.resolve("b.ttf")));
        assertEquals(List.of(FontSource.shipped("wqy-microhei.ttc"), FontSource.shipped("DejaVuSans.ttf")), fonts);
    }

    @Test
    void theSearchPathPropertyListsFilesAndDirectories(@TempDir Path dir) throws Exception {
        Path font = Files.write(dir.resolve("Extra.ttf"), new byte[] {0});
        Files.write(dir.resolve("notes.txt"), new byte[] {0});
        String before = System.getProperty(FontResolver.SEARCH_PATH_PROPERTY);
        try {
            System.setProperty(FontResolver.SEARCH_PATH_PROPERTY, dir + java.io.File.pathSeparator + "/nonexistent/x.ttf");
            assertEquals(List.of(font, Path.of("/nonexistent/x.ttf")), FontResolver.hostFonts());
            assertEquals(FontSource.file(font), FontResolver.resolve(Optional.empty(), FontResolver.hostFonts()).get(2),
                    "host fonts come after the shipped ones; missing files are left out");
            System.setProperty(FontResolver.SEARCH_PATH_PROPERTY, "");
            assertEquals(List.of(), FontResolver.hostFonts());
        } finally {
            if (before == null) {
                System.clearProperty(FontResolver.SEARCH_PATH_PROPERTY);
            } else {
                System.setProperty(FontResolver.SEARCH_PATH_PROPERTY, before);
            }
        }
    }

    private static byte[] render(String text, long seed) throws Exception {
        try (PdfFonts fonts = PdfFonts.load(systemFonts(), seed)) {
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
}
