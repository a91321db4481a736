package concord.analysis;

import java.util.OptionalDouble;

/**
 * Effect sizes of a group comparison.
 *
 * @param r              |Z| / √N from the Mann–Whitney Z (Rosenthal's r)
 * @param cliffsDelta    P(A &gt; B) − P(A &lt; B) for a random answer of the first group A and of the
 *                       second group B (positive: A rates higher)
 * @param hodgesLehmann  median of all pairwise differences a − b (positive: A rates higher)
 * @param cramersV       Cramér's V of the group × band table
 */
public record EffectSizes(OptionalDouble r, OptionalDouble cliffsDelta, OptionalDouble hodgesLehmann,
                          OptionalDouble cramersV) {

    /** No effect size computable. */
    public static EffectSizes none() {
        return new EffectSizes(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty());
    }
}
