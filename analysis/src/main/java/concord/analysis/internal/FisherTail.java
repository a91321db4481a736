package concord.analysis.internal;

import java.util.Arrays;

/**
 * A node of the network with two stage columns left (the last arc is forced, so the node's future
 * is the filling of one column, its completions). Past paths arriving here that are neither wholly
 * counted nor wholly dropped by the node's exact bounds are resolved in one of two ways, whichever
 * stores less: kept and matched against the completions at the end (each completion then costs a
 * binary search over the sorted pasts), or — once more pasts arrive than the node has completions —
 * answered at once from the sorted completion values with prefix sums of their mass (each past then
 * costs a binary search over the completions).
 */
final class FisherTail {

    final int[] m;
    final FisherPathBounds.Future future;
    private final long completions;
    private FisherPastPaths pasts = new FisherPastPaths();
    /** Sorted completion values and prefix sums of exp(value − max), once answered at once. */
    private double[] values;
    private double[] mass;

    FisherTail(int[] m, FisherPathBounds.Future future, long completions) {
        this.m = m;
        this.future = future;
        this.completions = completions;
    }

    /** Whether pasts are answered at once. */
    boolean answersAtOnce() {
        return values != null;
    }

    /** Whether the kept pasts outnumber the completions, so answering at once stores less. */
    boolean shouldAnswerAtOnce() {
        return pasts != null && pasts.size() > completions;
    }

    long completions() {
        return completions;
    }

    FisherPastPaths pasts() {
        return pasts;
    }

    /** Switches to answering at once from these completion values (unsorted; sorted here). */
    void answerFrom(double[] completionValues) {
        Arrays.sort(completionValues);
        values = completionValues;
        double max = values[values.length - 1];
        mass = new double[values.length + 1];
        for (int i = 0; i < values.length; i++) {
            mass[i + 1] = mass[i] + Math.exp(values[i] - max);
        }
        pasts = null;
    }

    /** Number of completion values. */
    int size() {
        return values.length;
    }

    /**
     * How many completion values are ≤ {@code limit}, given that at most {@code hint} are (a count
     * found for a larger limit): galloping down from the hint, then binary search.
     */
    int countAtMost(double limit, int hint) {
        int hi = hint;
        int lo = hint - 1;
        int step = 1;
        while (lo >= 0 && values[lo] > limit) {
            hi = lo;
            lo -= step;
            step <<= 1;
        }
        return FisherPastPaths.countAtMost(values, Math.max(lo + 1, 0), hi, limit);
    }

    /** Σ exp(value − max) over the {@code count} smallest completion values; see {@link #maxValue()}. */
    double mass(int count) {
        return mass[count];
    }

    double maxValue() {
        return values[values.length - 1];
    }
}
