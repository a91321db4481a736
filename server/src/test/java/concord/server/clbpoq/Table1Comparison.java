package concord.server.clbpoq;

import concord.analysis.GroupStatistics;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.reconstruction.PrintedNumber;
import concord.analysis.reconstruction.PublishedRow;
import concord.analysis.reconstruction.PublishedTable;
import concord.analysis.reconstruction.Statistic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The paper's Table 1 next to the engine's recomputation, cell by cell, with every cell that differs
 * beyond its printed rounding flagged (each number at its own printed precision: a mean printed "8"
 * agrees with 7.88; the recomputed value is shown at the printed precision).
 */
final class Table1Comparison {

    /** One compared cell. */
    record Cell(PublishedRow row, String column, String printed, String recomputed, boolean agrees) {
    }

    private final List<Cell> cells = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    Table1Comparison(PublishedTable table, StudyResult result) {
        text.append(String.format(Locale.ROOT, "%-36s %-7s %3s | %-13s | %-13s | %-13s | %-17s | %-27s | %-15s | %-15s | %-15s%n",
                "Outcome", "Group", "n", "% 7-9", "% 4-6", "% 1-3", "mean(SD)", "median(q1,q3)", "P chi-square",
                "P vs FFH exact", "P rank-sum"));
        text.append(String.format(Locale.ROOT, "%-48s | %-13s | %-13s | %-13s | %-17s | %-27s | %-15s | %-15s | %-15s%n",
                "", "paper  ours", "paper  ours", "paper  ours", "paper    ours", "paper       ours",
                "paper  Pearson", "paper  FFH", "paper  ours"));
        for (PublishedRow row : table.rows()) {
            OutcomeResult outcome = result.outcomes().stream()
                    .filter(o -> o.outcome().label().equals(row.outcome())).findFirst().orElseThrow(() ->
                            new IllegalStateException("The engine has no outcome labelled '" + row.outcome() + "'"));
            GroupStatistics g = outcome.groups().get(row.group());
            List<Cell> line = new ArrayList<>();
            line.add(number(row, "% 7-9", Statistic.PERCENT_TOP, g.pctTop()));
            line.add(number(row, "% 4-6", Statistic.PERCENT_MIDDLE, g.pctMiddle()));
            line.add(number(row, "% 1-3", Statistic.PERCENT_BOTTOM, g.pctBottom()));
            line.add(meanSd(row, g));
            line.add(quartiles(row, g));
            boolean bearsP = !row.pChiSquare().isEmpty() || !row.pRankSum().isEmpty();
            line.add(bearsP ? p(row, "P chi-square", row.pChiSquare(),
                    outcome.comparison().chiSquare().map(c -> OptionalDouble.of(c.p())).orElse(OptionalDouble.empty()))
                    : new Cell(row, "P chi-square", "", "", true));
            line.add(bearsP ? p(row, "P exact (FFH)", row.pChiSquare(), outcome.comparison().fisherExact()
                    .map(f -> OptionalDouble.of(f.p())).orElse(OptionalDouble.empty()))
                    : new Cell(row, "P exact (FFH)", "", "", true));
            line.add(bearsP ? p(row, "P rank-sum", row.pRankSum(), outcome.comparison().rankTestP())
                    : new Cell(row, "P rank-sum", "", "", true));
            cells.addAll(line);
            text.append(String.format(Locale.ROOT, "%-36.36s %-7s %3d", row.outcome(), row.group(), g.n()));
            int[] widths = {13, 13, 13, 17, 27, 15, 15, 15};
            for (int i = 0; i < line.size(); i++) {
                Cell c = line.get(i);
                String pair = c.printed().isEmpty() && c.recomputed().isEmpty() ? ""
                        : c.printed() + (c.agrees() ? "  " : " *") + c.recomputed();
                text.append(" | ").append(String.format(Locale.ROOT, "%-" + widths[i] + "s", pair));
            }
            text.append('\n');
        }
    }

    List<Cell> cells() {
        return cells;
    }

    /** Cells that differ beyond rounding; the FFH column is an alternative reading of the printed P, not a flag. */
    List<Cell> flagged() {
        return cells.stream().filter(c -> !c.agrees() && !c.column().equals("P exact (FFH)")).toList();
    }

    String table() {
        return text.toString();
    }

    private static Cell number(PublishedRow row, String column, Statistic s, OptionalDouble actual) {
        PrintedNumber printed = s.printedIn(row);
        double v = actual.orElse(Double.NaN);
        return new Cell(row, column, printed.text(), fixed(v, 1), printed.agrees(v));
    }

    private static Cell meanSd(PublishedRow row, GroupStatistics g) {
        double mean = g.mean().orElse(Double.NaN);
        double sd = g.sd().orElse(Double.NaN);
        boolean agrees = row.mean().agrees(mean) && row.sd().agrees(sd);
        return new Cell(row, "mean(SD)", row.meanSdCell(),
                fixed(mean, row.mean().decimals()) + "(" + fixed(sd, row.sd().decimals()) + ")", agrees);
    }

    private static Cell quartiles(PublishedRow row, GroupStatistics g) {
        double median = g.median().orElse(Double.NaN);
        double q1 = g.q1().orElse(Double.NaN);
        double q3 = g.q3().orElse(Double.NaN);
        String printed = row.median().text() + "(" + row.q1().text() + "," + row.q3().text() + ")";
        boolean garbled = row.problems().stream().anyMatch(p -> p.contains("garbled"));
        boolean agrees = row.median().agrees(median) && row.q1().agrees(q1) && row.q3().agrees(q3);
        // a garbled cell is shown as printed and flagged even when its repaired reading agrees
        return new Cell(row, "median(q1,q3)", garbled ? row.quartilesCell() : printed,
                quantile(median) + "(" + quantile(q1) + "," + quantile(q3) + ")", agrees && !garbled);
    }

    private static Cell p(PublishedRow row, String column, String printedText, OptionalDouble actual) {
        String recomputed = actual.isPresent() ? formatP(actual.getAsDouble()) : "–";
        if (printedText.isEmpty()) {
            return new Cell(row, column, "", recomputed, true);
        }
        boolean agrees;
        if (printedText.startsWith("<")) {
            PrintedNumber bound = PrintedNumber.parse(printedText.substring(1));
            agrees = actual.isPresent() && actual.getAsDouble() < bound.value();
        } else {
            agrees = actual.isPresent() && PrintedNumber.parse(printedText).agrees(actual.getAsDouble(), 3);
        }
        return new Cell(row, column, printedText, recomputed, agrees);
    }

    /** SPSS 26 style with a leading zero, as the paper prints: 3 decimals, "<0.001" below 0.001. */
    static String formatP(double p) {
        return p < 0.001 ? "<0.001" : fixed(p, 3);
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static String quantile(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static <T> Map<String, Long> countBy(List<T> items, Function<T, String> key) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        items.forEach(i -> counts.merge(key.apply(i), 1L, Long::sum));
        return counts;
    }
}
