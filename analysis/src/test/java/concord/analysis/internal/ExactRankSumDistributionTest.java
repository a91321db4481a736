package concord.analysis.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ExactRankSumDistributionTest {

    @Test
    void smallDistributionsAreTheGaussianBinomialCoefficients() {
        // [4 choose 2]_q = 1 + q + 2q² + q³ + q⁴
        assertArrayEquals(new double[]{1, 1, 2, 1, 1}, ExactRankSumDistribution.frequencies(2, 2));
        // [5 choose 2]_q = 1 + q + 2q² + 2q³ + 2q⁴ + q⁵ + q⁶
        assertArrayEquals(new double[]{1, 1, 2, 2, 2, 1, 1}, ExactRankSumDistribution.frequencies(2, 3));
    }

    @Test
    void totalsAreBinomialCoefficientsAndTailsAreSymmetric() {
        double[] f = ExactRankSumDistribution.frequencies(20, 20);
        double total = 0;
        for (double v : f) {
            total += v;
        }
        assertEquals(137_846_528_820.0, total, 0.5);
        for (int u = 0; u < f.length; u++) {
            assertEquals(f[u], f[f.length - 1 - u], 0.0);
        }
        assertEquals(1.0, ExactRankSumDistribution.twoSidedP(20, 20, 200), 0.0);
    }

    @Test
    void knownCriticalValue() {
        // n1 = n2 = 10: P(U <= 23) = 0.0216, two-sided 0.0433 (classic table: U crit 23 at alpha 0.05).
        assertEquals(0.0433, ExactRankSumDistribution.twoSidedP(10, 10, 23), 0.00005);
    }
}
