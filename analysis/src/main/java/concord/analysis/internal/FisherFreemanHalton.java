package concord.analysis.internal;

import concord.analysis.FisherExactResult;

import java.util.SplittableRandom;

/**
 * Fisher's exact test for an r × c table (Fisher–Freeman–Halton; Fisher's test for 2 × 2). Under
 * fixed margins a table has probability Π Rᵢ! Π Cⱼ! / (N! Π nᵢⱼ!); the two-sided p sums the
 * probabilities of every table no more likely than the observed one, with relative tolerance 1e-7
 * as R's {@code fisher.test}.
 *
 * <p>Tables are enumerated when an upper bound of their number (Π over all but the last column of
 * the ways to split the column total over the rows) is within the limit; otherwise the p is a
 * seeded Monte Carlo estimate (1 + hits) / (1 + samples) over random tables with the observed
 * margins (random permutations of the column labels), and above a size limit not computed.
 */
public final class FisherFreemanHalton {

    private static final double TOLERANCE = Math.log1p(1e-7);

    private final int rows;
    private final int columns;
    private final long[] rowTotals;
    private final long[] columnTotals;
    private final long total;
    private final double constant;
    private final double threshold;
    private final long[][] cells;
    private final long[] remaining;
    private double p;
    private long tables;

    private FisherFreemanHalton(BandTable table) {
        rows = table.rows().size();
        columns = table.bands().size();
        rowTotals = table.rowTotals();
        columnTotals = table.columnTotals();
        total = table.total();
        double k = -LogFactorial.of(total);
        for (long r : rowTotals) {
            k += LogFactorial.of(r);
        }
        for (long c : columnTotals) {
            k += LogFactorial.of(c);
        }
        constant = k;
        cells = new long[rows][columns];
        double observed = constant;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                observed -= LogFactorial.of(table.count(i, j));
            }
        }
        threshold = observed + TOLERANCE;
        remaining = rowTotals.clone();
    }

    public static Computed<FisherExactResult> test(BandTable table, long enumerationLimit, int monteCarloSamples,
                                                   long seed, long monteCarloMaxN) {
        String degenerate = table.degenerateReason();
        if (degenerate != null) {
            return Computed.notComputable(degenerate);
        }
        long n = table.total();
        if (tableBound(table) <= enumerationLimit) {
            FisherFreemanHalton f = new FisherFreemanHalton(table);
            f.enumerateColumn(0, f.constant);
            return Computed.of(new FisherExactResult(Math.min(1.0, f.p), FisherExactResult.Method.EXACT, f.tables, 0));
        }
        if (n > monteCarloMaxN || monteCarloSamples == 0) {
            return Computed.notComputable("the " + table.rows().size() + " × " + table.bands().size()
                    + " table with N = " + n + " is too large for exact enumeration (limit "
                    + enumerationLimit + " tables) and for the Monte Carlo estimate (limit N = " + monteCarloMaxN
                    + "); at this size the Pearson chi-square approximation applies");
        }
        FisherFreemanHalton f = new FisherFreemanHalton(table);
        return Computed.of(new FisherExactResult(f.monteCarlo(monteCarloSamples, seed),
                FisherExactResult.Method.MONTE_CARLO, monteCarloSamples, seed));
    }

    /** Upper bound of the number of tables with these margins (saturating at Long.MAX_VALUE). */
    static long tableBound(BandTable table) {
        int r = table.rows().size();
        long[] columnTotals = table.columnTotals();
        double bound = 1;
        for (int j = 0; j < columnTotals.length - 1; j++) {
            bound *= compositions(columnTotals[j], r);
        }
        return bound >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bound;
    }

    /** Ways to split {@code total} into {@code parts} non-negative parts: C(total + parts − 1, parts − 1). */
    private static double compositions(long total, int parts) {
        double c = 1;
        for (int k = 1; k < parts; k++) {
            c = c * (total + k) / k;
        }
        return c;
    }

    private void enumerateColumn(int column, double logP) {
        if (column == columns - 1) {
            double last = logP;
            for (int i = 0; i < rows; i++) {
                last -= LogFactorial.of(remaining[i]);
            }
            tables++;
            if (last <= threshold) {
                p += Math.exp(last);
            }
            return;
        }
        fillCell(column, 0, columnTotals[column], logP);
    }

    private void fillCell(int column, int row, long left, double logP) {
        if (row == rows - 1) {
            remaining[row] -= left;
            enumerateColumn(column + 1, logP - LogFactorial.of(left));
            remaining[row] += left;
            return;
        }
        long capacityBelow = 0;
        for (int i = row + 1; i < rows; i++) {
            capacityBelow += remaining[i];
        }
        long from = Math.max(0, left - capacityBelow);
        long to = Math.min(remaining[row], left);
        for (long x = from; x <= to; x++) {
            remaining[row] -= x;
            fillCell(column, row + 1, left - x, logP - LogFactorial.of(x));
            remaining[row] += x;
        }
    }

    private double monteCarlo(int samples, long seed) {
        int n = (int) total;
        int[] labels = new int[n];
        int k = 0;
        for (int j = 0; j < columns; j++) {
            for (long c = 0; c < columnTotals[j]; c++) {
                labels[k++] = j;
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        long hits = 0;
        for (int s = 0; s < samples; s++) {
            for (int i = n - 1; i > 0; i--) {
                int swap = random.nextInt(i + 1);
                int t = labels[i];
                labels[i] = labels[swap];
                labels[swap] = t;
            }
            double logP = constant;
            int position = 0;
            for (int i = 0; i < rows; i++) {
                long[] row = cells[i];
                java.util.Arrays.fill(row, 0);
                for (long c = 0; c < rowTotals[i]; c++) {
                    row[labels[position++]]++;
                }
                for (long x : row) {
                    logP -= LogFactorial.of(x);
                }
            }
            if (logP <= threshold) {
                hits++;
            }
        }
        return (1.0 + hits) / (1.0 + samples);
    }
}
