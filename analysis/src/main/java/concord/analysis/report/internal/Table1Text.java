package concord.analysis.report.internal;

import concord.analysis.Band;
import concord.analysis.FisherExactResult;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeComparison;
import concord.analysis.OutcomeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Table 1 as formatted text, shared by the HTML and PDF reports: per outcome and group the band
 * percentages, mean (SD), median (Q1, Q3) and consensus; per outcome the between-group tests.
 */
public final class Table1Text {

    private final ResultView view;

    public Table1Text(ResultView view) {
        this.view = view;
    }

    public List<String> groupHeaders() {
        ReportWords w = view.words();
        List<String> headers = new ArrayList<>(List.of(w.text("column.n")));
        for (Band band : ResultView.bandsTopFirst()) {
            headers.add(w.format("column.band", "band", view.bandRange(band)));
        }
        headers.addAll(List.of(w.text("column.meanSd"), w.text("column.medianQuartiles"), w.text("column.consensus")));
        return headers;
    }

    public List<String> comparisonHeaders() {
        ReportWords w = view.words();
        String rank = view.rankTestName();
        return List.of(w.text("column.chiSquareP"), w.text("column.exactP"), w.format("column.rankP", "test", rank),
                w.text("column.qChiSquare"), w.format("column.qRank", "test", rank), w.text("column.differs"));
    }

    public List<TextCell> groupCells(OutcomeResult outcome, GroupSummary group) {
        Optional<GroupStatistics> found = view.stats(outcome, group);
        List<TextCell> cells = new ArrayList<>();
        if (found.isEmpty()) {
            cells.add(TextCell.of("0"));
            for (int i = 1; i < groupHeaders().size(); i++) {
                cells.add(TextCell.missing(view.words().text("reason.noAnswers")));
            }
            return cells;
        }
        GroupStatistics stats = found.get();
        cells.add(TextCell.of(Long.toString(stats.n())));
        for (Band band : ResultView.bandsTopFirst()) {
            OptionalDouble pct = ResultView.bandPercent(stats, band);
            cells.add(pct.isPresent() ? TextCell.of(Numbers.percent(pct.getAsDouble()))
                    : TextCell.missing(Footnotes.reason(stats.notComputable(), bandKey(band))));
        }
        cells.add(meanSd(stats));
        cells.add(medianQuartiles(stats));
        cells.add(stats.consensus().map(c -> TextCell.of(view.words().consensus(c)))
                .orElseGet(() -> TextCell.missing(Footnotes.reason(stats.notComputable(), "consensus"))));
        return cells;
    }

    private static String bandKey(Band band) {
        return switch (band) {
            case TOP -> "pctTop";
            case MIDDLE -> "pctMiddle";
            case BOTTOM -> "pctBottom";
        };
    }

    private static TextCell meanSd(GroupStatistics stats) {
        if (stats.mean().isEmpty()) {
            return TextCell.missing(Footnotes.reason(stats.notComputable(), "mean"));
        }
        if (stats.sd().isEmpty()) {
            String reason = Footnotes.reason(stats.notComputable(), "sd");
            return new TextCell(Numbers.oneDecimal(stats.mean().getAsDouble()) + " (" + Numbers.NOT_COMPUTABLE + ")", reason);
        }
        return TextCell.of(Numbers.meanSd(stats.mean().getAsDouble(), stats.sd().getAsDouble()));
    }

    private static TextCell medianQuartiles(GroupStatistics stats) {
        if (stats.median().isEmpty()) {
            return TextCell.missing(Footnotes.reason(stats.notComputable(), "median"));
        }
        if (stats.q1().isEmpty() || stats.q3().isEmpty()) {
            String reason = Footnotes.reason(stats.notComputable(), "q1", "q3");
            return new TextCell(Numbers.quantile(stats.median().getAsDouble()) + " (" + Numbers.NOT_COMPUTABLE + ")", reason);
        }
        return TextCell.of(Numbers.medianQuartiles(stats.median().getAsDouble(), stats.q1().getAsDouble(), stats.q3().getAsDouble()));
    }

    public List<TextCell> comparisonCells(OutcomeResult outcome) {
        OutcomeComparison comparison = outcome.comparison();
        List<TextCell> cells = new ArrayList<>();
        cells.add(comparison.chiSquare().map(c -> TextCell.of(Numbers.p(c.p())))
                .orElseGet(() -> TextCell.missing(Footnotes.reason(comparison.notComputable(), "chiSquare"))));
        cells.add(comparison.fisherExact().map(this::exactP)
                .orElseGet(() -> TextCell.missing(Footnotes.reason(comparison.notComputable(), "fisherExactP"))));
        OptionalDouble rankP = comparison.rankTestP();
        cells.add(rankP.isPresent() ? TextCell.of(Numbers.p(rankP.getAsDouble()))
                : TextCell.missing(Footnotes.reason(comparison.notComputable(), view.groups().size() == 2 ? "mannWhitney" : "kruskalWallis")));
        cells.add(q(comparison.qValues().chiSquare(), comparison, "qValues.chiSquare"));
        cells.add(q(comparison.qValues().rankTest(), comparison, "qValues.rankTest"));
        cells.add(TextCell.of(view.words().text(comparison.differs() ? "yes" : "no")));
        return cells;
    }

    /** The Fisher–Freeman–Halton p; a Monte Carlo estimate carries its interval, samples and seed as a footnote. */
    private TextCell exactP(FisherExactResult f) {
        return f.exact() ? TextCell.of(Numbers.p(f.p())) : TextCell.noted(Numbers.p(f.p()), view.words().monteCarloNote(f));
    }

    private static TextCell q(OptionalDouble q, OutcomeComparison comparison, String key) {
        return q.isPresent() ? TextCell.of(Numbers.p(q.getAsDouble()))
                : TextCell.missing(Footnotes.reason(comparison.notComputable(), key));
    }
}
