package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.StudyResultJson;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportRendererTest {

    @Test
    void everyFormatHasARendererThatSaysItsFormat() {
        for (ReportFormat format : ReportFormat.values()) {
            ReportRenderer renderer = ReportRenderer.withDefaults(format);
            assertEquals(format, renderer.format());
            assertTrue(format.mediaType().contains("/"), format.mediaType());
            assertEquals(format.name().toLowerCase(java.util.Locale.ROOT), format.extension());
        }
    }

    @Test
    void jsonIsTheResultsOwnJson() {
        var result = StudyResults.fromEngine();
        byte[] json = ReportRenderer.withDefaults(ReportFormat.JSON).render(result, ReportContext.undated());
        assertEquals(StudyResultJson.write(result), new String(json, StandardCharsets.UTF_8));
    }
}
