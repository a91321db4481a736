package concord.analysis.report;

import static concord.analysis.report.internal.Html.escape;

import concord.analysis.DemographicVariable;
import concord.analysis.GroupSummary;
import concord.analysis.JointDisplayGroup;
import concord.analysis.JointDisplayQuote;
import concord.analysis.JointDisplayRow;
import concord.analysis.JointDisplayTheme;
import concord.analysis.OutcomeResult;
import concord.analysis.ParticipantCharacteristic;
import concord.analysis.StudyResult;
import concord.analysis.report.internal.CharacteristicsText;
import concord.analysis.report.internal.Footnotes;
import concord.analysis.report.internal.JointDisplayText;
import concord.analysis.internal.Messages;
import concord.analysis.report.internal.Numbers;
import concord.analysis.report.internal.ReportWords;
import concord.analysis.report.internal.ResultView;
import concord.analysis.report.internal.RoundsHtml;
import concord.analysis.report.internal.RoundsView;
import concord.analysis.report.internal.Table1Text;
import concord.analysis.report.internal.TextCell;
import java.util.List;

/**
 * The report's tables as HTML fragments ({@code <table>} with caption, column and row headers,
 * footnotes for values that could not be computed), for the HTML report and the web dashboard.
 * Every text is escaped. Class names ({@code concord-table}, {@code num}, {@code differs},
 * {@code footnotes}) are styled by {@link HtmlReportRenderer#STYLESHEET}. Each fragment is English, or in
 * the language given ({@code "zh"}, as {@link ReportContext#withLanguage}); numbers are the same in every language.
 */
public final class HtmlTables {

    /** The heading of the {@link #rounds} section, for pages that embed it. */
    public static final String ROUNDS_HEADING = RoundsView.SECTION;

    private HtmlTables() {
    }

    /**
     * Escapes a REDCap-provided text for HTML element content, quoted attributes and inline SVG, the
     * same way every fragment here does, so pages that embed these fragments escape their own text alike.
     */
    public static String escapeText(String text) {
        return escape(text);
    }

    /**
     * The joint display (the paper's Table 2): per outcome with qualitative data, the groups' % in the top
     * band and mean (SD), the domain and core area, and each theme with its quotes (one row per theme, the
     * outcome's cells spanning them); then the outcomes without qualitative data. Empty when the result
     * has no joint display.
     */
    public static String jointDisplay(StudyResult result) {
        return jointDisplay(result, Messages.ENGLISH);
    }

    public static String jointDisplay(StudyResult result, String language) {
        if (result.jointDisplay().isEmpty()) {
            return "";
        }
        JointDisplayText text = new JointDisplayText(view(result, language));
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<table class=\"concord-table joint-display\">\n<caption>").append(escape(text.caption()))
                .append("</caption>\n<thead>\n<tr>");
        for (String header : text.headers()) {
            html.append("<th scope=\"col\">").append(escape(header)).append("</th>");
        }
        html.append("</tr>\n</thead>\n");
        for (JointDisplayRow row : text.display().rows()) {
            int span = row.themes().size();
            String rowspan = span > 1 ? " rowspan=\"" + span + "\"" : "";
            html.append("<tbody").append(row.differs() ? " class=\"differs\"" : "").append(">\n");
            for (int t = 0; t < span; t++) {
                JointDisplayTheme theme = row.themes().get(t);
                html.append("<tr>");
                if (t == 0) {
                    html.append("<th scope=\"rowgroup\"").append(rowspan).append(">").append(escape(row.outcome().label()))
                            .append("</th><td").append(rowspan).append(">").append(escape(row.outcome().domain()))
                            .append("</td><td").append(rowspan).append(">").append(escape(row.coreArea())).append("</td>");
                    for (JointDisplayGroup g : row.groups()) {
                        html.append("<td class=\"num\"").append(rowspan).append(">").append(escape(JointDisplayText.percent(g)))
                                .append("</td><td class=\"num\"").append(rowspan).append(">")
                                .append(escape(JointDisplayText.meanSd(g))).append("</td>");
                    }
                }
                html.append("<td>").append(escape(theme.theme())).append("</td><td>");
                for (JointDisplayQuote quote : theme.quotes()) {
                    html.append("<p class=\"quote\">").append(escape(JointDisplayText.quote(quote))).append("</p>");
                }
                html.append("</td></tr>\n");
            }
            html.append("</tbody>\n");
        }
        html.append("</table>\n<div class=\"footnotes\">\n");
        for (String note : text.notes()) {
            html.append("<p>").append(escape(note)).append("</p>\n");
        }
        html.append("</div>\n");
        return html.toString();
    }

    /**
     * The Delphi rounds view: the stopping advice and stability rule, then the consensus matrix per round,
     * the stability verdicts, response per round and group, and the drop-out comparisons (rows to look at —
     * not stable, drop-outs differ — carry the {@code differs} mark). Empty for a single-survey result.
     */
    public static String rounds(StudyResult result) {
        return rounds(result, Messages.ENGLISH);
    }

    public static String rounds(StudyResult result, String language) {
        return RoundsView.of(result, view(result, language).words()).map(RoundsHtml::fragment).orElse("");
    }

    /** "Delphi rounds" in a language, the heading of {@link #rounds}. */
    public static String roundsHeading(String language) {
        return Messages.forLanguage(language).isEnglish() ? ROUNDS_HEADING : Messages.forLanguage(language).text("rounds.section");
    }

    /** The paper's Table 1: every outcome, every group, all statistics and the between-group tests. */
    public static String table1(StudyResult result) {
        return table1(result, Messages.ENGLISH);
    }

    public static String table1(StudyResult result, String language) {
        ResultView view = view(result, language);
        ReportWords w = view.words();
        Table1Text text = new Table1Text(view);
        Footnotes notes = new Footnotes("t1-fn-", w::why);
        List<GroupSummary> groups = view.groups();
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<table class=\"concord-table table1\">\n<caption>").append(escape(w.text("table1.caption")))
                .append("</caption>\n<thead>\n<tr><th scope=\"col\" rowspan=\"2\">").append(escape(w.text("column.outcome"))).append("</th>")
                .append("<th scope=\"col\" rowspan=\"2\">").append(escape(w.text("column.group")))
                .append("</th><th scope=\"colgroup\" colspan=\"")
                .append(text.groupHeaders().size()).append("\">").append(escape(w.text("column.perGroup")))
                .append("</th><th scope=\"colgroup\" colspan=\"")
                .append(text.comparisonHeaders().size()).append("\">").append(escape(w.text("column.betweenGroups"))).append("</th></tr>\n<tr>");
        for (String header : text.groupHeaders()) {
            html.append("<th scope=\"col\">").append(escape(header)).append("</th>");
        }
        for (String header : text.comparisonHeaders()) {
            html.append("<th scope=\"col\">").append(escape(header)).append("</th>");
        }
        html.append("</tr>\n</thead>\n");
        for (OutcomeResult outcome : result.outcomes()) {
            boolean differs = outcome.comparison().differs();
            html.append("<tbody").append(differs ? " class=\"differs\"" : "").append(">\n");
            for (int g = 0; g < groups.size(); g++) {
                html.append("<tr>");
                if (g == 0) {
                    html.append("<th scope=\"rowgroup\" rowspan=\"").append(groups.size()).append("\">")
                            .append(escape(outcome.outcome().label()));
                    if (!outcome.outcome().domain().isBlank()) {
                        html.append("<span class=\"domain\">").append(escape(outcome.outcome().domain())).append("</span>");
                    }
                    html.append("</th>");
                }
                html.append("<th scope=\"row\">").append(escape(groups.get(g).label())).append("</th>");
                for (TextCell cell : text.groupCells(outcome, groups.get(g))) {
                    td(html, cell, notes, 1);
                }
                if (g == 0) {
                    List<TextCell> comparison = text.comparisonCells(outcome);
                    for (int c = 0; c < comparison.size(); c++) {
                        TextCell cell = comparison.get(c);
                        if (c == comparison.size() - 1 && differs && !outcome.comparison().reasons().isEmpty()) {
                            html.append("<td class=\"differs-cell\" rowspan=\"").append(groups.size()).append("\">")
                                    .append(escape(w.text("yes"))).append("<span class=\"why\">")
                                    .append(escape(w.reasonsText(outcome))).append("</span></td>");
                            continue;
                        }
                        td(html, cell, notes, groups.size());
                    }
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n");
        }
        html.append("</table>\n");
        footnotes(html, notes);
        return html.toString();
    }

    /**
     * The outcomes that differ, with each group's share scoring in the top band and mean, and why
     * they differ: the list that drives a focus-group topic guide (the skeleton of the paper's
     * Table 2 joint display).
     */
    public static String differingOutcomes(StudyResult result) {
        return differingOutcomes(result, Messages.ENGLISH);
    }

    public static String differingOutcomes(StudyResult result, String language) {
        ResultView view = view(result, language);
        ReportWords w = view.words();
        Footnotes notes = new Footnotes("d-fn-", w::why);
        StringBuilder html = new StringBuilder(8 * 1024);
        html.append("<table class=\"concord-table differing\">\n<caption>").append(escape(w.text("differing.caption")))
                .append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">").append(escape(w.text("column.outcome"))).append("</th><th scope=\"col\">")
                .append(escape(w.text("column.domain"))).append("</th>");
        for (GroupSummary group : view.groups()) {
            html.append("<th scope=\"col\">").append(escape(w.format("column.groupTop", "group", group.label(),
                    "band", view.bandRange(concord.analysis.Band.TOP)))).append("</th><th scope=\"col\">")
                    .append(escape(w.format("column.groupMean", "group", group.label()))).append("</th>");
        }
        html.append("<th scope=\"col\">").append(escape(w.text("column.why"))).append("</th></tr></thead>\n<tbody>\n");
        for (OutcomeResult outcome : result.differingOutcomes()) {
            html.append("<tr><th scope=\"row\">").append(escape(outcome.outcome().label())).append("</th><td>")
                    .append(escape(outcome.outcome().domain())).append("</td>");
            for (GroupSummary group : view.groups()) {
                var stats = view.stats(outcome, group);
                td(html, stats.filter(s -> s.pctTop().isPresent()).map(s -> TextCell.of(Numbers.percent(s.pctTop().getAsDouble())))
                        .orElseGet(() -> TextCell.missing(stats.map(s -> Footnotes.reason(s.notComputable(), "pctTop")).orElse(w.text("reason.noAnswers")))), notes, 1);
                td(html, stats.filter(s -> s.mean().isPresent()).map(s -> TextCell.of(Numbers.oneDecimal(s.mean().getAsDouble())))
                        .orElseGet(() -> TextCell.missing(stats.map(s -> Footnotes.reason(s.notComputable(), "mean")).orElse(w.text("reason.noAnswers")))), notes, 1);
            }
            html.append("<td>").append(escape(w.reasonsText(outcome))).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        footnotes(html, notes);
        return html.toString();
    }

    /** Participant characteristics per group: mean (SD), median (range) or category counts (%). */
    public static String characteristics(StudyResult result) {
        return characteristics(result, Messages.ENGLISH);
    }

    public static String characteristics(StudyResult result, String language) {
        ResultView view = view(result, language);
        ReportWords w = view.words();
        CharacteristicsText text = new CharacteristicsText(view);
        Footnotes notes = new Footnotes("pc-fn-", w::why);
        StringBuilder html = new StringBuilder(8 * 1024);
        html.append("<table class=\"concord-table characteristics\">\n<caption>").append(escape(w.text("characteristics.caption")))
                .append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">").append(escape(w.text("column.characteristic"))).append("</th>");
        for (GroupSummary group : view.groups()) {
            html.append("<th scope=\"col\">").append(escape(w.format("column.groupN", "group", group.label(), "n", group.n())))
                    .append("</th>");
        }
        html.append("</tr></thead>\n");
        for (ParticipantCharacteristic characteristic : result.participantCharacteristics()) {
            DemographicVariable variable = characteristic.variable();
            html.append("<tbody>\n<tr><th scope=\"rowgroup\" colspan=\"").append(view.groups().size() + 1).append("\" class=\"variable\">")
                    .append(escape(variable.label())).append("</th></tr>\n");
            for (CharacteristicsText.Row row : text.rows(characteristic)) {
                html.append("<tr><th scope=\"row\" class=\"sub\">").append(escape(row.label())).append("</th>");
                for (TextCell cell : row.cells()) {
                    td(html, cell, notes, 1);
                }
                html.append("</tr>\n");
            }
            html.append("</tbody>\n");
        }
        html.append("</table>\n");
        footnotes(html, notes);
        return html.toString();
    }

    /** Per domain: outcomes, critical outcomes per group, differing outcomes. */
    public static String domainSummary(StudyResult result) {
        return domainSummary(result, Messages.ENGLISH);
    }

    public static String domainSummary(StudyResult result, String language) {
        ResultView view = view(result, language);
        ReportWords w = view.words();
        StringBuilder html = new StringBuilder(4 * 1024);
        html.append("<table class=\"concord-table domains\">\n<caption>").append(escape(w.text("domains.caption")))
                .append("</caption>\n<thead><tr>")
                .append("<th scope=\"col\">").append(escape(w.text("column.domain"))).append("</th><th scope=\"col\">")
                .append(escape(w.text("column.outcomes"))).append("</th>");
        for (GroupSummary group : view.groups()) {
            html.append("<th scope=\"col\">").append(escape(w.format("column.critical", "group", group.label()))).append("</th>");
        }
        html.append("<th scope=\"col\">").append(escape(w.text("column.differing"))).append("</th></tr></thead>\n<tbody>\n");
        for (ResultView.DomainRow row : view.domainSummary()) {
            html.append("<tr><th scope=\"row\">").append(escape(row.domain())).append("</th><td class=\"num\">").append(row.outcomes()).append("</td>");
            for (int critical : row.criticalPerGroup()) {
                html.append("<td class=\"num\">").append(critical).append("</td>");
            }
            html.append("<td class=\"num\">").append(row.differing()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return html.toString();
    }

    /** The consensus matrix as a list: for each pattern of groups, the outcomes critical for exactly them. */
    public static String consensusMatrix(StudyResult result) {
        return consensusMatrix(result, Messages.ENGLISH);
    }

    public static String consensusMatrix(StudyResult result, String language) {
        ResultView view = view(result, language);
        ReportWords w = view.words();
        StringBuilder html = new StringBuilder(4 * 1024);
        html.append("<table class=\"concord-table consensus\">\n<caption>").append(escape(w.text("consensus.caption")))
                .append("</caption>\n<thead><tr><th scope=\"col\">").append(escape(w.text("column.criticalFor")))
                .append("</th><th scope=\"col\">").append(escape(w.text("column.outcomes"))).append("</th><th scope=\"col\">")
                .append(escape(w.text("column.which"))).append("</th></tr></thead>\n<tbody>\n");
        for (ResultView.ConsensusCell cell : view.consensusMatrix()) {
            html.append("<tr><th scope=\"row\">").append(escape(cell.label())).append("</th><td class=\"num\">")
                    .append(cell.outcomes().size()).append("</td><td>");
            html.append(escape(w.list(cell.outcomes().stream().map(o -> o.outcome().label()).toList())));
            html.append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return html.toString();
    }

    /** The methods paragraphs of the result, escaped. */
    public static String methods(StudyResult result) {
        return methods(result, Messages.ENGLISH);
    }

    /** The methods paragraphs in a language: English as the result stores them, others written from its options. */
    public static String methods(StudyResult result, String language) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : view(result, language).words().methods()) {
            html.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        return html.toString();
    }

    private static ResultView view(StudyResult result, String language) {
        return new ResultView(result, Messages.forLanguage(language));
    }

    private static void td(StringBuilder html, TextCell cell, Footnotes notes, int rowspan) {
        html.append("<td class=\"num\"");
        if (rowspan > 1) {
            html.append(" rowspan=\"").append(rowspan).append('"');
        }
        html.append('>').append(escape(cell.text()));
        int n = notes.of(cell);
        if (n > 0) {
            String text = notes.display(cell.isMissing() ? cell.reason() : cell.note());
            html.append("<sup><a href=\"#").append(notes.idPrefix()).append(n).append("\" title=\"").append(escape(text))
                    .append("\">").append(n).append("</a></sup>");
        }
        html.append("</td>");
    }

    private static void footnotes(StringBuilder html, Footnotes notes) {
        if (notes.isEmpty()) {
            return;
        }
        html.append("<ol class=\"footnotes\">\n");
        List<Footnotes.Entry> entries = notes.entries();
        for (int i = 0; i < entries.size(); i++) {
            html.append("<li id=\"").append(notes.idPrefix()).append(i + 1).append("\">")
                    .append(escape(Footnotes.text(entries.get(i)))).append("</li>\n");
        }
        html.append("</ol>\n");
    }
}
