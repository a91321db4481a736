package concord.analysis.reconstruction.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Ways to split a count over the scores of a band: ordered sums of non-negative integers. */
final class Compositions {

    private static final Map<Long, List<int[]>> CACHE = new ConcurrentHashMap<>();

    private Compositions() {
    }

    /** All ways to write {@code total} as an ordered sum of {@code parts} non-negative integers (shared; do not modify). */
    static List<int[]> of(int total, int parts) {
        return CACHE.computeIfAbsent(((long) total << 32) | parts, k -> {
            List<int[]> out = new ArrayList<>();
            compose(new int[parts], 0, total, out);
            return List.copyOf(out);
        });
    }

    /** How many there are: C(total + parts − 1, parts − 1). */
    static long count(int total, int parts) {
        long c = 1;
        for (int k = 1; k < parts; k++) {
            c = c * (total + k) / k;
        }
        return c;
    }

    private static void compose(int[] current, int index, int remaining, List<int[]> out) {
        if (index == current.length - 1) {
            current[index] = remaining;
            out.add(current.clone());
            return;
        }
        for (int v = 0; v <= remaining; v++) {
            current[index] = v;
            compose(current, index + 1, remaining - v, out);
        }
    }
}
