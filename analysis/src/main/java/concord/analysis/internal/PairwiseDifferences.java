package concord.analysis.internal;

import concord.analysis.ScoreHistogram;

/**
 * The distribution of all n₁·n₂ pairwise differences a − b between two groups' answers, computed
 * from the histograms as a weighted histogram of the 2k − 1 possible differences of a k-point
 * scale (17 on 1–9). Gives Cliff's delta and the Hodges–Lehmann shift.
 */
public final class PairwiseDifferences {

    private final int offset;
    private final long[] weights;
    private final long pairs;

    private PairwiseDifferences(int offset, long[] weights, long pairs) {
        this.offset = offset;
        this.weights = weights;
        this.pairs = pairs;
    }

    public static PairwiseDifferences of(ScoreHistogram a, ScoreHistogram b) {
        long[] ca = a.counts();
        long[] cb = b.counts();
        int k = ca.length;
        long[] weights = new long[2 * k - 1];
        long pairs = 0;
        for (int i = 0; i < k; i++) {
            if (ca[i] == 0) {
                continue;
            }
            for (int j = 0; j < k; j++) {
                long w = Math.multiplyExact(ca[i], cb[j]);
                weights[i - j + k - 1] += w;
                pairs += w;
            }
        }
        return new PairwiseDifferences(k - 1, weights, pairs);
    }

    /** Number of pairs n₁·n₂. */
    public long pairs() {
        return pairs;
    }

    /** Cliff's δ = (#(a &gt; b) − #(a &lt; b)) / (n₁n₂). */
    public double cliffsDelta() {
        long greater = 0;
        long less = 0;
        for (int d = 0; d < weights.length; d++) {
            if (d > offset) {
                greater += weights[d];
            } else if (d < offset) {
                less += weights[d];
            }
        }
        return (double) (greater - less) / pairs;
    }

    /** Hodges–Lehmann shift: the median of the n₁n₂ differences (mean of the two middle ones if even). */
    public double hodgesLehmann() {
        long lower = (pairs + 1) / 2;
        long upper = pairs / 2 + 1;
        return (differenceAt(lower) + differenceAt(upper)) / 2.0;
    }

    private int differenceAt(long rank) {
        long seen = 0;
        for (int d = 0; d < weights.length; d++) {
            seen += weights[d];
            if (seen >= rank) {
                return d - offset;
            }
        }
        throw new IllegalStateException("difference rank " + rank + " of " + pairs);
    }
}
