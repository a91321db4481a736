package concord.analysis.reconstruction.internal;

import concord.analysis.ScoreHistogram;
import concord.analysis.reconstruction.PrintedNumber;
import concord.analysis.reconstruction.PublishedRow;
import concord.analysis.reconstruction.Statistic;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The printed descriptive statistics of one row (mean, SD, median, quartiles) as a target for
 * candidate histograms. All statistics come from {@link ScoreHistogram}; this class only compares.
 */
public final class RowTarget {

    static final List<Statistic> DESCRIPTIVE = List.of(
            Statistic.MEAN, Statistic.SD, Statistic.MEDIAN, Statistic.Q1, Statistic.Q3);

    private final PublishedRow row;

    public RowTarget(PublishedRow row) {
        this.row = row;
    }

    /** The value of a descriptive statistic in a histogram (NaN if undefined, e.g. SD of one answer). */
    public static double value(Statistic statistic, ScoreHistogram h) {
        OptionalDouble v = switch (statistic) {
            case MEAN -> h.mean();
            case SD -> h.standardDeviation();
            case MEDIAN -> h.median();
            case Q1 -> h.q1();
            case Q3 -> h.q3();
            default -> throw new IllegalArgumentException(statistic + " is not a descriptive statistic");
        };
        return v.orElse(Double.NaN);
    }

    /**
     * The fit of {@code h} on the descriptive statistics, or {@code null} as soon as it has more
     * mismatches than {@code bound} allows (the caller already has something at least as good).
     */
    public Fit fit(ScoreHistogram h, int maxMismatches) {
        int mismatches = 0;
        double excess = 0;
        for (Statistic s : DESCRIPTIVE) {
            double e = excess(s.printedIn(row), value(s, h), s.minDecimals());
            if (e > 0) {
                if (++mismatches > maxMismatches) {
                    return null;
                }
                excess += e;
            }
        }
        return new Fit(mismatches, excess);
    }

    /**
     * How far {@code actual} lies outside the rounding interval of {@code printed}, in units of the
     * printed precision; 0 when it agrees or when nothing readable was printed.
     */
    public static double excess(PrintedNumber printed, double actual, int minDecimals) {
        if (!printed.present()) {
            return 0;
        }
        if (Double.isNaN(actual)) {
            return 1;
        }
        double tolerance = printed.tolerance(minDecimals);
        double over = Math.abs(actual - printed.value()) - tolerance;
        return over <= 1e-9 ? 0 : over / (2 * tolerance);
    }
}
