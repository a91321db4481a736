package concord.analysis.reconstruction.internal;

import concord.analysis.Band;
import concord.analysis.ScoreHistogram;
import concord.analysis.reconstruction.PrintedNumber;
import concord.analysis.reconstruction.PublishedRow;
import concord.analysis.reconstruction.Statistic;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The readable printed cells of one row, each a constraint on a histogram at its own printed
 * precision. All statistics come from {@link ScoreHistogram}; this class only compares.
 */
public final class RowCells {

    private final Map<Statistic, PrintedNumber> cells;

    private RowCells(Map<Statistic, PrintedNumber> cells) {
        this.cells = cells;
    }

    /** Every printed cell of the row that reads as a number. */
    public static RowCells of(PublishedRow row) {
        EnumMap<Statistic, PrintedNumber> cells = new EnumMap<>(Statistic.class);
        for (Statistic s : Statistic.values()) {
            PrintedNumber p = s.printedIn(row);
            if (p.present()) {
                cells.put(s, p);
            }
        }
        return new RowCells(Collections.unmodifiableMap(cells));
    }

    /** The same cells less {@code dropped}. */
    public RowCells without(Collection<Statistic> dropped) {
        EnumMap<Statistic, PrintedNumber> copy = new EnumMap<>(Statistic.class);
        copy.putAll(cells);
        dropped.forEach(copy::remove);
        return new RowCells(Collections.unmodifiableMap(copy));
    }

    /** The same cells with {@code s} printed as {@code printed}. */
    public RowCells withCell(Statistic s, PrintedNumber printed) {
        EnumMap<Statistic, PrintedNumber> copy = new EnumMap<>(Statistic.class);
        copy.putAll(cells);
        copy.put(s, printed);
        return new RowCells(Collections.unmodifiableMap(copy));
    }

    public Set<Statistic> statistics() {
        return cells.keySet();
    }

    public boolean has(Statistic s) {
        return cells.containsKey(s);
    }

    public PrintedNumber printed(Statistic s) {
        return cells.get(s);
    }

    /** Whether {@code count} answers of {@code n} in {@code band} print as the band's percentage (or it is not printed). */
    public boolean percentFits(Band band, int count, int n) {
        PrintedNumber p = cells.get(Statistic.percentOf(band));
        return p == null || p.agrees(100.0 * count / n);
    }

    /** Whether the histogram reproduces every printed mean, SD, median and quartile. */
    public boolean descriptivesFit(ScoreHistogram h) {
        for (Map.Entry<Statistic, PrintedNumber> c : cells.entrySet()) {
            if (!c.getKey().isPercent() && !c.getValue().agrees(value(c.getKey(), h))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the histogram reproduces every printed cell. */
    public boolean fits(ScoreHistogram h) {
        for (Map.Entry<Statistic, PrintedNumber> c : cells.entrySet()) {
            if (!c.getValue().agrees(value(c.getKey(), h))) {
                return false;
            }
        }
        return true;
    }

    /** The printed cells the histogram does not reproduce, in statistic order. */
    public List<Statistic> misses(ScoreHistogram h) {
        return cells.entrySet().stream().filter(c -> !c.getValue().agrees(value(c.getKey(), h)))
                .map(Map.Entry::getKey).toList();
    }

    /** A statistic of a histogram (NaN where undefined, e.g. the SD of one answer). */
    public static double value(Statistic statistic, ScoreHistogram h) {
        OptionalDouble v = switch (statistic) {
            case PERCENT_TOP, PERCENT_MIDDLE, PERCENT_BOTTOM -> h.validPercent(statistic.band());
            case MEAN -> h.mean();
            case SD -> h.standardDeviation();
            case MEDIAN -> h.median();
            case Q1 -> h.q1();
            case Q3 -> h.q3();
        };
        return v.orElse(Double.NaN);
    }
}
