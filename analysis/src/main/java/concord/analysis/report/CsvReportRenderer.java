package concord.analysis.report;

import concord.analysis.Band;
import concord.analysis.FisherExactResult;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeComparison;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.report.internal.CsvWriter;
import concord.analysis.report.internal.CsvWriter.Cell;
import concord.analysis.report.internal.Decimals;
import concord.analysis.report.internal.ResultView;
import concord.analysis.report.internal.RoundsCsv;
import concord.analysis.report.internal.RoundsView;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Table 1 as CSV for further analysis: one row per outcome and group, the between-group results
 * repeated on each group's row. RFC 4180, UTF-8 with a byte order mark (Excel), numbers at full
 * precision as plain decimals, empty where not computable (the reason is in
 * {@code not_computable}), text cells guarded against formula injection.
 */
public final class CsvReportRenderer implements ReportRenderer {

    private CsvReportRenderer() {
    }

    public static CsvReportRenderer withDefaults() {
        return new CsvReportRenderer();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.CSV;
    }

    @Override
    public void render(StudyResult result, ReportContext context, OutputStream out) throws IOException {
        ResultView view = new ResultView(result);
        try (CsvWriter csv = new CsvWriter(out)) {
            csv.row(header(view).stream().map(Cell::text).toList());
            for (OutcomeResult outcome : result.outcomes()) {
                for (GroupSummary group : view.groups()) {
                    csv.row(row(view, outcome, group));
                }
            }
        }
    }

    /**
     * The Delphi rounds view as a second CSV (one row per figure: table, outcome, group, round, measure,
     * value; see docs/reports.md), for a Delphi result; empty for a single survey, whose CSV is unchanged.
     */
    public Optional<byte[]> rounds(StudyResult result) throws IOException {
        Optional<RoundsView> view = RoundsView.of(result);
        if (view.isEmpty()) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(16 * 1024);
        new RoundsCsv(view.get(), result.groups()).write(out);
        return Optional.of(out.toByteArray());
    }

    static List<String> header(ResultView view) {
        List<String> header = new ArrayList<>(List.of("outcome_field", "outcome", "domain", "group_code", "group", "n", "missing"));
        for (Band band : ResultView.bandsTopFirst()) {
            header.add("pct_" + view.result().scale().band(band).from() + "_" + view.result().scale().band(band).to());
        }
        header.addAll(List.of("mean", "sd", "median", "q1", "q3", "consensus",
                "chi_square", "chi_square_df", "chi_square_p", "chi_square_cells_expected_below_5", "chi_square_min_expected",
                "fisher_exact_p", "fisher_exact_method", "fisher_exact_ci99_lower", "fisher_exact_ci99_upper",
                "fisher_exact_samples", "fisher_exact_seed", "rank_test", "rank_test_statistic", "rank_test_z", "rank_test_p",
                "q_chi_square", "q_fisher_exact", "q_rank_test", "cramers_v", "effect_r", "cliffs_delta",
                "differs", "differs_reasons", "not_computable"));
        return header;
    }

    private static List<Cell> row(ResultView view, OutcomeResult outcome, GroupSummary group) {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(outcome.outcome().field()));
        cells.add(Cell.text(outcome.outcome().label()));
        cells.add(Cell.text(outcome.outcome().domain()));
        cells.add(Cell.text(group.code()));
        cells.add(Cell.text(group.label()));
        Optional<GroupStatistics> found = view.stats(outcome, group);
        Map<String, String> notComputable = new TreeMap<>();
        if (found.isPresent()) {
            GroupStatistics stats = found.get();
            cells.add(Cell.number(Long.toString(stats.n())));
            cells.add(Cell.number(Long.toString(stats.missing())));
            for (Band band : ResultView.bandsTopFirst()) {
                cells.add(number(ResultView.bandPercent(stats, band)));
            }
            cells.add(number(stats.mean()));
            cells.add(number(stats.sd()));
            cells.add(number(stats.median()));
            cells.add(number(stats.q1()));
            cells.add(number(stats.q3()));
            cells.add(Cell.text(stats.consensus().map(c -> c.code()).orElse("")));
            stats.notComputable().forEach((k, v) -> notComputable.put(group.label() + " " + k, v));
        } else {
            cells.add(Cell.number("0"));
            for (int i = 0; i < 9; i++) { // missing, three bands, mean, sd, median, q1, q3
                cells.add(Cell.empty());
            }
            cells.add(Cell.text(""));
            notComputable.put(group.label(), "no answers from this group");
        }
        OutcomeComparison comparison = outcome.comparison();
        cells.add(comparison.chiSquare().map(c -> number(c.statistic())).orElse(Cell.empty()));
        cells.add(comparison.chiSquare().map(c -> Cell.number(Integer.toString(c.df()))).orElse(Cell.empty()));
        cells.add(comparison.chiSquare().map(c -> number(c.p())).orElse(Cell.empty()));
        cells.add(comparison.chiSquare().map(c -> Cell.number(Integer.toString(c.cellsExpectedBelow5()))).orElse(Cell.empty()));
        cells.add(comparison.chiSquare().map(c -> number(c.minExpected())).orElse(Cell.empty()));
        cells.add(comparison.fisherExact().map(f -> number(f.p())).orElse(Cell.empty()));
        // enumeration / network (exact) or monte_carlo with its 99% interval, samples and seed
        cells.add(Cell.text(comparison.fisherExact().map(f -> f.method().key()).orElse("")));
        Optional<FisherExactResult> estimate = comparison.fisherExact().filter(f -> !f.exact());
        cells.add(estimate.map(f -> number(f.lower())).orElse(Cell.empty()));
        cells.add(estimate.map(f -> number(f.upper())).orElse(Cell.empty()));
        cells.add(estimate.map(f -> Cell.number(Long.toString(f.count()))).orElse(Cell.empty()));
        cells.add(estimate.map(f -> Cell.number(Long.toString(f.seed()))).orElse(Cell.empty()));
        if (comparison.mannWhitney().isPresent()) {
            cells.add(Cell.text("mann_whitney"));
            cells.add(number(comparison.mannWhitney().get().u()));
            cells.add(number(comparison.mannWhitney().get().z()));
            cells.add(number(comparison.mannWhitney().get().p()));
        } else if (comparison.kruskalWallis().isPresent()) {
            cells.add(Cell.text("kruskal_wallis"));
            cells.add(number(comparison.kruskalWallis().get().h()));
            cells.add(Cell.empty());
            cells.add(number(comparison.kruskalWallis().get().p()));
        } else {
            cells.add(Cell.text(""));
            cells.add(Cell.empty());
            cells.add(Cell.empty());
            cells.add(Cell.empty());
        }
        cells.add(number(comparison.qValues().chiSquare()));
        cells.add(number(comparison.qValues().fisherExact()));
        cells.add(number(comparison.qValues().rankTest()));
        cells.add(number(comparison.effectSizes().cramersV()));
        cells.add(number(comparison.effectSizes().r()));
        cells.add(number(comparison.effectSizes().cliffsDelta()));
        cells.add(Cell.text(comparison.differs() ? "yes" : "no"));
        cells.add(Cell.text(String.join("; ", comparison.reasons())));
        comparison.notComputable().forEach((k, v) -> notComputable.put(k, v));
        List<String> reasons = new ArrayList<>();
        notComputable.forEach((k, v) -> reasons.add(k + ": " + v));
        cells.add(Cell.text(String.join("; ", reasons)));
        return cells;
    }

    private static Cell number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : Cell.empty();
    }

    private static Cell number(double value) {
        return Double.isFinite(value) ? Cell.number(Decimals.plain(value)) : Cell.empty();
    }
}
