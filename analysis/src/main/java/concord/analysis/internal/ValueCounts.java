package concord.analysis.internal;

import java.util.Arrays;

/**
 * A count per distinct finite {@code double}, in two primitive arrays with open addressing: no object per
 * value or per participant. Values come back sorted (as {@link Double#compare} orders them) for exact
 * order statistics and a summation order that does not depend on arrival.
 */
final class ValueCounts {
    private long[] keys = new long[16];
    private long[] counts = new long[16];
    private int size;

    void add(double value, long count) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long bits = Double.doubleToLongBits(value);
        int slot = slot(bits, keys.length);
        while (counts[slot] != 0 && keys[slot] != bits) {
            slot = (slot + 1) & (keys.length - 1);
        }
        if (counts[slot] == 0) {
            keys[slot] = bits;
            size++;
        }
        counts[slot] += count;
    }

    void addAll(ValueCounts other) {
        for (int i = 0; i < other.keys.length; i++) {
            if (other.counts[i] != 0) {
                add(Double.longBitsToDouble(other.keys[i]), other.counts[i]);
            }
        }
    }

    /** The distinct values, ascending. */
    double[] sortedValues() {
        double[] out = new double[size];
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (counts[i] != 0) {
                out[n++] = Double.longBitsToDouble(keys[i]);
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** The count of each value in {@code values} (values present). */
    long[] countsOf(double[] values) {
        long[] out = new long[values.length];
        for (int v = 0; v < values.length; v++) {
            long bits = Double.doubleToLongBits(values[v]);
            int slot = slot(bits, keys.length);
            while (keys[slot] != bits || counts[slot] == 0) {
                slot = (slot + 1) & (keys.length - 1);
            }
            out[v] = counts[slot];
        }
        return out;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldCounts[i] != 0) {
                add(Double.longBitsToDouble(oldKeys[i]), oldCounts[i]);
            }
        }
    }

    private static int slot(long bits, int length) {
        long h = bits * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & (length - 1);
    }
}
