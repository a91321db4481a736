package concord.analysis.internal;

import concord.analysis.ChiSquareResult;
import concord.analysis.ChiSquareStatistic;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

import java.util.Optional;

/**
 * SPSS Crosstabs "Chi-Square Tests" on a {@link BandTable}: Pearson χ² = Σ (O − E)² / E with
 * E = row total · column total / N and df = (r − 1)(c − 1), no continuity correction; plus the
 * likelihood ratio, Yates' continuity correction (2 × 2 only) and the linear-by-linear association.
 */
public final class PearsonChiSquare {

    private PearsonChiSquare() {
    }

    public static Computed<ChiSquareResult> test(BandTable table) {
        String degenerate = table.degenerateReason();
        if (degenerate != null) {
            return Computed.notComputable(degenerate);
        }
        long[] rowTotals = table.rowTotals();
        long[] columnTotals = table.columnTotals();
        double n = table.total();
        double pearson = 0;
        double g = 0;
        double yates = 0;
        int below5 = 0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rowTotals.length; i++) {
            for (int j = 0; j < columnTotals.length; j++) {
                double expected = rowTotals[i] * (double) columnTotals[j] / n;
                long observed = table.count(i, j);
                double d = observed - expected;
                pearson += d * d / expected;
                if (observed > 0) {
                    g += 2 * observed * Math.log(observed / expected);
                }
                double corrected = Math.max(0, Math.abs(d) - 0.5);
                yates += corrected * corrected / expected;
                if (expected < 5) {
                    below5++;
                }
                minExpected = Math.min(minExpected, expected);
            }
        }
        int r = rowTotals.length;
        int c = columnTotals.length;
        int df = (r - 1) * (c - 1);
        double cramersV = Math.sqrt(pearson / (n * (Math.min(r, c) - 1)));
        Optional<ChiSquareStatistic> continuity = r == 2 && c == 2 ? Optional.of(row(yates, 1)) : Optional.empty();
        return Computed.of(new ChiSquareResult(pearson, df, upperTail(pearson, df), below5, 100.0 * below5 / (r * c),
                minExpected, cramersV, table.rows(), table.bands(), Optional.of(row(g, df)), continuity,
                linearByLinear(table, n)));
    }

    /** (N − 1) r² with row scores 1, 2, … and column scores = band code (bottom 1, middle 2, top 3). */
    private static Optional<ChiSquareStatistic> linearByLinear(BandTable table, double n) {
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < table.rows().size(); i++) {
            double x = i + 1;
            for (int j = 0; j < table.bands().size(); j++) {
                double y = table.bands().get(j).ordinal() + 1;
                double w = table.count(i, j);
                sx += w * x;
                sy += w * y;
                sxx += w * x * x;
                syy += w * y * y;
                sxy += w * x * y;
            }
        }
        double covariance = sxy - sx * sy / n;
        double varX = sxx - sx * sx / n;
        double varY = syy - sy * sy / n;
        if (varX <= 0 || varY <= 0 || n < 2) {
            return Optional.empty();
        }
        double correlation = covariance / Math.sqrt(varX * varY);
        return Optional.of(row((n - 1) * correlation * correlation, 1));
    }

    private static ChiSquareStatistic row(double statistic, int df) {
        return new ChiSquareStatistic(statistic, df, upperTail(statistic, df));
    }

    private static double upperTail(double statistic, int df) {
        return ChiSquaredDistribution.of(df).survivalProbability(statistic);
    }
}
