package concord.analysis.report.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the font files a PDF report embeds: a configured file first (it must exist), otherwise the
 * first CJK font found at well-known Linux, macOS and Windows paths; then a Latin/Cyrillic/Greek
 * font for characters the CJK font lacks. When no CJK font exists the report still renders with
 * the Latin font as long as every character has a glyph; a character no font can draw fails the
 * rendering with a message naming the label and the fix (never a box in the PDF).
 */
public final class FontResolver {

    /** CJK fonts whose glyphs OpenPDF can subset (TrueType outlines), most common first. */
    public static final List<Path> WELL_KNOWN_CJK = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"),
            Path.of("/System/Library/Fonts/Supplemental/Arial Unicode.ttf"),
            Path.of("C:/Windows/Fonts/msyh.ttc"),
            Path.of("C:/Windows/Fonts/simsun.ttc"));

    /** Fonts for Latin, Cyrillic and Greek text when the CJK font lacks a glyph. */
    public static final List<Path> WELL_KNOWN_LATIN = List.of(
            Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"),
            Path.of("/Library/Fonts/Arial.ttf"),
            Path.of("/System/Library/Fonts/Supplemental/Arial.ttf"),
            Path.of("C:/Windows/Fonts/arial.ttf"));

    private FontResolver() {
    }

    /**
     * The font files to embed, in the order they are tried per character.
     *
     * @param configured a font file chosen by the operator, tried first; must exist
     * @throws IllegalStateException when a configured file is missing or no font is found at all
     */
    public static List<Path> resolve(Optional<Path> configured, List<Path> cjkCandidates, List<Path> latinCandidates) {
        List<Path> chosen = new ArrayList<>();
        if (configured.isPresent()) {
            Path file = configured.get();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("PDF report: the configured font file " + file
                        + " does not exist; point the font setting at a .ttf/.ttc file with CJK glyphs"
                        + " or remove it to use a system font (" + WELL_KNOWN_CJK.get(0) + ")");
            }
            chosen.add(file);
        } else {
            cjkCandidates.stream().filter(Files::isRegularFile).findFirst().ifPresent(chosen::add);
        }
        latinCandidates.stream().filter(Files::isRegularFile).findFirst().ifPresent(chosen::add);
        if (chosen.isEmpty()) {
            throw new IllegalStateException("PDF report: no font found to embed; searched " + cjkCandidates
                    + " and " + latinCandidates + ". Install one (Debian/Ubuntu: apt-get install fonts-wqy-microhei"
                    + " fonts-dejavu-core) or configure a .ttf/.ttc font file");
        }
        return List.copyOf(chosen);
    }
}
