package concord.analysis.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The network algorithm against full enumeration, table by table, and its limits. */
class FisherNetworkTest {

    private static final double TOL = FisherFreemanHalton.TOLERANCE_RXC;

    private static FisherNetwork.Run network(long[][] t) {
        return FisherNetwork.run(t, TOL, 1_000_000_000L, 50_000_000L);
    }

    /** Random tables of every shape from 2 × 2 to 6 × 3 and 3 × 5, with empty cells and unequal rows. */
    @Test
    void equalsFullEnumerationOnRandomTables() {
        SplittableRandom random = new SplittableRandom(11);
        int[][] shapes = {{2, 2}, {2, 3}, {3, 2}, {3, 3}, {4, 3}, {3, 4}, {5, 3}, {6, 3}, {2, 5}, {4, 4}, {3, 5}, {5, 2}};
        int compared = 0;
        double worst = 0;
        for (int trial = 0; trial < 240; trial++) {
            int[] shape = shapes[trial % shapes.length];
            long[][] t = randomTable(random, shape[0], shape[1], 4 + random.nextInt(shape[0] * shape[1] <= 9 ? 40 : 20));
            if (!usable(t) || FisherEnumeration.tableBound(columnTotals(t), t.length) > 3_000_000) {
                continue;
            }
            double expected = FisherEnumeration.run(t, TOL)[0];
            FisherNetwork.Run run = network(t);
            assertTrue(run.complete(), run.stopped());
            double relative = Math.abs(run.p() - expected) / expected;
            worst = Math.max(worst, relative);
            assertTrue(relative < 1e-11, Arrays.deepToString(t) + ": network " + run.p() + ", enumeration " + expected);
            compared++;
        }
        assertTrue(compared > 150, compared + " tables compared");
        System.out.printf("network vs enumeration: %d tables, largest relative difference %.1e%n", compared, worst);
    }

    /** Many groups and pasts: the tails answer their pasts at once from sorted completions. */
    @Test
    void tailsThatAnswerAtOnceGiveTheSameP() {
        long[][] t = {{5, 2, 1}, {4, 3, 1}, {2, 4, 2}, {3, 2, 3}, {1, 3, 4}, {2, 2, 4}};
        FisherNetwork.Run run = network(t);
        assertTrue(run.tailsAtOnce() > 0, "tails answered at once: " + run.tailsAtOnce());
        double expected = FisherEnumeration.run(t, TOL)[0];
        // prefix sums over ~10^5 sorted completions: rounding of about 1e-11 relative
        assertEquals(expected, run.p(), 1e-10 * expected);
    }

    @Test
    void emptyRowsAndColumnsChangeNothing() {
        long[][] t = {{8, 3, 4}, {2, 6, 7}, {5, 5, 1}};
        long[][] padded = {{8, 0, 3, 4}, {0, 0, 0, 0}, {2, 0, 6, 7}, {5, 0, 5, 1}};
        assertEquals(network(t).p(), network(padded).p(), 1e-14);
    }

    @Test
    void stopsAtTheWorkLimitAndTheMemoryLimitAndSaysSo() {
        long[][] t = {{40, 17, 3}, {43, 13, 4}, {38, 10, 12}, {44, 10, 6}, {44, 7, 9}, {43, 12, 5}};
        FisherNetwork.Run work = FisherNetwork.run(t, TOL, 10_000, 50_000_000L);
        assertFalse(work.complete());
        assertEquals("the network algorithm needs more than 10000 steps", work.stopped());
        FisherNetwork.Run memory = FisherNetwork.run(t, TOL, 1_000_000_000L, 1_000);
        assertFalse(memory.complete());
        assertEquals("the network algorithm needs to keep more than 1000 past values", memory.stopped());
    }

    @Test
    void aTwoGroupTableTooLargeForTheLimitIsNotStarted() {
        long[][] t = {{30_000, 20_000, 10_000}, {25_000, 25_000, 15_000}};
        long start = System.nanoTime();
        FisherNetwork.Run run = FisherNetwork.run(t, TOL, 500_000_000L, 6_000_000L);
        assertFalse(run.complete());
        assertEquals("the network algorithm would need about 1.1e+09 steps (limit 500000000)", run.stopped());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "decided without running");
    }

    @Test
    void isDeterministic() {
        long[][] t = {{24, 10, 3}, {29, 13, 8}, {105, 40, 20}, {150, 77, 21}};
        assertEquals(Double.doubleToLongBits(network(t).p()), Double.doubleToLongBits(network(t).p()));
    }

    private static long[][] randomTable(SplittableRandom random, int rows, int columns, int n) {
        long[][] t = new long[rows][columns];
        double[] rowWeight = new double[rows];
        double[] columnWeight = new double[columns];
        for (int i = 0; i < rows; i++) {
            rowWeight[i] = 0.2 + random.nextDouble();
        }
        for (int j = 0; j < columns; j++) {
            columnWeight[j] = 0.2 + random.nextDouble();
        }
        for (int k = 0; k < n; k++) {
            t[pick(random, rowWeight)][pick(random, columnWeight)]++;
        }
        return t;
    }

    private static int pick(SplittableRandom random, double[] weights) {
        double total = Arrays.stream(weights).sum();
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** At least two non-empty rows and columns, and none empty (the network's callers remove those). */
    private static boolean usable(long[][] t) {
        for (long[] row : t) {
            if (Arrays.stream(row).sum() == 0) {
                return false;
            }
        }
        for (long c : columnTotals(t)) {
            if (c == 0) {
                return false;
            }
        }
        return true;
    }

    private static long[] columnTotals(long[][] t) {
        long[] c = new long[t[0].length];
        for (long[] row : t) {
            for (int j = 0; j < c.length; j++) {
                c[j] += row[j];
            }
        }
        return c;
    }
}
