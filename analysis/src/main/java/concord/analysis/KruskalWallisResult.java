package concord.analysis;

import java.util.List;

/**
 * Kruskal–Wallis H test of three or more groups (tie-corrected H, asymptotic χ² p), with pairwise
 * Mann–Whitney tests corrected for multiplicity.
 *
 * @param h          tie-corrected H
 * @param df         groups with valid answers − 1
 * @param p          upper tail of χ²(df) at H
 * @param correction the multiplicity correction of the pairwise p values
 * @param pairwise   every pair of groups with valid answers, in study order
 */
public record KruskalWallisResult(double h, int df, double p, PairwiseCorrection correction,
                                  List<PairwiseComparison> pairwise) {

    public KruskalWallisResult {
        pairwise = List.copyOf(pairwise);
    }
}
