package concord.analysis.report;

import concord.analysis.StudyResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Renders a study result into one file format. Implementations are immutable and thread-safe;
 * the same result and context always give the same bytes.
 */
public interface ReportRenderer {

    ReportFormat format();

    /** The renderer of a format with its defaults (the PDF one searches the system fonts). */
    static ReportRenderer withDefaults(ReportFormat format) {
        return switch (format) {
            case HTML -> HtmlReportRenderer.withDefaults();
            case PDF -> PdfReportRenderer.withDefaults();
            case XLSX -> XlsxReportRenderer.withDefaults();
            case CSV -> CsvReportRenderer.withDefaults();
            case DOCX -> DocxReportRenderer.withDefaults();
            case JSON -> JsonReportRenderer.withDefaults();
        };
    }

    /** Writes the report to {@code out} (not closed). */
    void render(StudyResult result, ReportContext context, OutputStream out) throws IOException;

    /** The report as bytes. */
    default byte[] render(StudyResult result, ReportContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            render(result, context, out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the " + format() + " report failed", e);
        }
        return out.toByteArray();
    }
}
