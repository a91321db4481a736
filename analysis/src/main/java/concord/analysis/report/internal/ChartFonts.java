package concord.analysis.report.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts charts are drawn with as raster images (the DOCX report's PNG figures): the same files
 * the PDF embeds ({@link FontResolver}), loaded into Java2D once per JVM and tried in order per
 * character, so a Chinese label and a Latin number mix in one line and no label depends on the
 * JVM's logical fonts (which differ between machines).
 */
public final class ChartFonts {

    private static final Map<FontSource, Font> CACHE = new ConcurrentHashMap<>();

    private final List<Font> fonts;
    private final List<FontSource> files;

    private ChartFonts(List<Font> fonts, List<FontSource> files) {
        this.fonts = fonts;
        this.files = files;
    }

    /** Loads the font files ({@code .ttf}, or the first face of a {@code .ttc}). */
    public static ChartFonts load(List<FontSource> files) {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no font files given");
        }
        List<Font> fonts = new ArrayList<>();
        for (FontSource file : files) {
            fonts.add(CACHE.computeIfAbsent(file, ChartFonts::read));
        }
        return new ChartFonts(List.copyOf(fonts), List.copyOf(files));
    }

    /** The first code point of {@code text} that no font can draw, or -1 when all can be drawn. */
    public int firstMissingCodePoint(String text) {
        return text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
                .filter(cp -> fonts.stream().noneMatch(f -> f.canDisplay(cp)))
                .findFirst().orElse(-1);
    }

    /** The first font with a glyph for the code point (the first font when none has one). */
    public Font fontFor(int codePoint) {
        for (Font font : fonts) {
            if (font.canDisplay(codePoint)) {
                return font;
            }
        }
        return fonts.get(0);
    }

    public List<FontSource> files() {
        return files;
    }

    private static Font read(FontSource file) {
        try {
            Font[] faces = Font.createFonts(new ByteArrayInputStream(file.bytes()));
            return faces[0];
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("DOCX report: cannot use font file " + file + " for the figures (" + e.getMessage()
                    + "); configure a TrueType (.ttf) or TrueType collection (.ttc) font", e);
        }
    }
}
