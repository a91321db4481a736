package concord.analysis.internal;

import concord.analysis.ScoreHistogram;

import java.util.List;

/**
 * Mid-ranks of several groups' histograms pooled on one scale: the rank sum of each group, the
 * pooled size N and the tie term Σ(t³ − t) over the pooled ties. Every rank test here is a
 * function of these numbers, so they are computed in one place.
 */
public final class PooledRanks {

    private final long[] n;
    private final double[] rankSums;
    private final long total;
    private final double tieTerm;

    private PooledRanks(long[] n, double[] rankSums, long total, double tieTerm) {
        this.n = n;
        this.rankSums = rankSums;
        this.total = total;
        this.tieTerm = tieTerm;
    }

    /** Pools histograms on the same scale. */
    public static PooledRanks of(List<ScoreHistogram> groups) {
        int points = groups.get(0).scale().points();
        long[][] counts = new long[groups.size()][];
        long[] n = new long[groups.size()];
        for (int g = 0; g < counts.length; g++) {
            counts[g] = groups.get(g).counts();
            for (long c : counts[g]) {
                n[g] += c;
            }
        }
        double[] rankSums = new double[groups.size()];
        long below = 0;
        double tieTerm = 0;
        for (int s = 0; s < points; s++) {
            long t = 0;
            for (long[] c : counts) {
                t += c[s];
            }
            if (t == 0) {
                continue;
            }
            // Ranks below+1 .. below+t share the mid-rank below + (t + 1) / 2.
            double midRank = below + (t + 1) / 2.0;
            for (int g = 0; g < counts.length; g++) {
                rankSums[g] += counts[g][s] * midRank;
            }
            double td = t;
            tieTerm += td * td * td - td;
            below += t;
        }
        return new PooledRanks(n, rankSums, below, tieTerm);
    }

    /** Valid answers of group {@code g}. */
    public long n(int g) {
        return n[g];
    }

    /** Rank sum of group {@code g}. */
    public double rankSum(int g) {
        return rankSums[g];
    }

    /** Pooled number of answers N. */
    public long total() {
        return total;
    }

    /** Σ(t³ − t) over the tie groups of the pooled answers. */
    public double tieTerm() {
        return tieTerm;
    }

    /** Whether all pooled answers are equal, so rank tests have no variance. */
    public boolean allTied() {
        double nd = total;
        return tieTerm >= nd * nd * nd - nd;
    }
}
