package concord.analysis.internal;

import concord.analysis.MannWhitneyResult;
import concord.analysis.ScoreHistogram;
import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Mann–Whitney U test from two histograms, SPSS NPAR TESTS conventions (see {@link MannWhitneyResult}):
 * U = min(U₁, U₂), W = rank sum of the smaller group (the first if equal),
 * Z = (U − n₁n₂/2) / √(n₁n₂/(N(N−1)) · ((N³ − N)/12 − Σ(t³ − t)/12)) without continuity correction,
 * p = 2·Φ(−|Z|).
 */
public final class MannWhitney {

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private MannWhitney() {
    }

    /**
     * @param exactMaxN the exact no-ties p is computed when n₁ + n₂ ≤ this; otherwise it is empty
     *                  and {@link #exactPReason} says why
     */
    public static Computed<MannWhitneyResult> test(String labelA, ScoreHistogram a, String labelB, ScoreHistogram b,
                                                   int exactMaxN) {
        PooledRanks ranks = PooledRanks.of(List.of(a, b));
        long n1 = ranks.n(0);
        long n2 = ranks.n(1);
        if (n1 == 0 || n2 == 0) {
            return Computed.notComputable("needs valid answers in both groups ("
                    + labelA + " n = " + n1 + ", " + labelB + " n = " + n2 + ")");
        }
        if (ranks.allTied()) {
            return Computed.notComputable("all " + ranks.total() + " valid answers are the same score "
                    + a.plus(b).orderStatistic(1) + ", so the ranks carry no information");
        }
        double nn = (double) n1 * n2;
        double u1 = ranks.rankSum(0) - n1 * (n1 + 1) / 2.0;
        double u = Math.min(u1, nn - u1);
        double w = n2 < n1 ? ranks.rankSum(1) : ranks.rankSum(0);
        double bigN = ranks.total();
        double variance = nn / (bigN * (bigN - 1)) * ((bigN * bigN * bigN - bigN) / 12 - ranks.tieTerm() / 12);
        double z = (u - nn / 2) / Math.sqrt(variance);
        double p = Math.min(1.0, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
        OptionalDouble exact = OptionalDouble.empty();
        if (n1 + n2 <= exactMaxN) {
            exact = OptionalDouble.of(ExactRankSumDistribution.twoSidedP((int) n1, (int) n2, u));
        }
        return Computed.of(new MannWhitneyResult(labelA, labelB, n1, n2, ranks.rankSum(0), ranks.rankSum(1),
                u, w, z, p, exact));
    }

    /** Why the exact p of {@code result} is empty. */
    public static String exactPReason(MannWhitneyResult result, int exactMaxN) {
        return "computed only for N ≤ " + exactMaxN + " (SPSS prints Exact Sig. for 40 cases or fewer); N = "
                + (result.nA() + result.nB());
    }

    /** Rosenthal's r = |Z| / √N. */
    public static double effectSizeR(MannWhitneyResult result) {
        return Math.abs(result.z()) / Math.sqrt(result.nA() + result.nB());
    }
}
