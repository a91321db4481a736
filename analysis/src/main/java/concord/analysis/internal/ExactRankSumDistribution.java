package concord.analysis.internal;

/**
 * The exact null distribution of the Mann–Whitney U statistic without ties, for group sizes m and n:
 * the number of arrangements with U = u, built with the recurrence
 * f(u; m, n) = f(u − n; m − 1, n) + f(u; m, n − 1) (the largest value belongs to the first or the
 * second group). Only additions, so the double counts stay accurate in the far tails.
 */
public final class ExactRankSumDistribution {

    private ExactRankSumDistribution() {
    }

    /** P(U ≤ u) for sizes m and n (U counts pairs where the first group is larger). */
    public static double cumulative(int m, int n, long u) {
        double[] f = frequencies(m, n);
        double below = 0;
        double all = 0;
        for (int k = 0; k < f.length; k++) {
            all += f[k];
            if (k <= u) {
                below += f[k];
            }
        }
        return below / all;
    }

    /**
     * SPSS "Exact Sig. [2*(1-tailed Sig.)]": 2 · P(U ≤ ⌊u⌋) for U = min(U₁, U₂), capped at 1.
     */
    public static double twoSidedP(int m, int n, double uMin) {
        return Math.min(1.0, 2 * cumulative(m, n, (long) Math.floor(uMin + 1e-9)));
    }

    /** Frequencies of U = 0 .. m·n. */
    static double[] frequencies(int m, int n) {
        // rows[j] holds f(.; i, j) for the current i; start with i = 0: f(0; 0, j) = 1.
        double[][] rows = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            rows[j] = new double[]{1};
        }
        for (int i = 1; i <= m; i++) {
            double[][] next = new double[n + 1][];
            next[0] = new double[]{1};
            for (int j = 1; j <= n; j++) {
                double[] f = new double[i * j + 1];
                double[] fromFirst = rows[j];       // f(.; i - 1, j), shifted by j
                for (int u = 0; u < fromFirst.length; u++) {
                    f[u + j] += fromFirst[u];
                }
                double[] fromSecond = next[j - 1]; // f(.; i, j - 1)
                for (int u = 0; u < fromSecond.length; u++) {
                    f[u] += fromSecond[u];
                }
                next[j] = f;
            }
            rows = next;
        }
        return rows[n];
    }
}
