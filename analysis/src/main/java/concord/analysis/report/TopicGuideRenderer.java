package concord.analysis.report;

import concord.analysis.report.internal.TopicGuideDocx;
import concord.analysis.report.internal.TopicGuideHtml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Renders a {@link TopicGuide} as a self-contained HTML page (inline CSS, no scripts, every text
 * escaped) or a Word document (A4 portrait, the report's styles and fonts, one Word table per domain
 * with the figures beside each question). The outcome's label is emphasised in each question. Same
 * guide and context → same bytes.
 */
public final class TopicGuideRenderer {

    private final ReportFormat format;

    private TopicGuideRenderer(ReportFormat format) {
        this.format = format;
    }

    public static TopicGuideRenderer html() {
        return new TopicGuideRenderer(ReportFormat.HTML);
    }

    public static TopicGuideRenderer docx() {
        return new TopicGuideRenderer(ReportFormat.DOCX);
    }

    /** {@link ReportFormat#HTML} or {@link ReportFormat#DOCX}. */
    public ReportFormat format() {
        return format;
    }

    /** Writes the guide to {@code out} (not closed). */
    public void render(TopicGuide guide, ReportContext context, OutputStream out) throws IOException {
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(context, "context");
        if (format == ReportFormat.HTML) {
            out.write(TopicGuideHtml.page(guide, context).getBytes(StandardCharsets.UTF_8));
        } else {
            TopicGuideDocx.write(guide, context, out);
        }
    }

    /** The guide as bytes. */
    public byte[] render(TopicGuide guide, ReportContext context) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            render(guide, context, out);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering the " + format + " topic guide failed", e);
        }
        return out.toByteArray();
    }

    /** The guide's opening questions and domain tables as an HTML fragment (for the dashboard), escaped. */
    public static String htmlFragment(TopicGuide guide) {
        return TopicGuideHtml.body(Objects.requireNonNull(guide, "guide"));
    }
}
