package concord.analysis.internal;

/**
 * Extremes of Σᵢ hᵢ(xᵢ) over integer xᵢ in [0, capᵢ] with Σᵢ xᵢ = c, for the concave terms the
 * network algorithm needs: hᵢ(x) = −ln x! + λᵢx, optionally − ln(totalᵢ − x)!. The maximum is
 * found by unit exchanges from a proportional start (for separable concave terms a point that no
 * single-unit exchange improves is a global maximum); the minimum of a concave function over this
 * polytope lies at a vertex, where all but one xᵢ sit at 0 or capᵢ, and the vertices are enumerated.
 */
final class SeparableConcave {

    /** Beyond this many terms the vertices are not enumerated; a weaker valid lower bound is used. */
    static final int MAX_VERTEX_TERMS = 12;

    private final double[] lf;

    SeparableConcave(double[] logFactorials) {
        this.lf = logFactorials;
    }

    /** hᵢ(x); {@code total < 0} leaves out the −ln(total − x)! term. */
    double term(double lambda, int total, int x) {
        double v = -lf[x] + lambda * x;
        return total >= 0 ? v - lf[total - x] : v;
    }

    /** The maximum, or −∞ when Σ capᵢ < c (no feasible point). */
    double max(double[] lambda, int[] cap, int[] total, int c) {
        int k = cap.length;
        long capSum = 0;
        for (int x : cap) {
            capSum += x;
        }
        if (capSum < c) {
            return Double.NEGATIVE_INFINITY;
        }
        int[] x = new int[k];
        int placed = 0;
        for (int i = 0; i < k && capSum > 0; i++) {
            x[i] = (int) Math.min(cap[i], (long) c * cap[i] / capSum);
            placed += x[i];
        }
        for (; placed < c; placed++) {
            x[bestIncrease(lambda, cap, total, x, -1)]++;
        }
        while (true) {
            int up = bestIncrease(lambda, cap, total, x, -1);
            if (up < 0) {
                break;
            }
            double gain = term(lambda[up], total[up], x[up] + 1) - term(lambda[up], total[up], x[up]);
            int down = -1;
            double loss = Double.POSITIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                if (i != up && x[i] > 0) {
                    double l = term(lambda[i], total[i], x[i]) - term(lambda[i], total[i], x[i] - 1);
                    if (l < loss) {
                        loss = l;
                        down = i;
                    }
                }
            }
            if (down < 0 || gain <= loss + 1e-12) {
                break;
            }
            x[up]++;
            x[down]--;
        }
        double v = 0;
        for (int i = 0; i < k; i++) {
            v += term(lambda[i], total[i], x[i]);
        }
        return v;
    }

    private int bestIncrease(double[] lambda, int[] cap, int[] total, int[] x, int exclude) {
        int best = -1;
        double gain = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < cap.length; i++) {
            if (i != exclude && x[i] < cap[i]) {
                double g = term(lambda[i], total[i], x[i] + 1) - term(lambda[i], total[i], x[i]);
                if (g > gain) {
                    gain = g;
                    best = i;
                }
            }
        }
        return best;
    }

    /** The minimum (exact up to {@link #MAX_VERTEX_TERMS} terms, a valid lower bound beyond), +∞ when infeasible. */
    double min(double[] lambda, int[] cap, int[] total, int c) {
        int k = cap.length;
        if (k > MAX_VERTEX_TERMS) {
            double v = 0;
            for (int i = 0; i < k; i++) {
                v += Math.min(term(lambda[i], total[i], 0), term(lambda[i], total[i], cap[i]));
            }
            return v;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int free = 0; free < k; free++) {
            for (int mask = 0; mask < 1 << (k - 1); mask++) {
                long sum = 0;
                double v = 0;
                int bit = 0;
                for (int i = 0; i < k; i++) {
                    if (i != free) {
                        int xi = (mask >> bit++ & 1) == 1 ? cap[i] : 0;
                        sum += xi;
                        v += term(lambda[i], total[i], xi);
                    }
                }
                long xf = c - sum;
                if (xf >= 0 && xf <= cap[free]) {
                    best = Math.min(best, v + term(lambda[free], total[free], (int) xf));
                }
            }
        }
        return best;
    }
}
