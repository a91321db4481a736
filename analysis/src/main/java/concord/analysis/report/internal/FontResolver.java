package concord.analysis.report.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Chooses the fonts a report embeds, in the order they are tried per character: a font file the
 * operator configured (preferred), then the fonts shipped inside Concord (WenQuanYi Micro Hei for
 * CJK, Cyrillic and Latin; DejaVu Sans for the signs it lacks), then host fonts found on the font
 * search path as fallbacks for characters neither shipped font has. The shipped fonts make the
 * choice independent of the host: it never fails for lack of installed fonts. A character no font
 * can draw fails the rendering with a message naming the label and the fix (never a box).
 */
public final class FontResolver {

    /** System property naming a font file (.ttf/.ttc) to prefer over the shipped fonts. */
    public static final String FILE_PROPERTY = "concord.fonts.file";

    /**
     * System property replacing the host font search path: font files or directories separated by
     * the platform's path separator ({@code :} on Linux). Empty: no host font is used.
     */
    public static final String SEARCH_PATH_PROPERTY = "concord.fonts.search-path";

    /** The fonts shipped with Concord, in the order they are tried. */
    public static final List<String> SHIPPED = List.of("wqy-microhei.ttc", "DejaVuSans.ttf");

    /** CJK fonts on the default search path whose glyphs OpenPDF can subset (TrueType outlines). */
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

    /** Latin/Cyrillic/Greek fonts on the default search path. */
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
     * The fonts to embed, in the order they are tried per character.
     *
     * @param configured a font file chosen by the operator, tried first; must exist. When empty,
     *                   the {@value #FILE_PROPERTY} system property is used if set
     * @param hostFonts  host font files tried after the shipped fonts (see {@link #hostFonts()})
     * @throws IllegalStateException when a configured file does not exist
     */
    public static List<FontSource> resolve(Optional<Path> configured, List<Path> hostFonts) {
        Set<FontSource> chosen = new LinkedHashSet<>();
        Optional<Path> preferred = configured.or(FontResolver::configuredByProperty);
        if (preferred.isPresent()) {
            Path file = preferred.get();
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("report fonts: the configured font file " + file
                        + " does not exist; point the font setting (PdfReportRenderer.withFontFile or -D" + FILE_PROPERTY
                        + ") at a .ttf/.ttc file, or remove it to use the fonts shipped with Concord");
            }
            chosen.add(FontSource.file(file));
        }
        SHIPPED.forEach(name -> chosen.add(FontSource.shipped(name)));
        hostFonts.stream()
                .filter(Files::isRegularFile)
                .filter(file -> !SHIPPED.contains(file.getFileName().toString())) // a host copy adds nothing
                .forEach(file -> chosen.add(FontSource.file(file)));
        return List.copyOf(chosen);
    }

    /**
     * The host fonts to fall back on: the files and directories of {@value #SEARCH_PATH_PROPERTY}
     * when set (empty: none), else the first existing font of {@link #WELL_KNOWN_CJK} and of
     * {@link #WELL_KNOWN_LATIN}.
     */
    public static List<Path> hostFonts() {
        String searchPath = System.getProperty(SEARCH_PATH_PROPERTY);
        if (searchPath == null) {
            return firstExisting(WELL_KNOWN_CJK, WELL_KNOWN_LATIN);
        }
        List<Path> fonts = new ArrayList<>();
        for (String entry : searchPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry.strip());
            if (Files.isDirectory(path)) {
                fonts.addAll(fontFilesIn(path));
            } else {
                fonts.add(path);
            }
        }
        return List.copyOf(fonts);
    }

    /** The first existing file of each candidate list. */
    public static List<Path> firstExisting(List<Path> cjkCandidates, List<Path> latinCandidates) {
        List<Path> fonts = new ArrayList<>();
        cjkCandidates.stream().filter(Files::isRegularFile).findFirst().ifPresent(fonts::add);
        latinCandidates.stream().filter(Files::isRegularFile).findFirst().ifPresent(fonts::add);
        return List.copyOf(fonts);
    }

    private static Optional<Path> configuredByProperty() {
        String value = System.getProperty(FILE_PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value.strip()));
    }

    private static List<Path> fontFilesIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".ttf") || name.endsWith(".ttc");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("report fonts: cannot list the font directory " + directory
                    + " of -D" + SEARCH_PATH_PROPERTY, e);
        }
    }
}
