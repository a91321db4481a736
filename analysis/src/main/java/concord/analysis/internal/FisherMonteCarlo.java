package concord.analysis.internal;

import concord.analysis.FisherExactResult;
import org.apache.commons.statistics.distribution.BetaDistribution;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded Monte Carlo estimate of the Fisher–Freeman–Halton p: random tables with the observed
 * margins (a random permutation of the N column labels dealt to the rows in order, which draws each
 * table with its hypergeometric probability), counting those no more likely than the observed one.
 * The estimate is (1 + hits) / (1 + samples), as R's {@code fisher.test(simulate.p.value = TRUE)}
 * (never 0, a valid p value); the 99% confidence interval for the exact p is the Clopper–Pearson
 * interval of hits out of samples. SPSS Exact Tests reports hits / samples with a normal-approximation
 * 99% interval, the samples and the starting seed; Concord reports the same facts.
 */
final class FisherMonteCarlo {

    private FisherMonteCarlo() {
    }

    static FisherExactResult estimate(long[][] table, double tolerance, int samples, long seed, String why) {
        int rows = table.length;
        int columns = table[0].length;
        FisherTable margins = FisherTable.of(table);
        long[] rowTotals = margins.rowTotals();
        long[] columnTotals = margins.columnTotals();
        long total = margins.total();
        double threshold = margins.observed() + tolerance;
        int n = Math.toIntExact(total);
        int[] labels = new int[n];
        int k = 0;
        for (int j = 0; j < columns; j++) {
            for (long c = 0; c < columnTotals[j]; c++) {
                labels[k++] = j;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] row = new long[columns];
        long hits = 0;
        for (int s = 0; s < samples; s++) {
            for (int i = n - 1; i > 0; i--) {
                int swap = random.nextInt(i + 1);
                int t = labels[i];
                labels[i] = labels[swap];
                labels[swap] = t;
            }
            double value = 0;
            int position = 0;
            for (int i = 0; i < rows; i++) {
                Arrays.fill(row, 0);
                for (long c = 0; c < rowTotals[i]; c++) {
                    row[labels[position++]]++;
                }
                for (long x : row) {
                    value -= LogFactorial.of(x);
                }
            }
            if (value <= threshold) {
                hits++;
            }
        }
        double alpha = 1 - FisherExactResult.CONFIDENCE_LEVEL;
        double lower = hits == 0 ? 0 : BetaDistribution.of(hits, samples - hits + 1).inverseCumulativeProbability(alpha / 2);
        double upper = hits == samples ? 1
                : BetaDistribution.of(hits + 1, samples - hits).inverseCumulativeProbability(1 - alpha / 2);
        return FisherExactResult.monteCarlo((1.0 + hits) / (1.0 + samples), samples, seed, lower, upper, why);
    }
}
