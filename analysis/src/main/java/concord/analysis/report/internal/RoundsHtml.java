package concord.analysis.report.internal;

import static concord.analysis.report.internal.Html.escape;

import java.util.List;

/** The rounds view as an HTML fragment (see {@code HtmlTables.rounds}); every text escaped. */
public final class RoundsHtml {

    private RoundsHtml() {
    }

    public static String fragment(RoundsView view) {
        StringBuilder html = new StringBuilder(16 * 1024);
        for (String paragraph : RoundsTables.paragraphs(view)) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        for (RoundsTables.Table table : RoundsTables.of(view)) {
            html.append("<table class=\"concord-table ").append(table.id()).append("\">\n<caption>").append(escape(table.caption()))
                    .append("</caption>\n<thead><tr>");
            for (String header : table.headers()) {
                html.append("<th scope=\"col\">").append(escape(header)).append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (int r = 0; r < table.rows().size(); r++) {
                List<RoundsTables.Cell> cells = table.rows().get(r);
                html.append(table.highlighted().get(r) ? "<tr class=\"differs\">" : "<tr>");
                for (int c = 0; c < cells.size(); c++) {
                    RoundsTables.Cell cell = cells.get(c);
                    if (c < table.rowHeaders()) {
                        html.append("<th scope=\"row\">").append(escape(cell.text())).append("</th>");
                    } else {
                        html.append(cell.isNumber() ? "<td class=\"num\">" : "<td>").append(escape(cell.text())).append("</td>");
                    }
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("<div class=\"footnotes\">\n");
        for (String paragraph : view.methods()) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        html.append("</div>\n");
        return html.toString();
    }
}
