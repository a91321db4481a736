package concord.analysis.internal;

import java.util.Arrays;

/**
 * What the network algorithm needs to know about the future of a node (Mehta and Patel 1983, §3):
 * with key totals m still to be placed into the stage columns {@code cols[from..]}, the longest
 * and shortest path (largest and smallest Σ −ln xᵢⱼ! over all completions) and the log of the total
 * Σ exp(path) over all completions, which is closed-form: ln M! − Σ ln mᵢ! − Σ ln cₗ!.
 *
 * <p>With one column left the completion is forced; with two, both extremes are exact
 * ({@link SeparableConcave}); with three or more the bounds come from Lagrangian relaxations of one
 * margin (weights ln(mᵢ + ½) on the key totals, or ln(cₗ + ½) on the stage totals, and also zero
 * weights for the minimum): always valid (longest ≥ the true maximum, shortest ≤ the true minimum),
 * which is all correctness needs; tighter bounds only save work. (The relaxed longest path is
 * within a few thousandths of the true one, the relaxed shortest path often several units below it;
 * an exact shortest path one column ahead was tried and saved nothing: the pasts that such bounds
 * cannot decide are those whose futures really straddle the observed table.)
 */
final class FisherPathBounds {

    /** Longest and shortest future path, and the log of the total mass of the futures. */
    record Future(double longest, double shortest, double total) {
    }

    private final double[] lf;
    private final SeparableConcave concave;
    private final int[] cols;

    /** @param cols the stage totals, in the order the network places them */
    FisherPathBounds(double[] logFactorials, int[] cols) {
        this.lf = logFactorials;
        this.concave = new SeparableConcave(logFactorials);
        this.cols = cols;
    }

    /** The future of the node with sorted key totals {@code m} before stage column {@code from}. */
    Future of(int[] m, int from) {
        return compute(m, from);
    }

    private Future compute(int[] m, int from) {
        double total = total(m, cols, from);
        int left = cols.length - from;
        if (left == 1) {
            return new Future(total, total, total);
        }
        if (left == 2) {
            double[] none = new double[m.length];
            int[] cap = new int[m.length];
            for (int i = 0; i < m.length; i++) {
                cap[i] = Math.min(m[i], cols[from]);
            }
            return new Future(concave.max(none, cap, m, cols[from]), concave.min(none, cap, m, cols[from]), total);
        }
        return relaxed(m, cols, from, total);
    }

    /** ln Σ over completions of Π 1/xᵢⱼ! = ln M! − Σ ln mᵢ! − Σ ln cₗ!. */
    double total(int[] m, int[] cols, int from) {
        int sum = 0;
        double t = 0;
        for (int x : m) {
            sum += x;
            t -= lf[x];
        }
        t += lf[sum];
        for (int l = from; l < cols.length; l++) {
            t -= lf[cols[l]];
        }
        return t;
    }

    private Future relaxed(int[] m, int[] cols, int from, double total) {
        int k = m.length;
        int t = cols.length - from;
        int[] noTotal = new int[Math.max(k, t)];
        Arrays.fill(noTotal, -1);
        // Relax the key totals: each remaining column on its own, with weights on the key rows.
        double[] lambda = new double[k];
        double shift = 0;
        for (int i = 0; i < k; i++) {
            lambda[i] = Math.log(m[i] + 0.5);
            shift += lambda[i] * m[i];
        }
        double[] zeroK = new double[k];
        int[] noTotalK = Arrays.copyOf(noTotal, k);
        int[] cap = new int[k];
        double upperByColumns = -shift;
        double lowerByColumns = -shift;
        double lowerByColumnsUnweighted = 0;
        for (int l = from; l < cols.length; l++) {
            for (int i = 0; i < k; i++) {
                cap[i] = Math.min(m[i], cols[l]);
            }
            upperByColumns += concave.max(lambda, cap, noTotalK, cols[l]);
            lowerByColumns += concave.min(lambda, cap, noTotalK, cols[l]);
            lowerByColumnsUnweighted += concave.min(zeroK, cap, noTotalK, cols[l]);
        }
        // Relax the stage totals: each key row on its own, with weights on the columns.
        double[] mu = new double[t];
        double shiftT = 0;
        for (int l = 0; l < t; l++) {
            mu[l] = Math.log(cols[from + l] + 0.5);
            shiftT += mu[l] * cols[from + l];
        }
        double[] zeroT = new double[t];
        int[] noTotalT = Arrays.copyOf(noTotal, t);
        int[] capT = new int[t];
        double upperByRows = -shiftT;
        double lowerByRows = -shiftT;
        double lowerByRowsUnweighted = 0;
        for (int i = 0; i < k; i++) {
            for (int l = 0; l < t; l++) {
                capT[l] = Math.min(m[i], cols[from + l]);
            }
            upperByRows += concave.max(mu, capT, noTotalT, m[i]);
            lowerByRows += concave.min(mu, capT, noTotalT, m[i]);
            lowerByRowsUnweighted += concave.min(zeroT, capT, noTotalT, m[i]);
        }
        double longest = Math.min(upperByColumns, upperByRows);
        double shortest = Math.max(Math.max(lowerByColumns, lowerByColumnsUnweighted),
                Math.max(lowerByRows, lowerByRowsUnweighted));
        return new Future(longest, shortest, total);
    }
}
