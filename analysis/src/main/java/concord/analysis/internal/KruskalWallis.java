package concord.analysis.internal;

import concord.analysis.ScoreHistogram;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

import java.util.List;

/**
 * Kruskal–Wallis H from k histograms: H = [12 / (N(N+1)) · Σ Rᵢ²/nᵢ − 3(N+1)] / [1 − Σ(t³ − t)/(N³ − N)],
 * df = k − 1, p = upper tail of χ²(df) (SPSS NPAR TESTS /K-W "Asymp. Sig.").
 */
public final class KruskalWallis {

    /** H, df and p of a Kruskal–Wallis test. */
    public record Statistic(double h, int df, double p) {
    }

    private KruskalWallis() {
    }

    /** All groups must have valid answers. */
    public static Computed<Statistic> test(List<ScoreHistogram> groups) {
        PooledRanks ranks = PooledRanks.of(groups);
        if (ranks.allTied()) {
            return Computed.notComputable("all " + ranks.total()
                    + " valid answers are the same score, so the ranks carry no information");
        }
        double n = ranks.total();
        double sum = 0;
        for (int g = 0; g < groups.size(); g++) {
            sum += ranks.rankSum(g) * ranks.rankSum(g) / ranks.n(g);
        }
        double h = (12 / (n * (n + 1)) * sum - 3 * (n + 1)) / (1 - ranks.tieTerm() / (n * n * n - n));
        int df = groups.size() - 1;
        return Computed.of(new Statistic(h, df, ChiSquaredDistribution.of(df).survivalProbability(h)));
    }
}
