package concord.analysis.internal;

import concord.analysis.PairedHistogram;
import concord.analysis.WilcoxonSignedRankResult;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Wilcoxon signed-rank test from a {@link PairedHistogram} (SPSS conventions, see
 * {@link WilcoxonSignedRankResult}). The differences take at most 2·points − 1 values, so ranks,
 * rank sums and the tie term come from the difference counts without expanding the pairs.
 */
public final class WilcoxonSignedRank {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private WilcoxonSignedRank() {
    }

    public static Computed<WilcoxonSignedRankResult> test(PairedHistogram pairs) {
        long[] d = pairs.differences();
        int zero = (d.length - 1) / 2;
        long total = pairs.n();
        if (total == 0) {
            return Computed.notComputable("no participant answered in both rounds");
        }
        long ties = d[zero];
        long n = total - ties;
        if (n == 0) {
            return Computed.notComputable("all " + total + " paired participants gave the same score in both rounds, "
                    + "so there are no differences to rank");
        }
        double negativeSum = 0;
        double positiveSum = 0;
        long negative = 0;
        long positive = 0;
        double tieTerm = 0;
        long below = 0;
        for (int a = 1; a <= zero; a++) {
            long down = d[zero - a];
            long up = d[zero + a];
            long t = down + up;
            if (t == 0) {
                continue;
            }
            // |difference| = a takes ranks below+1 .. below+t, all with the mid-rank.
            double midRank = below + (t + 1) / 2.0;
            negativeSum += down * midRank;
            positiveSum += up * midRank;
            negative += down;
            positive += up;
            double td = t;
            tieTerm += td * td * td - td;
            below += t;
        }
        double nd = n;
        double mean = nd * (nd + 1) / 4;
        double variance = nd * (nd + 1) * (2 * nd + 1) / 24 - tieTerm / 48;
        double smaller = Math.min(negativeSum, positiveSum);
        double z = (smaller - mean) / Math.sqrt(variance);
        double p = Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        WilcoxonSignedRankResult.Ranks basedOn = negativeSum <= positiveSum
                ? WilcoxonSignedRankResult.Ranks.NEGATIVE : WilcoxonSignedRankResult.Ranks.POSITIVE;
        return Computed.of(new WilcoxonSignedRankResult(total, negative, positive, ties, negativeSum, positiveSum,
                z, p, basedOn));
    }
}
