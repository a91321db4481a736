package concord.analysis.report.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Phrase;
import com.lowagie.text.Utilities;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The fonts of one PDF: every font is embedded (Identity-H, subset), tried in order per character
 * (see {@link FontResolver}). Font files are read once per JVM ({@link FontSource}). Parsing a font is the
 * expensive part (a CJK collection takes hundreds of milliseconds), so parsed {@link BaseFont}s are
 * kept per JVM and lent to one document at a time: OpenPDF keeps per-document state in them (the
 * seeded random that names the subset), which must not be shared by two documents being written at
 * once. {@link #close()} returns them.
 */
public final class PdfFonts implements AutoCloseable {

    /** Parsed fonts not lent to a document, per file; the last one returned is lent next. */
    private static final Map<FontSource, Deque<BaseFont>> IDLE = new ConcurrentHashMap<>();
    /** OpenPDF's FontSelector registers and parses its bundled fallback font each time one is constructed. */
    private static final String FALLBACK_FILE = "font-fallback/LiberationSans-Regular.ttf";
    private static final String FALLBACK_NAME = "sans";
    private static volatile boolean fallbackRegistered;

    private final List<BaseFont> fonts;
    private final List<FontSource> files;
    private boolean closed;

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
            BaseFont font = idle(file).pollFirst();
            if (font == null) {
                try {
                    font = parse(file);
                } catch (RuntimeException e) {
                    new PdfFonts(fonts, fontFiles.subList(0, i)).close();
                    throw e;
                }
            }
            font.setSecureRandom(new SeededRandom(seed + i));
            fonts.add(font);
        }
        return new PdfFonts(List.copyOf(fonts), List.copyOf(fontFiles));
    }

    /** Gives the parsed fonts back for the next document; this object must not be used afterwards. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = 0; i < fonts.size(); i++) {
            fonts.get(i).setSecureRandom(null);
            idle(files.get(i)).addFirst(fonts.get(i));
        }
    }

    private static Deque<BaseFont> idle(FontSource file) {
        return IDLE.computeIfAbsent(file, f -> new ConcurrentLinkedDeque<>());
    }

    private static BaseFont parse(FontSource file) {
        // OpenPDF tells the font type from the name's extension; ",0" picks a collection's first face.
        String name = file.collection() ? file.fileName() + ",0" : file.fileName();
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, file.bytes(), null);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PDF report: cannot use font file " + file + " (" + e.getMessage()
                    + "); configure a TrueType (.ttf) or TrueType collection (.ttc) font with CJK glyphs,"
                    + " e.g. /usr/share/fonts/truetype/wqy/wqy-microhei.ttc from Debian fonts-wqy-microhei, or remove the"
                    + " setting to use the fonts shipped with Concord", e);
        }
    }

    /**
     * The last font FontSelector tries (OpenPDF's bundled Liberation Sans), a new Font as FontSelector's
     * own constructor makes it; the file is registered (parsed) once per JVM instead of once per phrase.
     */
    private static Font fallback() {
        if (!fallbackRegistered) {
            synchronized (PdfFonts.class) {
                if (!fallbackRegistered) {
                    FontFactory.register(FALLBACK_FILE, FALLBACK_NAME);
                    fallbackRegistered = true;
                }
            }
        }
        return FontFactory.getFont(FALLBACK_NAME, BaseFont.IDENTITY_H);
    }

    /** The first code point of {@code text} that no font can draw, or -1 when all can be drawn. */
    public int firstMissingCodePoint(String text) {
        return text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp))
                .filter(cp -> fonts.stream().noneMatch(f -> f.charExists(cp)))
                .findFirst().orElse(-1);
    }

    /**
     * A phrase whose characters each use the first font that has a glyph for them: what OpenPDF's
     * FontSelector with these fonts added gives (its fallback font last; characters no font has are
     * dropped, line breaks kept), without constructing one per phrase.
     */
    public Phrase phrase(String text, float size, boolean bold, Color color) {
        List<Font> selected = new ArrayList<>(fonts.size() + 1);
        for (BaseFont base : fonts) {
            selected.add(new Font(base, size, bold ? Font.BOLD : Font.NORMAL, color));
        }
        selected.add(fallback());
        return select(selected, text == null ? "" : text);
    }

    /** FontSelector.process of OpenPDF 2.0.5, step for step (the PDF bytes depend on the chunks it makes). */
    private static Phrase select(List<Font> fonts, String text) {
        char[] chars = text.toCharArray();
        StringBuilder run = new StringBuilder();
        int current = -1;
        Phrase phrase = new Phrase();
        for (int k = 0; k < chars.length; k++) {
            char c = chars[k];
            if (c == '\n' || c == '\r') {
                run.append(c);
                continue;
            }
            boolean pair = Utilities.isSurrogatePair(chars, k);
            int codePoint = pair ? Utilities.convertToUtf32(chars, k) : c;
            for (int f = 0; f < fonts.size(); f++) {
                if (fonts.get(f).getBaseFont().charExists(codePoint)) {
                    if (current != f) {
                        if (run.length() > 0 && current != -1) {
                            phrase.add(new Chunk(run.toString(), fonts.get(current)));
                            run.setLength(0);
                        }
                        current = f;
                    }
                    run.append(c);
                    if (pair && chars.length > k + 1) {
                        run.append(chars[++k]);
                    }
                    break;
                }
            }
        }
        if (run.length() > 0) {
            phrase.add(current == -1 ? new Chunk(run.toString()) : new Chunk(run.toString(), fonts.get(current)));
        }
        return phrase;
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

    /** The fonts in the order they are tried (for tests). */
    List<BaseFont> baseFonts() {
        return fonts;
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
