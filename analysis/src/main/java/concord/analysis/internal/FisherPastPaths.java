package concord.analysis.internal;

import java.util.Arrays;

/**
 * The past paths that reach one node of the network: path values (−Σ ln xᵢⱼ! over the columns
 * placed so far) with their weights (how many paths share the value). Mehta and Patel (1983, §3)
 * keep one entry per distinct past value, since paths with equal pasts have equal futures; values
 * closer than {@link #MERGE} are merged here (FEXACT merges within 3.45e-7; true ties differ only by
 * rounding, about 1e-12, so 1e-9 keeps the result exact to about 1e-9 relative).
 */
final class FisherPastPaths {

    static final double MERGE = 1e-9;
    /** Lists at least this long are compacted before they grow. */
    private static final int COMPACT_FROM = 4096;

    private double[] values = new double[4];
    private double[] weights = new double[4];
    private int size;

    int size() {
        return size;
    }

    double value(int i) {
        return values[i];
    }

    double weight(int i) {
        return weights[i];
    }

    /**
     * Adds a past; returns how many entries the list holds more than before (1, or less when a full
     * list was first compacted by merging equal values: many paths reach a node with equal pasts).
     */
    int add(double value, double weight) {
        int before = size;
        if (size == values.length) {
            if (size >= COMPACT_FROM) {
                sortAndMerge();
            }
            if (size > values.length / 2) {
                values = Arrays.copyOf(values, values.length * 2);
                weights = Arrays.copyOf(weights, values.length);
            }
        }
        values[size] = value;
        weights[size] = weight;
        size++;
        return size - before;
    }

    /** Frees the arrays once the node has been expanded. */
    void release() {
        values = new double[0];
        weights = new double[0];
        size = 0;
    }

    /** Sorts by value and merges values within {@link #MERGE}, adding their weights. */
    void sortAndMerge() {
        sort(values, weights, size);
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (n > 0 && values[i] - values[n - 1] <= MERGE) {
                weights[n - 1] += weights[i];
            } else {
                values[n] = values[i];
                weights[n] = weights[i];
                n++;
            }
        }
        size = n;
    }

    /** How many of the sorted values are ≤ {@code limit}. */
    int countAtMost(double limit) {
        return countAtMost(values, 0, size, limit);
    }

    /** The number of values ≤ {@code limit} in sorted {@code v}, given that v[..lo) are and v[hi..) are not. */
    static int countAtMost(double[] v, int lo, int hi, double limit) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v[mid] <= limit) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Prefix sums of weight × exp(value − max) of the sorted values (entry i sums the first i), so the
     * mass of any leading run of pasts is one multiplication; the largest value scales it.
     */
    double[] prefixMass() {
        double max = size == 0 ? 0 : values[size - 1];
        double[] prefix = new double[size + 1];
        for (int i = 0; i < size; i++) {
            prefix[i + 1] = prefix[i] + weights[i] * Math.exp(values[i] - max);
        }
        return prefix;
    }

    double max() {
        return values[size - 1];
    }

    /** Bottom-up merge sort of values, moving weights along (stable, no boxing). */
    private static void sort(double[] v, double[] w, int n) {
        if (n < 2) {
            return;
        }
        double[] tv = new double[n];
        double[] tw = new double[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int o = lo;
                while (i < mid && j < hi) {
                    if (v[j] < v[i]) {
                        tv[o] = v[j];
                        tw[o++] = w[j++];
                    } else {
                        tv[o] = v[i];
                        tw[o++] = w[i++];
                    }
                }
                while (i < mid) {
                    tv[o] = v[i];
                    tw[o++] = w[i++];
                }
                while (j < hi) {
                    tv[o] = v[j];
                    tw[o++] = w[j++];
                }
            }
            System.arraycopy(tv, 0, v, 0, n);
            System.arraycopy(tw, 0, w, 0, n);
        }
    }
}
