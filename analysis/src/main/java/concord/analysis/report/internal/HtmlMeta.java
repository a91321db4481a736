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
        append(html, context, new ReportWords(null, concord.analysis.internal.Messages.english()));
    }

    /** The lines with their names in the words' language. */
    public static void append(StringBuilder html, ReportContext context, ReportWords words) {
        if (context.generatedAt().isEmpty() && context.provenance().isEmpty()) {
            return;
        }
        html.append("<dl class=\"meta\">\n");
        context.generatedAt().ifPresent(at -> html.append("<dt>").append(escape(words.text("meta.generated"))).append("</dt><dd>")
                .append(escape(DateTimeFormatter.ISO_INSTANT.format(at))).append("</dd>\n"));
        for (Map.Entry<String, String> line : context.provenance().entrySet()) {
            html.append("<dt>").append(escape(words.provenanceName(line.getKey()))).append("</dt><dd>").append(escape(line.getValue())).append("</dd>\n");
        }
        html.append("</dl>\n");
    }
}
