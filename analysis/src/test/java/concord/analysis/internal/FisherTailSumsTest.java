package concord.analysis.internal;

import concord.analysis.FisherExactResult;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2 × 3 tail sums against full enumeration and the network algorithm, and where they are used. */
class FisherTailSumsTest {

    private static final double TOL = FisherFreemanHalton.TOLERANCE_RXC;

    /** Small tables, both orientations, p from near 1 down to tiny: the same p as enumerating every table. */
    @Test
    void equalsFullEnumerationOnRandomSmallTables() {
        SplittableRandom random = new SplittableRandom(5);
        double worst = 0;
        int compared = 0;
        for (int trial = 0; trial < 400; trial++) {
            long[][] t = randomTable(random, 5 + random.nextInt(120), random.nextDouble() < 0.5 ? 0 : 0.35);
            if (!usable(t)) {
                continue;
            }
            if (trial % 2 == 1) {
                t = transpose(t);
            }
            double expected = FisherEnumeration.run(t, TOL)[0];
            double p = FisherTailSums.run(t, TOL)[0];
            double relative = Math.abs(p - expected) / expected;
            worst = Math.max(worst, relative);
            assertTrue(relative < 1e-9, Arrays.deepToString(t) + ": tail sums " + p + ", enumeration " + expected);
            compared++;
        }
        assertTrue(compared > 300, compared + " tables compared");
        System.out.printf("tail sums vs enumeration: %d tables, largest relative difference %.1e%n", compared, worst);
    }

    /** Tables of a few thousand answers, group differences from none to strong: the network algorithm's p. */
    @Test
    void equalsTheNetworkAlgorithmOnLargerTables() {
        SplittableRandom random = new SplittableRandom(8);
        double worst = 0;
        for (int trial = 0; trial < 24; trial++) {
            long[][] t = randomTable(random, 300 + random.nextInt(2500), trial % 3 * 0.12);
            if (!usable(t)) {
                continue;
            }
            FisherNetwork.Run network = FisherNetwork.run(t, TOL, 2_000_000_000L, 50_000_000L);
            assertTrue(network.complete(), network.stopped());
            double p = FisherTailSums.run(t, TOL)[0];
            double relative = network.p() == 0 ? p : Math.abs(p - network.p()) / network.p();
            worst = Math.max(worst, relative);
            assertTrue(relative < 1e-8, Arrays.deepToString(t) + ": tail sums " + p + ", network " + network.p());
        }
        System.out.printf("tail sums vs network: largest relative difference %.1e%n", worst);
    }

    /** The paper's size and the network's size keep their algorithm; 2 × 3 tables too slow for the network do not. */
    @Test
    void usedOnlyWhereTheNetworkWouldBeSlow() {
        long[][] paper = {{2, 6, 18}, {1, 9, 20}};
        assertEquals(FisherExactResult.Method.ENUMERATION, fisher(paper).method());
        long[][] large = {{2_000, 9_000, 39_000}, {2_600, 8_400, 38_000}};
        FisherExactResult result = fisher(large);
        assertEquals(FisherExactResult.Method.TAIL_SUMS, result.method());
        assertTrue(result.exact());
        assertTrue(result.methodDescription().startsWith("exact (hypergeometric tail sums over "), result.methodDescription());
        long[][] threeByThree = {{20, 90, 390}, {26, 84, 380}, {10, 50, 200}};
        assertEquals(FisherExactResult.Method.NETWORK, fisher(threeByThree).method());
        long[][] networkSize = {{200, 900, 1_400}, {260, 840, 1_400}};
        assertEquals(FisherExactResult.Method.NETWORK, fisher(networkSize).method());
        // beyond the network limit (N near a million) nothing changes: not computable, the chi-square applies
        long[][] huge = {{20_000, 90_000, 390_000}, {26_000, 84_000, 380_000}};
        Computed<FisherExactResult> none = FisherFreemanHalton.test(huge, 100_000, 500_000_000L, 10_000, 1, 5_000);
        assertTrue(!none.isPresent(), "computed: " + none.value());
    }

    /** A 2 × 3 table of 100,000 answers with no difference (p near 1) and with a strong one (p tiny). */
    @Test
    void largeTablesGiveAProbability() {
        long[][] same = {{5_000, 15_000, 30_000}, {5_020, 14_950, 30_030}};
        double p = FisherTailSums.run(same, TOL)[0];
        assertTrue(p > 0.5 && p <= 1, "p " + p);
        long[][] different = {{5_000, 15_000, 30_000}, {5_600, 15_400, 29_000}};
        double q = FisherTailSums.run(different, TOL)[0];
        assertTrue(q > 0 && q < 1e-6, "p " + q);
        // p far below the observed table's neighbours, and below the smallest double
        long[][] strong = {{5, 40, 300}, {300, 40, 5}};
        double network = FisherNetwork.run(strong, TOL, 2_000_000_000L, 50_000_000L).p();
        assertTrue(network > 0 && network < 1e-100, "network p " + network);
        assertEquals(network, FisherTailSums.run(strong, TOL)[0], 1e-9 * network);
        assertEquals(0.0, FisherTailSums.run(new long[][] {{1, 2, 9_000}, {9_000, 2, 1}}, TOL)[0]);
    }

    @Test
    void refusesOtherShapes() {
        assertThrows(IllegalArgumentException.class, () -> FisherTailSums.run(new long[][] {{1, 2}, {3, 4}}, TOL));
    }

    private static FisherExactResult fisher(long[][] t) {
        return FisherFreemanHalton.test(t, 100_000, 500_000_000L, 10_000, 1, 5_000).optional().orElseThrow();
    }

    /** Two groups of n answers each over three bands; the second group shifted by {@code shift}. */
    private static long[][] randomTable(SplittableRandom random, int n, double shift) {
        double[] a = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
        double[] b = {a[0] + shift * random.nextDouble(), a[1], a[2] + shift * random.nextDouble()};
        return new long[][] {draw(random, n, a), draw(random, n + random.nextInt(n / 2 + 1), b)};
    }

    private static long[] draw(SplittableRandom random, int n, double[] weights) {
        double total = weights[0] + weights[1] + weights[2];
        long[] row = new long[3];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble() * total;
            row[u < weights[0] ? 0 : u < weights[0] + weights[1] ? 1 : 2]++;
        }
        return row;
    }

    private static boolean usable(long[][] t) {
        for (int j = 0; j < t[0].length; j++) {
            long column = 0;
            for (long[] row : t) {
                column += row[j];
            }
            if (column == 0) {
                return false;
            }
        }
        return true;
    }

    private static long[][] transpose(long[][] t) {
        long[][] out = new long[t[0].length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t[0].length; j++) {
                out[j][i] = t[i][j];
            }
        }
        return out;
    }
}
