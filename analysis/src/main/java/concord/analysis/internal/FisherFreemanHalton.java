package concord.analysis.internal;

import concord.analysis.FisherExactResult;

/**
 * Fisher's exact test for an r × c table (Fisher–Freeman–Halton; Fisher's test for 2 × 2), with R's
 * criterion: tables no more likely than the observed one count, within relative 1e-7 for 2 × 2
 * tables (as R computes them from the hypergeometric density) and 3.45254e-7 on the log scale for
 * larger ones (R's FEXACT adds it to the observed path).
 *
 * <p>Small tables are enumerated ({@link FisherEnumeration}: when an upper bound of their number is
 * within the enumeration limit); larger ones go to the network algorithm ({@link FisherNetwork}),
 * which is exact too and stops at a bounded number of steps and stored values (2 × 3 tables it would be slow
 * for are summed by {@link FisherTailSums}, exact as well); only beyond that is
 * the p a seeded Monte Carlo estimate with its 99% confidence interval ({@link FisherMonteCarlo}),
 * and above a size limit not computed.
 */
public final class FisherFreemanHalton {

    /** R's fisher.test for 2 × 2 tables: relErr = 1 + 1e-7 on the hypergeometric density. */
    static final double TOLERANCE_2X2 = Math.log1p(1e-7);
    /** R's FEXACT (fexact.c, f2xact): TOL = 3.45254e-7 added to the observed path length. */
    static final double TOLERANCE_RXC = 3.45254e-7;
    /** Past and completion values the network algorithm may store at once (96 MB of a 768 MB heap). */
    static final long NETWORK_MEMORY_LIMIT = 6_000_000L;
    /** Estimated network steps beyond which a 2 × 3 table is summed by {@link FisherTailSums} instead. */
    static final double TAIL_SUMS_FROM_STEPS = 1e7;
    /** Terms the tail sums may need (estimated before starting; a few milliseconds). */
    static final double TAIL_SUMS_MAX_TERMS = 1e7;

    private FisherFreemanHalton() {
    }

    /**
     * @param enumerationLimit  enumerate when an upper bound of the number of tables is within this
     * @param networkLimit      steps the network algorithm may take (0: not used)
     * @param monteCarloSamples random tables for the estimate beyond that (0: not computable instead)
     * @param monteCarloMaxN    no estimate above this many answers
     */
    public static Computed<FisherExactResult> test(BandTable table, long enumerationLimit, long networkLimit,
                                                   int monteCarloSamples, long seed, long monteCarloMaxN) {
        String degenerate = table.degenerateReason();
        if (degenerate != null) {
            return Computed.notComputable(degenerate);
        }
        long[][] counts = new long[table.rows().size()][table.bands().size()];
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts[i].length; j++) {
                counts[i][j] = table.count(i, j);
            }
        }
        return test(counts, enumerationLimit, networkLimit, monteCarloSamples, seed, monteCarloMaxN);
    }

    /** The same for any r × c table of counts; empty rows and columns are left out first (they change nothing). */
    public static Computed<FisherExactResult> test(long[][] table, long enumerationLimit, long networkLimit,
                                                   int monteCarloSamples, long seed, long monteCarloMaxN) {
        long[][] counts = withoutEmptyLines(table);
        if (counts.length < 2 || counts[0].length < 2) {
            return Computed.notComputable("the table has fewer than two non-empty rows or columns");
        }
        double tolerance = counts.length == 2 && counts[0].length == 2 ? TOLERANCE_2X2 : TOLERANCE_RXC;
        long[] columnTotals = new long[counts[0].length];
        long n = 0;
        for (long[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                columnTotals[j] += row[j];
                n += row[j];
            }
        }
        if (FisherEnumeration.tableBound(columnTotals, counts.length) <= enumerationLimit) {
            double[] run = FisherEnumeration.run(counts, tolerance);
            return Computed.of(FisherExactResult.enumeration(run[0], (long) run[1]));
        }
        String why;
        if (networkLimit > 0 && tailSumsPay(counts, columnTotals)) {
            double[] run = FisherTailSums.run(counts, tolerance);
            return Computed.of(FisherExactResult.tailSums(run[0], (long) run[1]));
        }
        if (networkLimit > 0) {
            FisherNetwork.Run run = FisherNetwork.run(counts, tolerance, networkLimit, NETWORK_MEMORY_LIMIT);
            if (run.complete()) {
                return Computed.of(FisherExactResult.network(Math.min(1.0, run.p()), run.nodes()));
            }
            why = run.stopped();
        } else {
            why = "the network algorithm is turned off (fisherNetworkLimit = 0)";
        }
        String size = "the " + counts.length + " × " + counts[0].length + " table with N = " + n;
        if (n > monteCarloMaxN || monteCarloSamples == 0) {
            return Computed.notComputable(size + " is too large for exact methods (" + why
                    + ") and for the Monte Carlo estimate (limit N = " + monteCarloMaxN
                    + "); at this size the Pearson chi-square approximation applies");
        }
        return Computed.of(FisherMonteCarlo.estimate(counts, tolerance, monteCarloSamples, seed,
                size + " is beyond the exact methods: " + why));
    }

    /**
     * Whether a 2 × 3 (or 3 × 2) table goes to {@link FisherTailSums}: when the network algorithm would need more
     * than {@link #TAIL_SUMS_FROM_STEPS} steps, about (c₀ + 1)(c₁ + 1) for the two smallest band totals (below that
     * it is fast, and the tables it computes keep their results byte for byte), and the tail sums need at most
     * {@link #TAIL_SUMS_MAX_TERMS} terms (beyond, around N = 10⁶, the table stays with the network's size check).
     */
    private static boolean tailSumsPay(long[][] counts, long[] columnTotals) {
        boolean twoByThree = counts.length == 2 && counts[0].length == 3 || counts.length == 3 && counts[0].length == 2;
        if (!twoByThree) {
            return false;
        }
        long[] totals = counts.length == 2 ? columnTotals.clone() : new long[] {sum(counts[0]), sum(counts[1]), sum(counts[2])};
        java.util.Arrays.sort(totals);
        double steps = (totals[0] + 1.0) * (totals[1] + 1.0);
        return steps > TAIL_SUMS_FROM_STEPS && FisherTailSums.estimatedTerms(counts) <= TAIL_SUMS_MAX_TERMS;
    }

    private static long sum(long[] row) {
        long s = 0;
        for (long v : row) {
            s += v;
        }
        return s;
    }

    private static long[][] withoutEmptyLines(long[][] table) {
        int columns = table.length == 0 ? 0 : table[0].length;
        boolean[] usedColumn = new boolean[columns];
        java.util.List<long[]> rows = new java.util.ArrayList<>();
        for (long[] row : table) {
            long sum = 0;
            for (int j = 0; j < columns; j++) {
                if (row[j] < 0) {
                    throw new IllegalArgumentException("negative count " + row[j] + " in the table");
                }
                sum += row[j];
                usedColumn[j] |= row[j] > 0;
            }
            if (sum > 0) {
                rows.add(row);
            }
        }
        int kept = 0;
        for (boolean u : usedColumn) {
            kept += u ? 1 : 0;
        }
        long[][] out = new long[rows.size()][kept];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0, c = 0; j < columns; j++) {
                if (usedColumn[j]) {
                    out[i][c++] = rows.get(i)[j];
                }
            }
        }
        return out;
    }

    /** Upper bound of the number of tables with these margins (saturating at Long.MAX_VALUE). */
    static long tableBound(BandTable table) {
        return FisherEnumeration.tableBound(table.columnTotals(), table.rows().size());
    }
}
