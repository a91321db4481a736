package concord.analysis.internal;

/**
 * The exact Fisher–Freeman–Halton p of a 2 × 3 table (two groups, three bands: Concord's usual table) in
 * milliseconds at any N the network algorithm would take seconds for.
 *
 * <p>With the margins fixed, a table is given by its first row (x, y, R₁ − x − y). For each x the tables
 * form a hypergeometric distribution in y, which is log-concave: the tables no more likely than the observed
 * one are the two tails of that distribution beyond boundaries found by bisection. Each x adds the mass of
 * its tails, summed outward until a term is negligible (never the whole row minus its centre: that difference
 * would keep the rounding of a row far more likely than the observed table); rows of x whose whole mass is
 * below e⁻⁶⁰ of the observed table's probability are left out (they change p by less than 1e-20 relative,
 * because p is at least the observed table's probability). Terms inside a row follow from the previous one by
 * the hypergeometric ratio, re-anchored on the exact log probability every {@value #ANCHOR} terms.
 *
 * <p>Which tables count is decided on the same path values (−Σ ln nᵢⱼ!) and with the same tolerance as
 * {@link FisherEnumeration} and {@link FisherNetwork}, so all three agree on the set of tables.
 */
final class FisherTailSums {
    private static final int ANCHOR = 256;
    /** A row of x whose mass is below this (log scale) relative to the observed table's probability is left out. */
    private static final double NEGLIGIBLE_ROW = -60;
    /** A tail term below this fraction of the tail's sum so far ends the tail (terms only shrink from there). */
    private static final double NEGLIGIBLE_TERM = 1e-18;

    private final long c1;
    private final long c2;
    private final long c3;
    private final long r1;
    private final double[] lf;
    private final double constant;
    private final double threshold;
    /** ln of the observed table's probability: terms are summed relative to it, so tiny p do not underflow. */
    private final double scale;
    private long terms;

    private FisherTailSums(long[][] table, double tolerance) {
        FisherTable margins = FisherTable.of(table);
        c1 = margins.columnTotals()[0];
        c2 = margins.columnTotals()[1];
        c3 = margins.columnTotals()[2];
        r1 = margins.rowTotals()[0];
        constant = margins.constant();
        threshold = margins.observed() + tolerance;
        scale = constant + margins.observed();
        int n = (int) margins.total();
        lf = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            lf[i] = LogFactorial.of(i);
        }
    }

    /**
     * @param table a 2 × 3 or 3 × 2 table of counts without empty rows or columns, N below 2³¹
     * @return {p, x values summed}
     */
    static double[] run(long[][] table, double tolerance) {
        long[][] t = table.length == 2 ? table : transpose(table);
        if (t.length != 2 || t[0].length != 3) {
            throw new IllegalArgumentException("not a 2 × 3 table");
        }
        FisherTailSums sums = new FisherTailSums(t, tolerance);
        return new double[] {Math.min(1.0, sums.p()), sums.terms};
    }

    /**
     * About how many terms {@link #run} sums for this 2 × 3 table: the rows of x within about 11 SD of their mean
     * (mass above e⁻⁶⁰ of the peak) times about 18 SD of y per row (a tail is summed until negligible).
     */
    static double estimatedTerms(long[][] table) {
        long[][] t = table.length == 2 ? table : transpose(table);
        double r1 = t[0][0] + t[0][1] + t[0][2];
        double r2 = t[1][0] + t[1][1] + t[1][2];
        double n = r1 + r2;
        double c1 = t[0][0] + t[1][0];
        double c2 = t[0][1] + t[1][1];
        double rest = n - c1;
        double sdX = Math.sqrt(r1 * (c1 / n) * (rest / n) * (r2 / Math.max(1, n - 1)));
        double draws = r1 * rest / n;
        double sdY = Math.sqrt(draws * (c2 / Math.max(1, rest)) * (1 - c2 / Math.max(1, rest)));
        return (22 * sdX + 1) * (18 * sdY + 1);
    }

    private double p() {
        long n = c1 + c2 + c3;
        long rest = c2 + c3;
        // ln P(x) of the first cell alone: hypergeometric, r1 drawn from n with c1 marked
        double marginal = lf[(int) c1] + lf[(int) rest] + lf[(int) r1] + lf[(int) (n - r1)] - lf[(int) n];
        double p = 0;
        double compensation = 0;
        long xFrom = Math.max(0, r1 - rest);
        long xTo = Math.min(c1, r1);
        for (long x = xFrom; x <= xTo; x++) {
            long m = r1 - x;
            double logRow = marginal - lf[(int) x] - lf[(int) (c1 - x)] - lf[(int) m] - lf[(int) (rest - m)];
            if (logRow - scale < NEGLIGIBLE_ROW) {
                continue;
            }
            terms++;
            double add = rowMass(x, m, logRow);
            // Kahan: thousands of rows of very different size
            double y = add - compensation;
            double s = p + y;
            compensation = (s - p) - y;
            p = s;
        }
        // p = (Σ P / P_obs) · P_obs; a p below the smallest double is 0, as the other methods give it
        return p == 0 ? 0 : Math.exp(Math.log(p) + scale);
    }

    /**
     * The mass of the tables of row x (first cell x, m = r1 − x left for the other two) with path ≤ threshold,
     * relative to the observed table's probability.
     */
    private double rowMass(long x, long m, double logRow) {
        long lo = Math.max(0, m - c3);
        long hi = Math.min(c2, m);
        long mode = Math.min(hi, Math.max(lo, (m + 1) * (c2 + 1) / (c2 + c3 + 2)));
        if (path(x, mode) <= threshold) {
            return Math.exp(logRow - scale);
        }
        // path rises on [lo, mode] and falls on [mode, hi]
        long left = path(x, lo) <= threshold ? lastAtOrBelow(x, lo, mode) : lo - 1;
        long right = path(x, hi) <= threshold ? firstAtOrBelow(x, mode, hi) : hi + 1;
        double mass = 0;
        if (left >= lo) {
            mass += tail(x, left, lo);
        }
        if (right <= hi) {
            mass += tail(x, right, hi);
        }
        return mass;
    }

    /**
     * Σ P(x, y) / P_obs for y from {@code from} towards {@code to}, walking away from the mode (so the terms only
     * shrink): it stops once a term is below {@link #NEGLIGIBLE_TERM} of the sum.
     */
    private double tail(long x, long from, long to) {
        int step = from <= to ? 1 : -1;
        double sum = 0;
        double term = 0;
        long count = 0;
        for (long y = from; step > 0 ? y <= to : y >= to; y += step, count++) {
            if (count % ANCHOR == 0) {
                term = Math.exp(constant + path(x, y) - scale);
            } else {
                long z = r1 - x - y;
                // P(y)/P(y − 1) = (c2 − y + 1)(z + 1) / (y (c3 − z)), and its inverse going down
                term *= step > 0 ? (double) (c2 - y + 1) * (z + 1) / ((double) y * (c3 - z))
                        : (double) (y + 1) * (c3 - z + 1) / ((double) (c2 - y) * z);
            }
            sum += term;
            if (term < sum * NEGLIGIBLE_TERM) {
                break;
            }
        }
        return sum;
    }

    private double path(long x, long y) {
        long z = r1 - x - y;
        return -(lf[(int) x] + lf[(int) y] + lf[(int) z] + lf[(int) (c1 - x)] + lf[(int) (c2 - y)] + lf[(int) (c3 - z)]);
    }

    /** The largest y in [lo, mode) with path ≤ threshold, given path(lo) ≤ threshold < path(mode). */
    private long lastAtOrBelow(long x, long lo, long mode) {
        long a = lo;
        long b = mode;
        while (b - a > 1) {
            long mid = (a + b) >>> 1;
            if (path(x, mid) <= threshold) {
                a = mid;
            } else {
                b = mid;
            }
        }
        return a;
    }

    /** The smallest y in (mode, hi] with path ≤ threshold, given path(hi) ≤ threshold < path(mode). */
    private long firstAtOrBelow(long x, long mode, long hi) {
        long a = mode;
        long b = hi;
        while (b - a > 1) {
            long mid = (a + b) >>> 1;
            if (path(x, mid) <= threshold) {
                b = mid;
            } else {
                a = mid;
            }
        }
        return b;
    }

    private static long[][] transpose(long[][] table) {
        long[][] t = new long[table[0].length][table.length];
        for (int i = 0; i < table.length; i++) {
            for (int j = 0; j < table[0].length; j++) {
                t[j][i] = table[i][j];
            }
        }
        return t;
    }
}
