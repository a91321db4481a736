package concord.analysis.report.internal;

import concord.analysis.GroupSummary;
import concord.analysis.Outcome;
import concord.analysis.RoundResponse;
import concord.analysis.StoppingAdvice;
import concord.analysis.report.internal.CsvWriter.Cell;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The rounds view as one long CSV for further analysis: one row per figure, named by
 * {@code table}, outcome, group, round and {@code measure}, its {@code value} at full precision
 * (empty when not computable). Tables: {@code consensus}, {@code stability}, {@code response},
 * {@code dropout}, {@code advice}; docs/reports.md lists the measures.
 */
public final class RoundsCsv {
    public static final List<String> HEADER = List.of("table", "outcome_field", "outcome", "group_code", "group", "round",
            "measure", "value");

    private final RoundsView view;
    private final List<GroupSummary> groups;
    private CsvWriter csv;

    public RoundsCsv(RoundsView view, List<GroupSummary> groups) {
        this.view = view;
        this.groups = groups;
    }

    public void write(OutputStream out) throws IOException {
        try (CsvWriter writer = new CsvWriter(out)) {
            csv = writer;
            csv.row(HEADER.stream().map(Cell::text).toList());
            for (RoundsView.ConsensusRow row : view.consensus()) {
                for (int r = 0; r < row.byRound().size(); r++) {
                    row("consensus", row.outcome(), row.group(), Integer.toString(r + 1), "consensus",
                            Cell.text(row.byRound().get(r).map(c -> c.code()).orElse("")));
                }
                row("consensus", row.outcome(), row.group(), "", "consensus_reached_in_round", count(row.reachedIn()));
            }
            for (RoundsView.StabilityRow row : view.stability()) {
                String round = row.change().map(c -> Integer.toString(c.toRound())).orElse("");
                row("stability", row.outcome(), row.group(), round, "from_round",
                        row.change().map(c -> Cell.number(Integer.toString(c.fromRound()))).orElse(Cell.empty()));
                row("stability", row.outcome(), row.group(), round, "pairs", Cell.number(Long.toString(row.pairs())));
                row("stability", row.outcome(), row.group(), round, "wilcoxon_p", number(row.wilcoxonP()));
                row("stability", row.outcome(), row.group(), round, "pct_changed_band", number(row.pctChangedBand()));
                row("stability", row.outcome(), row.group(), round, "stable", Cell.text(row.stable().map(String::valueOf).orElse("")));
                row("stability", row.outcome(), row.group(), round, "reasons", Cell.text(row.why()));
            }
            for (RoundsView.ResponseRow row : view.response()) {
                row("response", null, row.group(), "", "panel", Cell.number(Long.toString(row.panel())));
                row("response", null, row.group(), "", "completers", Cell.number(Long.toString(row.completers())));
                row("response", null, row.group(), "", "dropouts", Cell.number(Long.toString(row.dropouts())));
                for (RoundResponse r : row.rounds()) {
                    String round = Integer.toString(r.round());
                    row("response", null, row.group(), round, "respondents", Cell.number(Long.toString(r.respondents())));
                    row("response", null, row.group(), round, "pct_of_panel", number(r.pctOfPanel()));
                    row("response", null, row.group(), round, "pct_of_first_round", number(r.pctOfFirstRound()));
                    row("response", null, row.group(), round, "pct_of_previous", number(r.pctOfPrevious()));
                }
            }
            for (RoundsView.DropoutRow row : view.dropouts()) {
                row("dropout", row.outcome(), row.group(), "1", "completers_n", Cell.number(Long.toString(row.completers())));
                row("dropout", row.outcome(), row.group(), "1", "dropouts_n", Cell.number(Long.toString(row.dropouts())));
                row("dropout", row.outcome(), row.group(), "1", "mann_whitney_p", number(row.p()));
                row("dropout", row.outcome(), row.group(), "1", "q", number(row.q()));
                row("dropout", row.outcome(), row.group(), "1", "flagged", Cell.text(Boolean.toString(row.flagged())));
                if (!row.why().isEmpty()) {
                    row("dropout", row.outcome(), row.group(), "1", "not_computable", Cell.text(row.why()));
                }
            }
            StoppingAdvice a = view.advice();
            String last = Integer.toString(a.lastRound());
            row("advice", null, null, last, "decision", Cell.text(a.decision().code()));
            row("advice", null, null, last, "stable", Cell.number(Long.toString(a.stable())));
            row("advice", null, null, last, "unstable", Cell.number(Long.toString(a.unstable())));
            row("advice", null, null, last, "not_judged", Cell.number(Long.toString(a.notJudged())));
            row("advice", null, null, last, "planned_rounds", Cell.number(Integer.toString(a.plannedRounds())));
            row("advice", null, null, last, "text", Cell.text(a.text()));
        }
    }

    private void row(String table, Outcome outcome, String group, String round, String measure, Cell value) throws IOException {
        List<Cell> cells = new ArrayList<>();
        cells.add(Cell.text(table));
        cells.add(Cell.text(outcome == null ? "" : outcome.field()));
        cells.add(Cell.text(outcome == null ? "" : outcome.label()));
        cells.add(Cell.text(group == null ? "" : code(group)));
        cells.add(Cell.text(group == null ? "" : group));
        cells.add(round.isEmpty() ? Cell.empty() : Cell.number(round));
        cells.add(Cell.text(measure));
        cells.add(value);
        csv.row(cells);
    }

    private String code(String label) {
        Optional<GroupSummary> group = groups.stream().filter(g -> g.label().equals(label)).findFirst();
        return group.map(GroupSummary::code).orElse("");
    }

    private static Cell count(OptionalInt value) {
        return value.isPresent() ? Cell.number(Integer.toString(value.getAsInt())) : Cell.empty();
    }

    private static Cell number(OptionalDouble value) {
        return value.isPresent() && Double.isFinite(value.getAsDouble()) ? Cell.number(Decimals.plain(value.getAsDouble())) : Cell.empty();
    }
}
