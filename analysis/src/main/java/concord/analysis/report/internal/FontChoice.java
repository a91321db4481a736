package concord.analysis.report.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a renderer was told about fonts: an operator's font file (tried first) and the host fonts tried
 * after the shipped ones (when not given, the configured search path, {@link FontResolver#hostFonts()}).
 * Immutable; the renderers' {@code withFontFile} / {@code withSystemFonts} return a changed copy.
 */
public final class FontChoice {

    private static final FontChoice DEFAULTS = new FontChoice(Optional.empty(), Optional.empty());

    private final Optional<Path> fontFile;
    private final Optional<List<Path>> hostFonts;

    private FontChoice(Optional<Path> fontFile, Optional<List<Path>> hostFonts) {
        this.fontFile = fontFile;
        this.hostFonts = hostFonts.map(List::copyOf);
    }

    public static FontChoice defaults() {
        return DEFAULTS;
    }

    /** This font file (.ttf, or the first face of a .ttc) first; it must exist when the fonts are resolved. */
    public FontChoice withFontFile(Path file) {
        return new FontChoice(Optional.of(Objects.requireNonNull(file, "file")), hostFonts);
    }

    /** The first existing CJK and Latin candidate as the host fonts; empty lists: none. */
    public FontChoice withSystemFonts(List<Path> cjk, List<Path> latin) {
        return new FontChoice(fontFile, Optional.of(FontResolver.firstExisting(cjk, latin)));
    }

    /** The fonts to embed, in the order they are tried per character. */
    public List<FontSource> sources() {
        return FontResolver.resolve(fontFile, hostFonts.orElseGet(FontResolver::hostFonts));
    }

    /** {@link #sources()} as text (host paths or shipped names). */
    public List<String> names() {
        return sources().stream().map(Object::toString).toList();
    }
}
