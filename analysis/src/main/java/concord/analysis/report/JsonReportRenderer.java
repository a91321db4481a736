package concord.analysis.report;

import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The result as JSON ({@link StudyResultJson}: deterministic, full precision, {@code null} where
 * not computable), so all formats can be produced through one interface. The JSON describes the
 * result only; the context's timestamp and provenance are not part of it.
 */
public final class JsonReportRenderer implements ReportRenderer {

    private JsonReportRenderer() {
    }

    public static JsonReportRenderer withDefaults() {
        return new JsonReportRenderer();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.JSON;
    }

    @Override
    public void render(StudyResult result, ReportContext context, OutputStream out) throws IOException {
        out.write(StudyResultJson.write(result).getBytes(StandardCharsets.UTF_8));
    }
}
