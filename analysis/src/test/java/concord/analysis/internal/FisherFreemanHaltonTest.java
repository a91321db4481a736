package concord.analysis.internal;

import concord.analysis.FisherExactResult;
import org.apache.commons.statistics.inference.FisherExactTest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FisherFreemanHaltonTest {

    private static Computed<FisherExactResult> exact(long[][] t) {
        return FisherFreemanHalton.test(BandTable.ofCounts(t), 1_000_000, 500_000_000, 10_000, 1, 5_000);
    }

    /** Enumeration and network algorithm off: straight to the Monte Carlo estimate. */
    private static Computed<FisherExactResult> monteCarlo(long[][] t, int samples, long seed) {
        return FisherFreemanHalton.test(BandTable.ofCounts(t), 10, 0, samples, seed, 5_000);
    }

    /**
     * Equal to commons-statistics' 2 × 2 Fisher test, except where another table is exactly as likely as
     * the observed one: commons-statistics 1.1 compares floating-point probabilities without tolerance
     * and may drop such a table, while R's fisher.test and scipy (and we) count it.
     */
    @Test
    void twoByTwoMatchesCommonsStatisticsFisherExceptOnProbabilityTies() {
        SplittableRandom random = new SplittableRandom(5);
        int ties = 0;
        for (int trial = 0; trial < 300; trial++) {
            int[][] t = {{random.nextInt(15), 1 + random.nextInt(15)}, {1 + random.nextInt(15), random.nextInt(15)}};
            long[][] l = {{t[0][0], t[0][1]}, {t[1][0], t[1][1]}};
            double lib = FisherExactTest.withDefaults().test(t).getPValue();
            double ours = exact(l).value().p();
            if (hasProbabilityTie(t)) {
                ties++;
                assertTrue(ours >= lib - 1e-12, java.util.Arrays.deepToString(t));
            } else {
                assertEquals(lib, ours, 1e-9, java.util.Arrays.deepToString(t));
            }
        }
        assertTrue(ties < 100, "most random tables have no tie");
    }

    @Test
    void emptyRowsAndColumnsAreLeftOut() {
        long[][] withEmpty = {{10, 0, 5}, {0, 0, 0}, {3, 0, 12}};
        FisherExactResult r = FisherFreemanHalton.test(withEmpty, 1_000_000, 200_000_000, 0, 1, 0).value();
        assertEquals(exact(new long[][] {{10, 5}, {3, 12}}).value(), r);
        assertFalse(FisherFreemanHalton.test(new long[][] {{1, 0}, {2, 0}}, 10, 10, 0, 1, 0).isPresent());
    }

    @Test
    void countsTablesExactlyAsLikelyAsTheObservedOneLikeR() {
        // C(7,2)C(15,6) = C(7,3)C(15,5) = 105105: x = 2 ties with the observed x = 3.
        // R fisher.test and scipy.stats.fisher_exact give 1.0; commons-statistics 1.1 gives 0.6713.
        assertEquals(1.0, exact(new long[][]{{3, 5}, {4, 10}}).value().p(), 1e-12);
    }

    /** Whether another table with the same margins has exactly the observed probability (exact integers). */
    private static boolean hasProbabilityTie(int[][] t) {
        int r1 = t[0][0] + t[0][1];
        int c1 = t[0][0] + t[1][0];
        int c2 = t[0][1] + t[1][1];
        java.math.BigInteger observed = binomial(c1, t[0][0]).multiply(binomial(c2, t[0][1]));
        for (int x = Math.max(0, r1 - c2); x <= Math.min(r1, c1); x++) {
            if (x != t[0][0] && binomial(c1, x).multiply(binomial(c2, r1 - x)).equals(observed)) {
                return true;
            }
        }
        return false;
    }

    private static java.math.BigInteger binomial(int n, int k) {
        java.math.BigInteger b = java.math.BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            b = b.multiply(java.math.BigInteger.valueOf(n - k + i)).divide(java.math.BigInteger.valueOf(i));
        }
        return b;
    }

    @Test
    void publishedEffectiveRateTable() {
        FisherExactResult r = exact(new long[][]{{3, 23}, {6, 22}}).value();
        assertEquals(0.4704, r.p(), 0.00005);
        assertEquals(FisherExactResult.Method.ENUMERATION, r.method());
        assertTrue(r.exact());
        assertEquals(10, r.count(), "column 1 total 9 with rows 26/28: x = 0..9");
        assertEquals(r.p(), r.lower());
        assertEquals("exact (enumeration of 10 tables)", r.methodDescription());
    }

    @Test
    void monteCarloEstimateHasA99PercentIntervalAroundTheExactValueAndIsReproducible() {
        long[][] t = {{9, 11, 6}, {21, 5, 2}};
        double exactP = exact(t).value().p();
        assertEquals(0.0128, exactP, 0.00005);
        FisherExactResult r = monteCarlo(t, 20_000, 42).value();
        assertEquals(FisherExactResult.Method.MONTE_CARLO, r.method());
        assertFalse(r.exact());
        assertEquals(20_000, r.count());
        assertEquals(42, r.seed());
        // standard error of the estimate is about sqrt(p(1-p)/n) = 0.0008
        assertEquals(exactP, r.p(), 0.004);
        assertTrue(r.lower() < exactP && exactP < r.upper(), r.lower() + " .. " + r.upper());
        // Clopper–Pearson 99%: about ±2.6 standard errors
        assertEquals(2 * 2.576 * Math.sqrt(exactP * (1 - exactP) / 20_000), r.upper() - r.lower(), 0.0007);
        assertEquals(r, monteCarlo(t, 20_000, 42).value());
        assertTrue(r.methodDescription().startsWith("Monte Carlo estimate, 99% CI 0.01"), r.methodDescription());
        assertTrue(r.methodDescription().endsWith("(20,000 sampled tables, seed 42)"), r.methodDescription());
        assertTrue(r.why().contains("network algorithm is turned off"), r.why());
    }

    @Test
    void monteCarloWithNoHitsStillGivesAValidPAndAnIntervalFromZero() {
        // p is about 1e-14: 1,000 random tables never reach it
        FisherExactResult r = monteCarlo(new long[][] {{0, 25}, {25, 0}}, 1_000, 7).value();
        assertEquals(1.0 / 1001, r.p(), 1e-15);
        assertEquals(0, r.lower());
        assertEquals(1 - Math.pow(0.005, 1.0 / 1000), r.upper(), 1e-9, "Clopper–Pearson upper end for 0 of 1,000");
    }

    @Test
    void largerTablesGoToTheNetworkAlgorithm() {
        // the 4 × 3 size: 121 answers in groups of 40, 12, 9 and 60
        long[][] t = {{30, 8, 2}, {6, 4, 2}, {3, 3, 3}, {10, 20, 30}};
        FisherExactResult network = exact(t).value();
        assertEquals(FisherExactResult.Method.NETWORK, network.method());
        assertTrue(network.methodDescription().startsWith("exact (network algorithm, "), network.methodDescription());
        double[] enumerated = FisherEnumeration.run(t, FisherFreemanHalton.TOLERANCE_RXC);
        assertEquals(enumerated[0], network.p(), 1e-12 * enumerated[0]);
    }

    @Test
    void threeByThreeEnumeratesEveryTable() {
        // A 3 x 3 table with margins (3,3,3)/(3,3,3) has 55 tables (magic-square count for n=3 is 55).
        FisherExactResult r = exact(new long[][]{{3, 0, 0}, {0, 3, 0}, {0, 0, 3}}).value();
        assertEquals(55, r.count());
        // the diagonal table is the least likely: only it and its 5 row permutations... p = 6 / 1680
        assertEquals(6.0 / 1680, r.p(), 1e-12);
    }
}
