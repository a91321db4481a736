package concord.analysis.report.internal;

import static concord.analysis.report.internal.Html.escape;

import concord.analysis.report.ReportContext;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The "Generated" and provenance lines under an HTML document's title (nothing when the context has none). */
public final class HtmlMeta {

    private HtmlMeta() {
    }

    public static void append(StringBuilder html, ReportContext context) {
        if (context.generatedAt().isEmpty() && context.provenance().isEmpty()) {
            return;
        }
        html.append("<dl class=\"meta\">\n");
        context.generatedAt().ifPresent(at -> html.append("<dt>Generated</dt><dd>")
                .append(escape(DateTimeFormatter.ISO_INSTANT.format(at))).append("</dd>\n"));
        for (Map.Entry<String, String> line : context.provenance().entrySet()) {
            html.append("<dt>").append(escape(line.getKey())).append("</dt><dd>").append(escape(line.getValue())).append("</dd>\n");
        }
        html.append("</dl>\n");
    }
}
