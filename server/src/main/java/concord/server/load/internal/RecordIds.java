package concord.server.load.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The record IDs seen so far, for finding duplicates. REDCap's own IDs (1, 2, 3, …, without leading zeros)
 * cost one bit each in 8 KiB pages, so a million records take 125 KiB; other IDs ("site-12", "P001") are
 * kept as strings.
 */
public final class RecordIds {
    private static final int PAGE_BITS = 16;
    private final Map<Long, long[]> pages = new HashMap<>();
    private final Set<String> others = new HashSet<>();
    private long lastPage = -1;
    private long[] last;

    /** Adds the ID {@code b[from..to)} (UTF-8); true if it was not there yet. */
    public boolean add(byte[] b, int from, int to) {
        long n = canonical(b, from, to);
        if (n < 0) {
            return others.add(new String(b, from, to - from, StandardCharsets.UTF_8));
        }
        long[] page = page(n >>> PAGE_BITS, true);
        int bit = (int) (n & ((1 << PAGE_BITS) - 1));
        long mask = 1L << bit;
        boolean added = (page[bit >>> 6] & mask) == 0;
        page[bit >>> 6] |= mask;
        return added;
    }

    public boolean contains(byte[] b, int from, int to) {
        long n = canonical(b, from, to);
        if (n < 0) {
            return others.contains(new String(b, from, to - from, StandardCharsets.UTF_8));
        }
        long[] page = page(n >>> PAGE_BITS, false);
        int bit = (int) (n & ((1 << PAGE_BITS) - 1));
        return page != null && (page[bit >>> 6] & (1L << bit)) != 0;
    }

    private long[] page(long key, boolean create) {
        if (key != lastPage) {
            long[] page = create ? pages.computeIfAbsent(key, k -> new long[1 << (PAGE_BITS - 6)]) : pages.get(key);
            if (page == null) {
                return null;
            }
            lastPage = key;
            last = page;
        }
        return last;
    }

    /** True when some ID is in both sets. */
    public boolean intersects(RecordIds other) {
        for (Map.Entry<Long, long[]> e : pages.entrySet()) {
            long[] theirs = other.pages.get(e.getKey());
            if (theirs != null) {
                long[] mine = e.getValue();
                for (int i = 0; i < mine.length; i++) {
                    if ((mine[i] & theirs[i]) != 0) {
                        return true;
                    }
                }
            }
        }
        Set<String> small = others.size() <= other.others.size() ? others : other.others;
        Set<String> large = small == others ? other.others : others;
        for (String id : small) {
            if (large.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** The number of a digits-only ID without leading zeros (at most 18 digits), or -1. */
    private static long canonical(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 0 || n > 18 || (b[from] == '0' && n > 1)) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }
}
