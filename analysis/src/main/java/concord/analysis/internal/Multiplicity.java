package concord.analysis.internal;

import java.util.Arrays;
import java.util.Comparator;

/** Multiple-testing adjustments of p values (as R's {@code p.adjust}). */
public final class Multiplicity {

    private Multiplicity() {
    }

    /** Benjamini–Hochberg q values: q₍ᵢ₎ = min over j ≥ i of m·p₍ⱼ₎/j, capped at 1. */
    public static double[] benjaminiHochberg(double[] p) {
        int m = p.length;
        Integer[] order = sortedIndices(p);
        double[] q = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int i = order[rank - 1];
            running = Math.min(running, p[i] * m / rank);
            q[i] = running;
        }
        return q;
    }

    /** Holm step-down: p₍ᵢ₎ · (m − i + 1), made monotone, capped at 1. */
    public static double[] holm(double[] p) {
        int m = p.length;
        Integer[] order = sortedIndices(p);
        double[] adjusted = new double[m];
        double running = 0;
        for (int rank = 1; rank <= m; rank++) {
            int i = order[rank - 1];
            running = Math.max(running, Math.min(1.0, p[i] * (m - rank + 1)));
            adjusted[i] = running;
        }
        return adjusted;
    }

    /** Bonferroni: p · m, capped at 1. */
    public static double[] bonferroni(double[] p) {
        return Arrays.stream(p).map(v -> Math.min(1.0, v * p.length)).toArray();
    }

    private static Integer[] sortedIndices(double[] p) {
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Stable sort keeps ties in input order, so results are deterministic.
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        return order;
    }
}
