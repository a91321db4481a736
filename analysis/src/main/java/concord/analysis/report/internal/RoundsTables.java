package concord.analysis.report.internal;

import static concord.analysis.report.internal.RoundsView.*;

import concord.analysis.Round;
import concord.analysis.RoundResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The rounds view as plain tables of formatted cells, laid out once so the HTML, PDF, DOCX and XLSX
 * renderings show the same rows and numbers: each cell keeps its display text (formatted as Table 1
 * prints numbers) and, for numbers, the value at full precision for spreadsheets.
 */
public final class RoundsTables {

    /** How a numeric cell is to be formatted in a spreadsheet. */
    public enum Kind { TEXT, COUNT, PERCENT, P }

    /** One cell: what it shows, and its value for spreadsheets when it is a number. */
    public record Cell(String text, OptionalDouble value, Kind kind) {
        static Cell text(String text) {
            return new Cell(text == null ? "" : text, OptionalDouble.empty(), Kind.TEXT);
        }

        static Cell count(long n) {
            return new Cell(Long.toString(n), OptionalDouble.of(n), Kind.COUNT);
        }

        static Cell percent(OptionalDouble value) {
            return value.isPresent() ? new Cell(Numbers.percent(value.getAsDouble()), value, Kind.PERCENT)
                    : new Cell(Numbers.NOT_COMPUTABLE, value, Kind.PERCENT);
        }

        static Cell p(OptionalDouble value) {
            return value.isPresent() ? new Cell(Numbers.p(value.getAsDouble()), value, Kind.P)
                    : new Cell(Numbers.NOT_COMPUTABLE, value, Kind.P);
        }

        public boolean isNumber() {
            return kind != Kind.TEXT;
        }
    }

    /**
     * One table: caption, column headers, rows. The first {@code rowHeaders} cells of a row name it;
     * a highlighted row is one a reader should look at (not stable, drop-outs differ).
     */
    public record Table(String id, String caption, List<String> headers, int rowHeaders, List<List<Cell>> rows,
                        List<Boolean> highlighted) {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            highlighted = List.copyOf(highlighted);
        }
    }

    private RoundsTables() {
    }

    /** The paragraphs above the tables: the stopping advice, the stability rule, the drop-outs. */
    public static List<String> paragraphs(RoundsView view) {
        return List.of(view.labelled(ADVICE, view.adviceText()), view.labelled(RULE, view.rule()), view.dropoutSentence());
    }

    /** Consensus matrix, stability, response, drop-outs per group and the drop-out comparisons, in this order. */
    public static List<Table> of(RoundsView view) {
        return List.of(consensus(view), stability(view), response(view), dropoutSummary(view), dropouts(view));
    }

    static Table consensus(RoundsView view) {
        List<String> headers = new ArrayList<>(List.of(view.t(OUTCOME), view.t(GROUP)));
        view.rounds().forEach(r -> headers.add(r.label()));
        headers.add(view.t(REACHED_IN));
        List<List<Cell>> rows = new ArrayList<>();
        List<Boolean> marks = new ArrayList<>();
        for (ConsensusRow row : view.consensus()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(row.outcome().label()), Cell.text(row.group())));
            row.byRound().forEach(c -> cells.add(Cell.text(view.consensusText(c))));
            cells.add(row.reachedIn().isPresent() ? Cell.count(row.reachedIn().getAsInt()) : Cell.text(view.t(NO_CONSENSUS)));
            rows.add(cells);
            marks.add(false);
        }
        return new Table("rounds-consensus", view.t(CONSENSUS_CAPTION), headers, 2, rows, marks);
    }

    static Table stability(RoundsView view) {
        List<String> headers = ts(view, OUTCOME, GROUP, ROUNDS, PAIRS, WILCOXON_P, CHANGED_BAND, VERDICT, WHY);
        List<List<Cell>> rows = new ArrayList<>();
        List<Boolean> marks = new ArrayList<>();
        for (StabilityRow row : view.stability()) {
            rows.add(List.of(Cell.text(row.outcome().label()), Cell.text(row.group()), Cell.text(row.rounds()),
                    Cell.count(row.pairs()), Cell.p(row.wilcoxonP()), Cell.percent(row.pctChangedBand()),
                    Cell.text(view.verdictText(row.stable())), Cell.text(row.why())));
            marks.add(row.stable().equals(Optional.of(false)));
        }
        return new Table("rounds-stability", view.t(STABILITY_CAPTION), headers, 2, rows, marks);
    }

    static Table response(RoundsView view) {
        List<String> headers = ts(view, GROUP, ROUND, PANEL, RESPONDENTS, PCT_OF_PANEL, PCT_OF_FIRST, PCT_OF_PREVIOUS);
        List<Round> rounds = view.rounds();
        List<List<Cell>> rows = new ArrayList<>();
        List<Boolean> marks = new ArrayList<>();
        for (ResponseRow row : view.response()) {
            for (RoundResponse r : row.rounds()) {
                String label = r.round() >= 1 && r.round() <= rounds.size() ? rounds.get(r.round() - 1).label() : Integer.toString(r.round());
                rows.add(List.of(Cell.text(row.group()), Cell.text(label), Cell.count(row.panel()), Cell.count(r.respondents()),
                        Cell.percent(r.pctOfPanel()), Cell.percent(r.pctOfFirstRound()), Cell.percent(r.pctOfPrevious())));
                marks.add(false);
            }
        }
        return new Table("rounds-response", view.t(RESPONSE_CAPTION), headers, 2, rows, marks);
    }

    static Table dropoutSummary(RoundsView view) {
        List<List<Cell>> rows = new ArrayList<>();
        List<Boolean> marks = new ArrayList<>();
        for (ResponseRow row : view.response()) {
            rows.add(List.of(Cell.text(row.group()), Cell.count(row.panel()), Cell.count(row.completers()), Cell.count(row.dropouts())));
            marks.add(false);
        }
        return new Table("rounds-dropout-summary", view.t(DROPOUT_SUMMARY_CAPTION), ts(view, GROUP, PANEL, COMPLETERS, DROPOUTS), 1,
                rows, marks);
    }

    static Table dropouts(RoundsView view) {
        List<String> headers = List.of(view.t(GROUP), view.t(OUTCOME), view.t(COMPLETERS) + " (n)", view.t(DROPOUTS) + " (n)",
                view.t(MANN_WHITNEY_P), view.t(Q), view.t(FLAGGED), view.t(WHY));
        List<List<Cell>> rows = new ArrayList<>();
        List<Boolean> marks = new ArrayList<>();
        for (DropoutRow row : view.dropouts()) {
            rows.add(List.of(Cell.text(row.group()), Cell.text(row.outcome().label()), Cell.count(row.completers()),
                    Cell.count(row.dropouts()), Cell.p(row.p()), Cell.p(row.q()), Cell.text(view.t(row.flagged() ? YES : NO)),
                    Cell.text(row.why())));
            marks.add(row.flagged());
        }
        return new Table("rounds-dropouts", view.t(DROPOUT_CAPTION), headers, 2, rows, marks);
    }

    private static List<String> ts(RoundsView view, String... constants) {
        return java.util.Arrays.stream(constants).map(view::t).toList();
    }
}
