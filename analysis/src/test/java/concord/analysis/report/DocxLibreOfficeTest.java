package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import concord.analysis.GroupStatistics;
import concord.analysis.StudyResult;
import concord.analysis.report.internal.Numbers;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DOCX opens in a real word processor: LibreOffice (Debian libreoffice-writer-nogui, installed by
 * .ci/setup-machine) converts it to PDF headless, and the PDF holds the report's text, Chinese included.
 */
class DocxLibreOfficeTest {

    private static Path soffice;

    @BeforeAll
    static void libreOfficeInstalled() {
        soffice = find();
        assumeTrue(soffice != null, "LibreOffice (soffice) is not installed, so the DOCX-to-PDF conversion test is skipped;"
                + " install the Debian package libreoffice-writer-nogui (.ci/setup-machine does)");
        assumeTrue(Files.exists(PdfReportRendererTest.WQY), "fonts-wqy-microhei is not installed: LibreOffice draws the Chinese labels with a host font; .ci/setup-machine installs it");
    }

    @Test
    void libreOfficeConvertsTheReportToAPdfWithItsTextAndChineseLabels(@TempDir Path dir) throws Exception {
        StudyResult result = StudyResults.fromEngine();
        Path docx = dir.resolve("report.docx");
        Files.write(docx, DocxReportRenderer.withDefaults().render(result, ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"))));
        Path pdf = convert(docx, dir);
        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        assertTrue(reader.getNumberOfPages() >= 6, "pages: " + reader.getNumberOfPages());
        assertTrue(reader.getPageSize(1).getWidth() > reader.getPageSize(1).getHeight(), "landscape");
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        // LibreOffice's PDF breaks text runs where the font changes (Latin to CJK), so the extracted text has
        // spaces where the document has none: compare without whitespace.
        String all = withoutSpace(text.toString());
        for (String expected : List.of("Table 1. Importance ratings", "Participant characteristics", "Methods",
                StudyResults.CHINESE, StudyResults.CYRILLIC, "Patient 患者", "Pearson chi-square test")) {
            assertTrue(all.contains(withoutSpace(expected)), expected + " in the converted PDF");
        }
        GroupStatistics pain = result.outcomes().get(0).groups().get("Doctor");
        assertTrue(all.contains(withoutSpace(Numbers.meanSd(pain.mean().getAsDouble(), pain.sd().getAsDouble()))), "a Table 1 value");
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Converts with a private LibreOffice profile (parallel builds must not share one) and a time limit. */
    static Path convert(Path docx, Path dir) throws Exception {
        Path profile = dir.resolve("lo-profile");
        Process process = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
                "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("soffice.log").toFile()).start();
        assertTrue(process.waitFor(240, TimeUnit.SECONDS), "LibreOffice did not finish within 240 s");
        assertEquals(0, process.exitValue(), () -> "soffice failed: " + read(dir.resolve("soffice.log")));
        Path pdf = dir.resolve(docx.getFileName().toString().replaceAll("\\.docx$", ".pdf"));
        assertTrue(Files.size(pdf) > 10_000, () -> "no PDF written: " + read(dir.resolve("soffice.log")));
        return pdf;
    }

    static Path find() {
        for (String dir : Optional.ofNullable(System.getenv("PATH")).orElse("").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "soffice");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        Path debian = Path.of("/usr/lib/libreoffice/program/soffice");
        return Files.isExecutable(debian) ? debian : null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
