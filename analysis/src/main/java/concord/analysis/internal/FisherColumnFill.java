package concord.analysis.internal;

/**
 * Visits every way of filling one stage column with total c into the key rows, xᵢ ≤ capᵢ, passing
 * the cells and their path contribution −Σ ln xᵢ! (accumulated cell by cell). The arcs from a node
 * of the network and the completions of a two-column tail are both such fillings.
 */
abstract class FisherColumnFill {

    private final double[] lf;
    private int[] cap;
    private int[] capBelow;
    private int[] x;

    FisherColumnFill(double[] logFactorials) {
        this.lf = logFactorials;
    }

    /** One filling; {@code x} is reused between calls. */
    abstract void visit(int[] x, double path);

    /** Visits every filling of {@code c} with xᵢ ≤ {@code cap[i]}. */
    final void fill(int[] cap, int c) {
        int k = cap.length;
        this.cap = cap;
        if (x == null || x.length != k) {
            x = new int[k];
            capBelow = new int[k + 1];
        }
        capBelow[k] = 0;
        for (int i = k - 1; i >= 0; i--) {
            capBelow[i] = capBelow[i + 1] + cap[i];
        }
        if (capBelow[0] >= c) {
            fill(0, c, 0);
        }
    }

    private void fill(int i, int left, double path) {
        if (i == x.length - 1) {
            x[i] = left;
            visit(x, path - lf[left]);
            return;
        }
        int lo = Math.max(0, left - capBelow[i + 1]);
        int hi = Math.min(cap[i], left);
        for (int v = lo; v <= hi; v++) {
            x[i] = v;
            fill(i + 1, left - v, path - lf[v]);
        }
    }

    /** How many fillings there are (dynamic programming over the rows; saturates at Long.MAX_VALUE). */
    static long count(int[] cap, int c) {
        long[] ways = new long[c + 1];
        ways[0] = 1;
        for (int limit : cap) {
            long[] next = new long[c + 1];
            long window = 0;
            for (int s = 0; s <= c; s++) {
                window = saturatingAdd(window, ways[s]);
                if (s - limit - 1 >= 0) {
                    window -= ways[s - limit - 1];
                }
                next[s] = window;
            }
            ways = next;
        }
        return ways[c];
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
