package concord.analysis.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites an OOXML package (XLSX) so it depends only on its content: entry times and the
 * {@code dcterms:created} core property are set to a given instant (fastexcel stamps the wall
 * clock into both). Entry order and content are kept.
 */
public final class DeterministicZip {

    private static final Pattern CREATED =
            Pattern.compile("(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:(?:created|modified)>)");

    private DeterministicZip() {
    }

    public static void rewrite(byte[] zip, Instant timestamp, OutputStream target) throws IOException {
        // DOS times have no zone: setTimeLocal with the UTC wall time avoids the JVM's time zone.
        LocalDateTime time = LocalDateTime.ofInstant(timestamp.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        String w3c = timestamp.truncatedTo(ChronoUnit.SECONDS).toString();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(zip.length + 1024);
        // fastexcel's writer puts Zip64 data descriptors that ZipInputStream misreads; ZipFile reads
        // the central directory instead, and needs a file.
        Path file = Files.createTempFile("concord-xlsx-", ".zip");
        try (ZipFile in = writeAndOpen(file, zip);
                ZipOutputStream out = new ZipOutputStream(buffer, StandardCharsets.UTF_8)) {
            out.setLevel(6);
            for (ZipEntry entry : Collections.list(in.entries())) {
                byte[] content;
                try (InputStream stream = in.getInputStream(entry)) {
                    content = stream.readAllBytes();
                }
                if (entry.getName().equals("docProps/core.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    content = CREATED.matcher(xml).replaceAll("$1" + Matcher.quoteReplacement(w3c) + "$2")
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(time);
                out.putNextEntry(copy);
                out.write(content);
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(file);
        }
        buffer.writeTo(target);
    }

    private static ZipFile writeAndOpen(Path file, byte[] zip) throws IOException {
        Files.write(file, zip);
        return new ZipFile(file.toFile());
    }
}
