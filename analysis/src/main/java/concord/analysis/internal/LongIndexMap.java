package concord.analysis.internal;

import java.util.Arrays;

/**
 * Open-addressing hash map from {@code long} keys to {@code int} values (indexes into a list the
 * caller keeps in insertion order, so iteration order and results are deterministic). No boxing:
 * the network algorithm looks a key up for every arc.
 */
final class LongIndexMap {

    private static final int FREE = -1;

    private long[] keys;
    private int[] values;
    private int size;

    LongIndexMap() {
        keys = new long[64];
        values = new int[64];
        Arrays.fill(values, FREE);
    }

    int size() {
        return size;
    }

    /** The value stored for {@code key}, or −1. */
    int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == FREE) {
                return FREE;
            }
            if (keys[i] == key) {
                return values[i];
            }
        }
    }

    /** Stores a non-negative value for {@code key}. */
    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            if (values[i] == FREE) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, FREE);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != FREE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }
}
