package concord.analysis.report;

import static concord.analysis.report.internal.Html.escape;

import concord.analysis.StudyResult;
import concord.analysis.internal.Messages;
import concord.analysis.report.internal.HtmlMeta;
import concord.analysis.report.internal.ReportWords;
import concord.analysis.report.internal.ResultView;
import concord.analysis.report.internal.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A self-contained HTML report: one file, inline CSS, charts as inline SVG, no scripts and no
 * external references, so it opens offline, can be attached to a REDCap record and prints on A4
 * landscape. All text from the study is escaped.
 */
public final class HtmlReportRenderer implements ReportRenderer {

    /** The stylesheet of the report; the dashboard can include it to style {@link HtmlTables} fragments. */
    public static final String STYLESHEET = """
            body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',Arial,sans-serif;\
            font-size:14px;color:#111;margin:24px auto;max-width:1200px;padding:0 16px;line-height:1.4}
            h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
            .meta{color:#555;font-size:12px}.meta dt{font-weight:bold;float:left;clear:left;margin-right:6px}.meta dd{margin:0}
            figure{margin:16px 0}figure svg{max-width:100%;height:auto}figcaption{font-size:12px;color:#444}
            .concord-table{border-collapse:collapse;font-size:12px;margin:12px 0;width:100%}
            .concord-table caption{text-align:left;font-weight:bold;padding:4px 0}
            .concord-table th,.concord-table td{border:1px solid #ccc;padding:3px 5px;vertical-align:top}
            .concord-table thead th{background:#eef3f8;text-align:center}
            .concord-table th[scope=row],.concord-table th[scope=rowgroup]{text-align:left;font-weight:normal}
            .concord-table th.variable{font-weight:bold;background:#f6f6f6}.concord-table th.sub{padding-left:16px}
            .concord-table td.num{text-align:right;white-space:nowrap}
            .concord-table tbody.differs th[scope=rowgroup]{font-weight:bold;border-left:4px solid #B2182B}
            .concord-table td.differs-cell{font-weight:bold;min-width:9em}
            .domain{display:block;color:#666;font-size:11px}.why{display:block;color:#666;font-size:10px;white-space:normal}
            .footnotes{font-size:11px;color:#444}
            @media print{body{margin:0;max-width:none;font-size:11px}h2{break-after:avoid}
            .concord-table tbody,figure{break-inside:avoid}thead{display:table-header-group}a{color:inherit;text-decoration:none}}
            @page{size:A4 landscape;margin:12mm}
            """;

    /**
     * Added to {@link #STYLESHEET} for a Delphi result only (single-survey reports stay byte-identical): the
     * rows of the rounds view to look at (not stable, drop-outs differ) get the red bar of differing outcomes.
     */
    public static final String ROUNDS_STYLESHEET = """
            .concord-table tr.differs th[scope=row]:first-child{font-weight:bold;border-left:4px solid #B2182B}
            """;

    private HtmlReportRenderer() {
    }

    public static HtmlReportRenderer withDefaults() {
        return new HtmlReportRenderer();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.HTML;
    }

    @Override
    public void render(StudyResult result, ReportContext context, OutputStream out) throws IOException {
        out.write(html(result, context).getBytes(StandardCharsets.UTF_8));
    }

    /** The report as a string. */
    public String html(StudyResult result, ReportContext context) {
        String lang = context.language();
        ResultView view = new ResultView(result, Messages.forLanguage(lang));
        ReportWords w = view.words();
        StringBuilder html = new StringBuilder(256 * 1024);
        String title = escape(result.title());
        html.append("<!DOCTYPE html>\n<html lang=\"").append(escape(w.text("language"))).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"generator\" content=\"Concord\">\n")
                .append("<title>").append(escape(w.format("report.htmlTitle", "title", result.title()))).append("</title>\n")
                .append("<style>\n").append(STYLESHEET).append(result.delphi().isPresent() ? ROUNDS_STYLESHEET : "")
                .append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(title).append("</h1>\n");
        HtmlMeta.append(html, context, w);
        html.append("<section aria-labelledby=\"s-summary\">\n<h2 id=\"s-summary\">").append(escape(w.text("heading.summary")))
                .append("</h2>\n");
        for (String sentence : Summary.sentences(view)) {
            html.append("<p>").append(escape(sentence)).append("</p>\n");
        }
        html.append("</section>\n");
        section(html, "s-figure2", w.text("heading.figure2"),
                result.differingOutcomes().isEmpty() ? "<p>" + escape(w.text("figure2.none")) + "</p>\n"
                        : figure(SvgCharts.figure2(result, "r", lang), w.text("figure2.caption"))
                                + HtmlTables.differingOutcomes(result, lang));
        if (result.jointDisplay().isPresent()) {
            section(html, "s-joint-display", w.text("heading.jointDisplay"), HtmlTables.jointDisplay(result, lang));
        }
        section(html, "s-consensus", w.text("heading.consensus"),
                figure(SvgCharts.consensusMatrix(result, "r", lang), w.text("consensus.figureCaption"))
                        + HtmlTables.consensusMatrix(result, lang));
        section(html, "s-domains", w.text("heading.domains"),
                figure(SvgCharts.domainSummary(result, "r", lang), w.text("domains.figureCaption"))
                        + HtmlTables.domainSummary(result, lang));
        if (result.delphi().isPresent()) {
            section(html, "s-rounds", HtmlTables.roundsHeading(lang), HtmlTables.rounds(result, lang));
        }
        section(html, "s-table1", w.text("heading.table1"), HtmlTables.table1(result, lang));
        if (!result.participantCharacteristics().isEmpty()) {
            section(html, "s-characteristics", w.text("heading.characteristics"), HtmlTables.characteristics(result, lang));
        }
        section(html, "s-methods", w.text("heading.methods"), HtmlTables.methods(result, lang));
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void section(StringBuilder html, String id, String heading, String body) {
        html.append("<section aria-labelledby=\"").append(id).append("\">\n<h2 id=\"").append(id).append("\">")
                .append(escape(heading)).append("</h2>\n").append(body).append("</section>\n");
    }

    private static String figure(String svg, String caption) {
        return "<figure>\n" + svg + "<figcaption>" + escape(caption) + "</figcaption>\n</figure>\n";
    }
}
