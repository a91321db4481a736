package concord.analysis.report.internal;

import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.awt.Color;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The fonts of one PDF: every font is embedded (Identity-H, subset), tried in order per character
 * (see {@link FontResolver}). Font files are read once per JVM and cached as bytes ({@link FontSource}); {@link BaseFont} objects are created per document because OpenPDF
 * keeps per-font state (the subset prefix) that must not leak between documents.
 */
public final class PdfFonts {

    private final List<BaseFont> fonts;
    private final List<FontSource> files;

    private PdfFonts(List<BaseFont> fonts, List<FontSource> files) {
        this.fonts = fonts;
        this.files = files;
    }

    /**
     * Loads the given fonts (TrueType {@code .ttf}, collections {@code .ttc}: the first face).
     * {@code seed} makes the six-letter subset prefixes reproducible (OpenPDF draws them from a
     * SecureRandom), so the same report gives the same bytes.
     */
    public static PdfFonts load(List<FontSource> fontFiles, long seed) {
        if (fontFiles.isEmpty()) {
            throw new IllegalArgumentException("no font files given");
        }
        List<BaseFont> fonts = new ArrayList<>();
        for (int i = 0; i < fontFiles.size(); i++) {
            FontSource file = fontFiles.get(i);
            byte[] bytes = file.bytes();
            // OpenPDF tells the font type from the name's extension; ",0" picks a collection's first face.
            String name = file.collection() ? file.fileName() + ",0" : file.fileName();
            try {
                BaseFont font = BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
                font.setSecureRandom(new SeededRandom(seed + i));
                fonts.add(font);
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException("PDF report: cannot use font file " + file + " (" + e.getMessage()
                        + "); configure a TrueType (.ttf) or TrueType collection (.ttc) font with CJK glyphs,"
                        + " e.g. /usr/share/fonts/truetype/wqy/wqy-microhei.ttc from Debian fonts-wqy-microhei, or remove the"
                        + " setting to use the fonts shipped with Concord", e);
            }
        }
        return new PdfFonts(List.copyOf(fonts), List.copyOf(fontFiles));
    }

    /** The first code point of {@code text} that no font can draw, or -1 when all can be drawn. */
    public int firstMissingCodePoint(String text) {
        return text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
                .filter(cp -> fonts.stream().noneMatch(f -> f.charExists(cp)))
                .findFirst().orElse(-1);
    }

    /** A phrase whose characters each use the first font that has a glyph for them. */
    public Phrase phrase(String text, float size, boolean bold, Color color) {
        FontSelector selector = new FontSelector();
        for (BaseFont base : fonts) {
            Font font = new Font(base, size, bold ? Font.BOLD : Font.NORMAL, color);
            selector.addFont(font);
        }
        return selector.process(text == null ? "" : text);
    }

    /** The font for chart labels drawn directly on the canvas: the first (CJK) font. */
    public BaseFont primary() {
        return fonts.get(0);
    }

    /** Chooses, per code point, the first font with a glyph; for direct canvas drawing. */
    public BaseFont fontFor(int codePoint) {
        for (BaseFont font : fonts) {
            if (font.charExists(codePoint)) {
                return font;
            }
        }
        return fonts.get(0);
    }

    public List<FontSource> files() {
        return files;
    }

    /** Deterministic stand-in for the SecureRandom OpenPDF uses only to name font subsets. */
    private static final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private long state;

        SeededRandom(long seed) {
            super(new byte[0]);
            this.state = seed;
        }

        @Override
        public double nextDouble() {
            // SplitMix64: good spread, trivially reproducible.
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
        }
    }
}
