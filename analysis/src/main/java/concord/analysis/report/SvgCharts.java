package concord.analysis.report;

import concord.analysis.StudyResult;
import concord.analysis.internal.Messages;
import concord.analysis.report.internal.ConsensusMatrixChart;
import concord.analysis.report.internal.DomainSummaryChart;
import concord.analysis.report.internal.Figure2Chart;
import concord.analysis.report.internal.ResultView;
import concord.analysis.report.internal.Svg;

/**
 * The report's charts as standalone inline SVG ({@code <svg role="img">} with title and
 * description, no scripts, no external references), for the HTML report and the web dashboard.
 * Every label is escaped. {@code idPrefix} keeps element ids unique when several charts share a
 * page. The words are English, or in the language given ({@code "zh"}).
 */
public final class SvgCharts {

    private SvgCharts() {
    }

    /** Figure 2 of the paper: band percentages and mean scores of the outcomes that differ. */
    public static String figure2(StudyResult result, String idPrefix) {
        return figure2(result, idPrefix, Messages.ENGLISH);
    }

    public static String figure2(StudyResult result, String idPrefix, String language) {
        ResultView view = new ResultView(result, Messages.forLanguage(language));
        Figure2Chart chart = new Figure2Chart(view, result.differingOutcomes());
        Svg svg = new Svg(idPrefix + "-figure2", Figure2Chart.WIDTH, chart.height(), chart.title(), chart.description());
        chart.draw(svg);
        return svg.build();
    }

    /** Which outcomes are critical for both groups, only one, or neither. */
    public static String consensusMatrix(StudyResult result, String idPrefix) {
        return consensusMatrix(result, idPrefix, Messages.ENGLISH);
    }

    public static String consensusMatrix(StudyResult result, String idPrefix, String language) {
        ConsensusMatrixChart chart = new ConsensusMatrixChart(new ResultView(result, Messages.forLanguage(language)));
        Svg svg = new Svg(idPrefix + "-consensus", ConsensusMatrixChart.WIDTH, chart.height(), chart.title(), chart.description());
        chart.draw(svg);
        return svg.build();
    }

    /** Per domain: outcomes, critical outcomes per group, differing outcomes. */
    public static String domainSummary(StudyResult result, String idPrefix) {
        return domainSummary(result, idPrefix, Messages.ENGLISH);
    }

    public static String domainSummary(StudyResult result, String idPrefix, String language) {
        DomainSummaryChart chart = new DomainSummaryChart(new ResultView(result, Messages.forLanguage(language)));
        Svg svg = new Svg(idPrefix + "-domains", DomainSummaryChart.WIDTH, chart.height(), chart.title(), chart.description());
        chart.draw(svg);
        return svg.build();
    }
}
