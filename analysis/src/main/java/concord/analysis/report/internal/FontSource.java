package concord.analysis.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One font file a report may embed: a file on the host or a font shipped inside Concord (a
 * classpath resource under {@code concord/analysis/report/fonts/}). The bytes are read once per JVM.
 */
public final class FontSource {

    private static final String RESOURCE_DIR = "/concord/analysis/report/fonts/";
    private static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();

    private final Path file;
    private final String resource;

    private FontSource(Path file, String resource) {
        this.file = file;
        this.resource = resource;
    }

    /** A font file on this machine. */
    public static FontSource file(Path file) {
        return new FontSource(Objects.requireNonNull(file, "file"), null);
    }

    /** A font shipped with Concord, by file name (e.g. {@code wqy-microhei.ttc}). */
    public static FontSource shipped(String fileName) {
        if (FontSource.class.getResource(RESOURCE_DIR + fileName) == null) {
            throw new IllegalStateException("Concord's shipped font " + fileName + " is missing from the classpath ("
                    + RESOURCE_DIR + "); the build is incomplete");
        }
        return new FontSource(null, fileName);
    }

    /** The file name, e.g. {@code wqy-microhei.ttc}. */
    public String fileName() {
        return file != null ? file.getFileName().toString() : resource;
    }

    /** A TrueType collection: the first face is used. */
    public boolean collection() {
        return fileName().toLowerCase(Locale.ROOT).endsWith(".ttc");
    }

    public boolean isShipped() {
        return resource != null;
    }

    /** The font's bytes, read once per JVM. */
    public byte[] bytes() {
        return BYTES.computeIfAbsent(toString(), key -> read());
    }

    private byte[] read() {
        try {
            if (file != null) {
                return Files.readAllBytes(file);
            }
            try (InputStream in = FontSource.class.getResourceAsStream(RESOURCE_DIR + resource)) {
                return Objects.requireNonNull(in, resource).readAllBytes();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("report fonts: cannot read " + this, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FontSource other && Objects.equals(file, other.file) && Objects.equals(resource, other.resource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(file, resource);
    }

    /** The path of a host file, or {@code wqy-microhei.ttc (shipped with Concord)}. */
    @Override
    public String toString() {
        return file != null ? file.toString() : resource + " (shipped with Concord)";
    }
}
