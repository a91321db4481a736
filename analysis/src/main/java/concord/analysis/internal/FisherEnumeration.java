package concord.analysis.internal;

/**
 * The Fisher–Freeman–Halton p by enumerating every table with the observed margins, column by
 * column: under fixed margins a table has probability Π Rᵢ! Π Cⱼ! / (N! Π nᵢⱼ!). Fastest for small
 * tables; {@link FisherFreemanHalton} switches to the network algorithm beyond a bound.
 */
final class FisherEnumeration {

    private final int rows;
    private final int columns;
    private final long[] columnTotals;
    private final double constant;
    private final double threshold;
    private final long[] remaining;
    private double p;
    private long tables;

    private FisherEnumeration(long[][] table, double tolerance) {
        FisherTable margins = FisherTable.of(table);
        rows = table.length;
        columns = table[0].length;
        columnTotals = margins.columnTotals();
        constant = margins.constant();
        // log probabilities throughout, accumulated from the constant as before the network algorithm came
        double observed = constant;
        for (long[] row : table) {
            for (long x : row) {
                observed -= LogFactorial.of(x);
            }
        }
        threshold = observed + tolerance;
        remaining = margins.rowTotals().clone();
    }

    /** {p, tables enumerated}. */
    static double[] run(long[][] table, double tolerance) {
        FisherEnumeration f = new FisherEnumeration(table, tolerance);
        f.enumerateColumn(0, f.constant);
        return new double[] {Math.min(1.0, f.p), f.tables};
    }

    /** Upper bound of the number of tables with these margins (saturating at Long.MAX_VALUE). */
    static long tableBound(long[] columnTotals, int rows) {
        double bound = 1;
        for (int j = 0; j < columnTotals.length - 1; j++) {
            bound *= compositions(columnTotals[j], rows);
        }
        return bound >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bound;
    }

    /** Ways to split {@code total} into {@code parts} non-negative parts: C(total + parts − 1, parts − 1). */
    private static double compositions(long total, int parts) {
        double c = 1;
        for (int k = 1; k < parts; k++) {
            c = c * (total + k) / k;
        }
        return c;
    }

    private void enumerateColumn(int column, double value) {
        if (column == columns - 1) {
            double last = value;
            for (int i = 0; i < rows; i++) {
                last -= LogFactorial.of(remaining[i]);
            }
            tables++;
            if (last <= threshold) {
                p += Math.exp(last);
            }
            return;
        }
        fillCell(column, 0, columnTotals[column], value);
    }

    private void fillCell(int column, int row, long left, double value) {
        if (row == rows - 1) {
            remaining[row] -= left;
            enumerateColumn(column + 1, value - LogFactorial.of(left));
            remaining[row] += left;
            return;
        }
        long capacityBelow = 0;
        for (int i = row + 1; i < rows; i++) {
            capacityBelow += remaining[i];
        }
        long from = Math.max(0, left - capacityBelow);
        long to = Math.min(remaining[row], left);
        for (long x = from; x <= to; x++) {
            remaining[row] -= x;
            fillCell(column, row + 1, left - x, value - LogFactorial.of(x));
            remaining[row] += x;
        }
    }
}
