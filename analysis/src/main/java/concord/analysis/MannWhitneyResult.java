package concord.analysis;

import java.util.OptionalDouble;

/**
 * Mann–Whitney U (Wilcoxon rank-sum) test of two groups, as SPSS NPAR TESTS /M-W prints it.
 *
 * <p>{@code u} is min(U₁, U₂); {@code w} is the rank sum of the smaller group, or of the first
 * group when both are equally large (SPSS Base User's Guide). {@code z} = (U − n₁n₂/2)/σ with the
 * tie-corrected σ and no continuity correction, so it is ≤ 0; {@code p} = 2·(1 − Φ(|z|)).
 * {@code exactP} is SPSS's "Exact Sig. [2*(1-tailed Sig.)]" from the U distribution without ties
 * (not corrected for ties), computed only for small samples.
 *
 * @param groupA    label of the first group
 * @param groupB    label of the second group
 * @param nA        valid answers in the first group
 * @param nB        valid answers in the second group
 * @param rankSumA  rank sum of the first group (mid-ranks for ties)
 * @param rankSumB  rank sum of the second group
 * @param u         Mann–Whitney U = min(U₁, U₂)
 * @param w         Wilcoxon W
 * @param z         standardized statistic (tie-corrected, no continuity correction)
 * @param p         asymptotic two-sided p
 * @param exactP    exact two-sided p ignoring ties, when computed
 */
public record MannWhitneyResult(String groupA, String groupB, long nA, long nB, double rankSumA,
                                double rankSumB, double u, double w, double z, double p,
                                OptionalDouble exactP) {

    /** Mean rank of the first group. */
    public double meanRankA() {
        return rankSumA / nA;
    }

    /** Mean rank of the second group. */
    public double meanRankB() {
        return rankSumB / nB;
    }
}
