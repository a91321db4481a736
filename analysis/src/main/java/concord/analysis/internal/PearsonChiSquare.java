package concord.analysis.internal;

import concord.analysis.ChiSquareResult;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson chi-square on a {@link BandTable}: χ² = Σ (O − E)² / E with E = row total · column total / N,
 * df = (r − 1)(c − 1), no continuity correction (SPSS Crosstabs "Pearson Chi-Square").
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
        double statistic = 0;
        int below5 = 0;
        double minExpected = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rowTotals.length; i++) {
            for (int j = 0; j < columnTotals.length; j++) {
                double expected = rowTotals[i] * (double) columnTotals[j] / n;
                double d = table.count(i, j) - expected;
                statistic += d * d / expected;
                if (expected < 5) {
                    below5++;
                }
                minExpected = Math.min(minExpected, expected);
            }
        }
        int r = rowTotals.length;
        int c = columnTotals.length;
        int df = (r - 1) * (c - 1);
        double p = ChiSquaredDistribution.of(df).survivalProbability(statistic);
        double cramersV = Math.sqrt(statistic / (n * (Math.min(r, c) - 1)));
        return Computed.of(new ChiSquareResult(statistic, df, p, below5, 100.0 * below5 / (r * c), minExpected,
                cramersV, table.rows(), table.bands()));
    }
}
