package concord.server.publish;

import concord.analysis.StudyResult;
import concord.analysis.report.HtmlTables;
import concord.analysis.report.ReportMessages;

import java.util.List;

/**
 * The body of a REDCap Project Dashboard over the results instruments, for an admin to paste once
 * (REDCap has no API for dashboards). It uses Smart Functions, Smart Tables and Smart Charts, so it
 * follows every later run without being edited: the summary reads {@code concord_results} (one record)
 * with {@code aggregate-max}, the tables and charts read the {@code concord_outcome_results} instances
 * (two groups: their doctor/patient role fields) or the {@code concord_group_results} instances (three
 * or more groups).
 */
public final class DashboardBody {
    public static final String FILE_NAME = "project-dashboard.html";

    private DashboardBody() {
    }

    public static String html(StudyResult result) {
        return (result.groups().size() == 2 ? twoGroups(result) : manyGroups(result)) + rounds(result);
    }

    /**
     * The body in the project's report language: English as {@link #html(StudyResult)}; another language from the
     * {@code redcap.*} keys of the reports' translation files (Smart Functions and field names unchanged).
     */
    public static String html(StudyResult result, String language) {
        ReportMessages w = ReportMessages.forLanguage(language);
        if (w.language().equals("en")) {
            return html(result);
        }
        StringBuilder html = new StringBuilder(4096);
        String title = escape(result.title());
        if (result.groups().size() == 2) {
            List<String> labels = ResultsRecord.roles(result).stream().map(g -> escape(g.label())).toList();
            String first = labels.get(0);
            String second = labels.get(1);
            html.append(w.text("redcap.commentTwo")).append('\n')
                    .append("<h3>").append(w.format("redcap.titleTwo", "title", title, "first", first, "second", second)).append("</h3>\n")
                    .append("<p>").append(w.format("redcap.latestTwo", "first", first, "second", second)).append("</p>\n")
                    .append("<p>").append(w.text("redcap.criticalTwo")).append("</p>\n")
                    .append("<h4>").append(w.text("redcap.verdict")).append("</h4>\n[bar-chart:or_verdict:bar-vertical]\n")
                    .append("<h4>").append(w.format("redcap.consensusOf", "group", first)).append("</h4>\n[pie-chart:or_doctor_consensus]\n")
                    .append("<h4>").append(w.format("redcap.consensusOf", "group", second)).append("</h4>\n[pie-chart:or_patient_consensus]\n")
                    .append("<h4>").append(w.text("redcap.shareTwo")).append("</h4>\n")
                    .append("[stats-table:or_doctor_pct_critical,or_patient_pct_critical:count,min,median,mean,max]\n")
                    .append("<h4>").append(w.format("redcap.meansTwo", "first", first, "second", second)).append("</h4>\n")
                    .append("[scatter-plot:or_doctor_mean,or_patient_mean]\n")
                    .append("<p>").append(w.text("redcap.filesTwo")).append("</p>\n");
        } else {
            List<String> labels = result.groups().stream().map(g -> escape(g.label())).toList();
            html.append(w.text("redcap.commentMany")).append('\n')
                    .append("<h3>").append(w.format("redcap.titleMany", "title", title, "groups", String.join(w.text("delphi.labelSeparator"),
                            labels))).append("</h3>\n")
                    .append("<p>").append(w.format("redcap.latestMany", "count", labels.size())).append("</p>\n")
                    .append("<p>").append(w.text("redcap.criticalMany")).append("</p>\n")
                    .append("<h4>").append(w.text("redcap.verdict")).append("</h4>\n[bar-chart:or_verdict:bar-vertical]\n")
                    .append("<h4>").append(w.text("redcap.consensusAll")).append("</h4>\n[pie-chart:gr_consensus]\n")
                    .append("<h4>").append(w.text("redcap.shareMany")).append("</h4>\n")
                    .append("[stats-table:gr_pct_critical,gr_mean,gr_median:count,min,median,mean,max]\n")
                    .append("<h4>").append(w.text("redcap.meansMany")).append("</h4>\n[scatter-plot:gr_mean,gr_pct_critical]\n")
                    .append("<p>").append(w.text("redcap.filesMany")).append("</p>\n");
        }
        result.delphi().ifPresent(d -> {
            List<String> rounds = d.rounds().stream().map(r -> escape(r.round().label())).toList();
            html.append("<h4>").append(escape(HtmlTables.roundsHeading(language))).append("</h4>\n<p>")
                    .append(w.format("redcap.rounds", "count", rounds.size(), "labels", String.join(w.text("delphi.labelSeparator"), rounds),
                            "section", escape(HtmlTables.roundsHeading(language)))).append("</p>\n");
        });
        return html.toString();
    }

    /**
     * A Delphi study: what the figures above are and where the rounds view is. The body is pasted once and the
     * results instruments hold the latest round only, so it names the rounds rather than printing figures that
     * would go stale.
     */
    private static String rounds(StudyResult result) {
        if (result.delphi().isEmpty()) {
            return "";
        }
        List<String> labels = result.delphi().get().rounds().stream().map(r -> escape(r.round().label())).toList();
        return """
                <h4>%1$s</h4>
                <p>A Delphi study in %2$d rounds (%3$s): the figures above are those of the latest round with answers.
                   The rounds view (consensus per outcome, group and round, stability between the latest two rounds, the
                   stopping advice, response per round and group, and the drop-outs' round-1 ratings) is in the "%1$s"
                   section of every report, the Rounds sheet of the Excel report and rounds.csv in the File Repository,
                   and on the Concord dashboard.</p>
                """.formatted(escape(concord.analysis.report.HtmlTables.ROUNDS_HEADING), labels.size(), String.join(", ", labels));
    }

    /** Two groups: the role fields of {@code concord_outcome_results}, one chart per group. */
    private static String twoGroups(StudyResult result) {
        List<String> labels = ResultsRecord.roles(result).stream().map(g -> escape(g.label())).toList();
        String first = labels.get(0);
        String second = labels.get(1);
        return """
                <!-- Concord: paste into Project Dashboards > Create new dashboard (HTML editor). It reads the
                     concord_results and concord_outcome_results instruments written by every run. -->
                <h3>%1$s: do %2$s and %3$s value the same outcomes?</h3>
                <p>Latest run <b>[aggregate-max:concord_run_id]</b>:
                   <b>[aggregate-max:concord_outcomes]</b> outcomes rated by <b>[aggregate-max:concord_n_doctor]</b> %2$s and
                   <b>[aggregate-max:concord_n_patient]</b> %3$s.</p>
                <p>Critical for both groups: <b>[aggregate-max:concord_critical_both]</b> outcomes.
                   The groups differ on <b>[aggregate-max:concord_differing]</b> outcomes
                   (consensus classification, chi-square or rank-sum test).</p>
                <h4>Verdict per outcome</h4>
                [bar-chart:or_verdict:bar-vertical]
                <h4>Consensus: %2$s</h4>
                [pie-chart:or_doctor_consensus]
                <h4>Consensus: %3$s</h4>
                [pie-chart:or_patient_consensus]
                <h4>Share rating 7-9 (critically important), across outcomes</h4>
                [stats-table:or_doctor_pct_critical,or_patient_pct_critical:count,min,median,mean,max]
                <h4>Mean scores, %2$s against %3$s</h4>
                [scatter-plot:or_doctor_mean,or_patient_mean]
                <p>The full report (HTML, PDF, Excel, CSV) is in the File Repository; the PDF is also attached
                   to the results record. Figures refresh when the dashboard cache does (at most every 10 minutes).</p>
                """.formatted(escape(result.title()), first, second);
    }

    /**
     * Three or more groups: no role fields fit, so the per-group figures come from the
     * {@code concord_group_results} instances (one per outcome and group). Smart Functions cannot filter
     * instances by a field's value, so the charts pool the groups; the reports break them down.
     */
    private static String manyGroups(StudyResult result) {
        List<String> labels = result.groups().stream().map(g -> escape(g.label())).toList();
        String named = String.join(", ", labels.subList(0, labels.size() - 1)) + " and " + labels.get(labels.size() - 1);
        return """
                <!-- Concord: paste into Project Dashboards > Create new dashboard (HTML editor). It reads the
                     concord_results, concord_outcome_results and concord_group_results instruments written by every run. -->
                <h3>%1$s: do %2$s value the same outcomes?</h3>
                <p>Latest run <b>[aggregate-max:concord_run_id]</b>:
                   <b>[aggregate-max:concord_outcomes]</b> outcomes rated by <b>[aggregate-max:concord_records]</b>
                   participants in %3$d groups.</p>
                <p>Critical for all groups: <b>[aggregate-max:concord_critical_both]</b> outcomes.
                   The groups differ on <b>[aggregate-max:concord_differing]</b> outcomes
                   (consensus classification, chi-square or Kruskal-Wallis test).</p>
                <h4>Verdict per outcome</h4>
                [bar-chart:or_verdict:bar-vertical]
                <h4>Consensus, every outcome and group</h4>
                [pie-chart:gr_consensus]
                <h4>Share rating 7-9, mean and median, every outcome and group</h4>
                [stats-table:gr_pct_critical,gr_mean,gr_median:count,min,median,mean,max]
                <h4>Mean score against share rating 7-9, every outcome and group</h4>
                [scatter-plot:gr_mean,gr_pct_critical]
                <p>Each group's figures per outcome are in the Concord Group Results instances of the results record;
                   the full report (HTML, PDF, Excel, CSV) is in the File Repository. Figures refresh when the
                   dashboard cache does (at most every 10 minutes).</p>
                """.formatted(escape(result.title()), named, labels.size());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("[", "&#91;").replace("]", "&#93;");
    }
}
