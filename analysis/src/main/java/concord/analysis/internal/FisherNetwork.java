package concord.analysis.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Fisher–Freeman–Halton p by the network algorithm of Mehta and Patel (1983, "A network
 * algorithm for performing Fisher's exact test in r × c contingency tables", JASA 78:427–434; and
 * 1986, ACM TOMS 12:154–161, FEXACT, which R's {@code fisher.test} uses), written from the papers:
 *
 * <ul>
 *   <li>The table is oriented so that the smaller dimension holds the <i>key</i> totals and the larger
 *       one the <i>stage</i> columns, both sorted ascending (as FEXACT). Placing the stage columns one
 *       by one is a path through a network whose nodes are the key totals still to be placed, stage by
 *       stage; a node is the <i>sorted</i> vector of those totals, since its future does not depend on
 *       the order of the key rows. A table's path value is Σ −ln xᵢⱼ!; its probability is
 *       exp(constant + value).</li>
 *   <li><b>Past paths</b> reaching the same node with the same value have the same futures, so each
 *       node keeps its distinct past values with weights ({@link FisherPastPaths}).</li>
 *   <li><b>Shortest and longest path</b> of each node's future ({@link FisherPathBounds}): a past whose
 *       best future still is no more likely than the observed table counts with all its futures at
 *       once (their total mass is closed-form); a past whose least likely future is more likely than
 *       the observed table is dropped; only the others are carried to the next stage.</li>
 *   <li>Nodes with two columns left ({@link FisherTail}) are resolved against their completions
 *       directly instead of being expanded once more.</li>
 * </ul>
 *
 * A table counts when its value is ≤ the observed value + {@code tolerance} (R: FEXACT adds
 * 3.45254e-7 to the observed path). Work and stored past values are bounded; a run that would exceed
 * either stops and says so, and the caller falls back to a Monte Carlo estimate.
 */
final class FisherNetwork {

    /**
     * The p of a complete run, or why the run stopped.
     *
     * @param nodes      nodes expanded (tails not counted)
     * @param work       steps taken (arcs, carried pasts, completions examined)
     * @param peakStored most past and completion values held at once
     * @param tailsAtOnce tails that answered their pasts at once from sorted completions
     */
    record Run(double p, long nodes, long work, long peakStored, long tailsAtOnce, String stopped) {

        boolean complete() {
            return stopped == null;
        }
    }

    /** Largest N for the table of log factorials (the work limit stops far smaller tables anyway). */
    static final int MAX_N = 1_000_000;
    /** Completion values a tail may hold when it answers pasts at once. */
    private static final long MAX_TAIL_VALUES = 4_000_000;

    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    /** A node of the next stage: its future and the pasts that reach it. */
    private static final class Node {
        final int[] m;
        final FisherPathBounds.Future future;
        final FisherPastPaths pasts = new FisherPastPaths();

        Node(int[] m, FisherPathBounds.Future future) {
            this.m = m;
            this.future = future;
        }
    }

    private final double[] lf;
    private final int[] keyTotals;
    private final int[] stageTotals;
    private final long[] radix;
    private final double threshold;
    private final double constant;
    private final long workLimit;
    private final long memoryLimit;
    private final FisherPathBounds bounds;
    private double p;
    private double compensation;
    private long work;
    private long memory;
    private long peak;
    private long nodes;
    private long tailsAtOnce;

    private FisherNetwork(int[] keyTotals, int[] stageTotals, double[] lf, double observed, double tolerance,
                          double constant, long workLimit, long memoryLimit) {
        this.lf = lf;
        this.keyTotals = keyTotals;
        this.stageTotals = stageTotals;
        this.threshold = observed + tolerance;
        this.constant = constant;
        this.workLimit = workLimit;
        this.memoryLimit = memoryLimit;
        this.radix = new long[keyTotals.length];
        radix[0] = 1;
        for (int i = 1; i < keyTotals.length; i++) {
            try {
                radix[i] = Math.multiplyExact(radix[i - 1], keyTotals[i - 1] + 1L);
                Math.multiplyExact(radix[i], keyTotals[i] + 1L);
            } catch (ArithmeticException e) {
                throw new Stop("the node keys of this table do not fit 64 bits");
            }
        }
        this.bounds = new FisherPathBounds(lf, stageTotals);
    }

    /**
     * Runs the algorithm on a table with at least two non-empty rows and columns.
     *
     * @param tolerance   a table counts when its path value is ≤ the observed one + this (log scale)
     * @param workLimit   arcs, carried pasts and completions examined before giving up
     * @param memoryLimit past values and completion values stored at once before giving up
     */
    static Run run(long[][] table, double tolerance, long workLimit, long memoryLimit) {
        int r = table.length;
        int c = table[0].length;
        FisherTable margins = FisherTable.of(table);
        long n = margins.total();
        if (n > MAX_N) {
            return new Run(Double.NaN, 0, 0, 0, 0, "N = " + n + " is above " + MAX_N);
        }
        long[] rows = margins.rowTotals();
        long[] cols = margins.columnTotals();
        int[] key = toSortedInts(r <= c ? rows : cols);
        int[] stage = toSortedInts(r <= c ? cols : rows);
        if (key.length == 2 && stage.length == 3) {
            // two groups, three bands: about (c₀ + 1)(c₁ + 1) steps (each arc from the root, then each
            // completion of the tail it reaches), known before starting, so a hopeless run is not begun
            double steps = (stage[0] + 1.0) * (stage[1] + 1.0);
            if (steps > workLimit) {
                return new Run(Double.NaN, 0, 0, 0, 0, String.format(java.util.Locale.ROOT,
                        "the network algorithm would need about %.2g steps (limit %d)", steps, workLimit));
            }
        }
        // after the check above: a hopeless table (N near a million) costs no table of N log-factorials
        double[] lf = new double[(int) n + 1];
        for (int i = 0; i <= n; i++) {
            lf[i] = LogFactorial.of(i);
        }
        try {
            FisherNetwork network = new FisherNetwork(key, stage, lf, margins.observed(), tolerance, margins.constant(),
                    workLimit, memoryLimit);
            double p = network.compute();
            return new Run(p, network.nodes, network.work, network.peak, network.tailsAtOnce, null);
        } catch (Stop stop) {
            return new Run(Double.NaN, 0, 0, 0, 0, stop.getMessage());
        }
    }

    private double compute() {
        int s = stageTotals.length;
        if (s == 2) {
            FisherTail tail = tail(keyTotals.clone());
            tail.pasts().add(0, 1);
            charge(1, 1);
            finish(tail);
            return p + compensation;
        }
        List<Node> current = new ArrayList<>();
        Node root = new Node(keyTotals.clone(), null);
        root.pasts.add(0, 1);
        charge(1, 1);
        current.add(root);
        for (int j = 0; j <= s - 3; j++) {
            boolean toTails = j == s - 3;
            List<Node> nextNodes = new ArrayList<>();
            List<FisherTail> tails = new ArrayList<>();
            LongIndexMap index = new LongIndexMap();
            for (Node node : current) {
                expand(node, j, toTails, index, nextNodes, tails);
            }
            if (toTails) {
                for (FisherTail tail : tails) {
                    if (!tail.answersAtOnce() && tail.pasts().size() > 0) {
                        finish(tail);
                    }
                }
            }
            current = nextNodes.stream().filter(d -> d.pasts.size() > 0).toList();
        }
        return p + compensation;
    }

    /** Follows every arc out of a node: the fillings of stage column j. */
    private void expand(Node node, int j, boolean toTails, LongIndexMap index, List<Node> nextNodes,
                        List<FisherTail> tails) {
        nodes++;
        FisherPastPaths pasts = node.pasts;
        int stored = pasts.size();
        pasts.sortAndMerge();
        double[] prefix = pasts.prefixMass();
        double max = pasts.max();
        int[] d = new int[keyTotals.length];
        new FisherColumnFill(lf) {
            @Override
            void visit(int[] x, double arc) {
                for (int i = 0; i < d.length; i++) {
                    d[i] = node.m[i] - x[i];
                }
                sortSmall(d);
                long key = key(d);
                int at = index.get(key);
                if (toTails) {
                    if (at < 0) {
                        at = tails.size();
                        index.put(key, at);
                        tails.add(tail(d.clone()));
                    }
                    toTail(pasts, prefix, max, arc, tails.get(at));
                } else {
                    if (at < 0) {
                        at = nextNodes.size();
                        index.put(key, at);
                        nextNodes.add(new Node(d.clone(), bounds.of(d, j + 1)));
                    }
                    toNode(pasts, prefix, max, arc, nextNodes.get(at));
                }
            }
        }.fill(node.m, stageTotals[j]);
        pasts.release();
        memory -= stored;
    }

    /**
     * Adds the pasts whose longest future along this arc is still no more likely than the observed
     * table, with the whole future mass at once; returns how many (the first, smallest, pasts).
     * Pasts beyond those whose shortest future is more likely than the observed table are dropped.
     */
    private int countWholly(FisherPastPaths pasts, double[] prefix, double max, double arc, FisherPathBounds.Future f) {
        int all = pasts.countAtMost(threshold - arc - f.longest());
        if (all > 0) {
            add(prefix[all] * Math.exp(max + arc + f.total() + constant));
        }
        return all;
    }

    /** Counts, drops or carries the pasts along one arc into a node with three or more columns left. */
    private void toNode(FisherPastPaths pasts, double[] prefix, double max, double arc, Node daughter) {
        int all = countWholly(pasts, prefix, max, arc, daughter.future);
        int some = all == pasts.size() ? all : pasts.countAtMost(threshold - arc - daughter.future.shortest());
        long stored = 0;
        for (int i = all; i < some; i++) {
            stored += daughter.pasts.add(pasts.value(i) + arc, pasts.weight(i));
        }
        charge(1 + some - all, stored);
    }

    /** The same into a node with two columns left, whose undecided pasts are kept or answered at once. */
    private void toTail(FisherPastPaths pasts, double[] prefix, double max, double arc, FisherTail tail) {
        int all = countWholly(pasts, prefix, max, arc, tail.future);
        int some = all == pasts.size() ? all : pasts.countAtMost(threshold - arc - tail.future.shortest());
        if (tail.answersAtOnce()) {
            // the limits fall as the sorted pasts rise, so each search starts where the last one ended
            int hint = tail.size();
            for (int i = all; i < some; i++) {
                double past = pasts.value(i) + arc;
                hint = tail.countAtMost(threshold - past, hint);
                add(pasts.weight(i) * tail.mass(hint) * Math.exp(past + tail.maxValue() + constant));
            }
            charge(1 + some - all, 0);
            return;
        }
        long stored = 0;
        for (int i = all; i < some; i++) {
            stored += tail.pasts().add(pasts.value(i) + arc, pasts.weight(i));
        }
        charge(1 + some - all, stored);
        if (tail.shouldAnswerAtOnce() && tail.completions() <= MAX_TAIL_VALUES) {
            FisherPastPaths kept = tail.pasts();
            double[] values = new double[(int) tail.completions()];
            int[] filled = {0};
            forEachCompletion(tail, v -> values[filled[0]++] = v);
            tail.answerFrom(values);
            tailsAtOnce++;
            for (int i = 0; i < kept.size(); i++) {
                double past = kept.value(i);
                double mass = tail.mass(tail.countAtMost(threshold - past, tail.size()));
                add(kept.weight(i) * mass * Math.exp(past + tail.maxValue() + constant));
            }
            charge(values.length + kept.size(), 2L * values.length - kept.size());
        }
    }

    /** Matches a tail's kept pasts against each of its completions. */
    private void finish(FisherTail tail) {
        FisherPastPaths pasts = tail.pasts();
        int stored = pasts.size();
        pasts.sortAndMerge();
        double[] prefix = pasts.prefixMass();
        double max = pasts.max();
        forEachCompletion(tail, v -> {
            int all = pasts.countAtMost(threshold - v);
            if (all > 0) {
                add(prefix[all] * Math.exp(max + v + constant));
            }
        });
        charge(tail.completions(), 0);
        pasts.release();
        memory -= stored;
    }

    private interface ValueSink {
        void accept(double value);
    }

    /** The path values of a tail's completions: column s−2 gets x, column s−1 the rest. */
    private void forEachCompletion(FisherTail tail, ValueSink sink) {
        int[] m = tail.m;
        int[] cap = new int[m.length];
        int column = stageTotals[stageTotals.length - 2];
        for (int i = 0; i < m.length; i++) {
            cap[i] = Math.min(m[i], column);
        }
        new FisherColumnFill(lf) {
            @Override
            void visit(int[] x, double path) {
                double v = path;
                for (int i = 0; i < m.length; i++) {
                    v -= lf[m[i] - x[i]];
                }
                sink.accept(v);
            }
        }.fill(cap, column);
    }

    private FisherTail tail(int[] m) {
        int column = stageTotals[stageTotals.length - 2];
        int[] cap = new int[m.length];
        for (int i = 0; i < m.length; i++) {
            cap[i] = Math.min(m[i], column);
        }
        return new FisherTail(m, bounds.of(m, stageTotals.length - 2), FisherColumnFill.count(cap, column));
    }

    private long key(int[] sorted) {
        long k = 0;
        for (int i = 0; i < sorted.length; i++) {
            k += sorted[i] * radix[i];
        }
        return k;
    }

    private void charge(long steps, long stored) {
        work += steps;
        memory += stored;
        peak = Math.max(peak, memory);
        if (work > workLimit) {
            throw new Stop("the network algorithm needs more than " + workLimit + " steps");
        }
        if (memory > memoryLimit) {
            throw new Stop("the network algorithm needs to keep more than " + memoryLimit + " past values");
        }
    }

    /** Neumaier's compensated sum: millions of small positive terms keep full precision. */
    private void add(double term) {
        double t = p + term;
        compensation += Math.abs(p) >= Math.abs(term) ? (p - t) + term : (term - t) + p;
        p = t;
    }

    private static int[] toSortedInts(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        Arrays.sort(out);
        return out;
    }

    private static void sortSmall(int[] a) {
        for (int i = 1; i < a.length; i++) {
            int t = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > t) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = t;
        }
    }
}
