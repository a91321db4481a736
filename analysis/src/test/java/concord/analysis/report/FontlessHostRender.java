package concord.analysis.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Child process of {@link FontlessHostTest}: renders the hold-all CJK study to PDF and DOCX. */
public final class FontlessHostRender {
    private FontlessHostRender() {
    }

    public static void main(String[] args) throws Exception {
        ReportContext context = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"));
        var result = StudyResults.holdAllCjk();
        Files.write(Path.of(args[0]), PdfReportRenderer.withDefaults().render(result, context));
        Files.write(Path.of(args[1]), DocxReportRenderer.withDefaults().render(result, context));
    }
}
