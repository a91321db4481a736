package concord.analysis;

/**
 * A post-hoc comparison of two groups after a Kruskal–Wallis test (three or more groups).
 *
 * @param mannWhitney the two-group Mann–Whitney test
 * @param adjustedP   its asymptotic p after the multiplicity correction of {@link AnalysisOptions#pairwiseCorrection()}
 * @param effectSizes r, Cliff's delta and Hodges–Lehmann shift of the pair (Cramér's V empty)
 */
public record PairwiseComparison(MannWhitneyResult mannWhitney, double adjustedP, EffectSizes effectSizes) {
}
