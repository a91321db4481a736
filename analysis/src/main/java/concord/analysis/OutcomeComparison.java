package concord.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The between-group comparison of one outcome. Two groups get a Mann–Whitney test, three or more a
 * Kruskal–Wallis test with pairwise follow-ups; the chi-square and Fisher tests work on the
 * group × band table either way. Tests that cannot be computed are empty and
 * {@link #notComputable()} gives the reason by JSON field name.
 *
 * @param groupsCompared labels of the groups with valid answers that took part, in study order
 * @param chiSquare      Pearson chi-square on the group × band table
 * @param fisherExact    Fisher / Fisher–Freeman–Halton exact test on the same table
 * @param mannWhitney    Mann–Whitney U test (exactly two groups compared)
 * @param kruskalWallis  Kruskal–Wallis H test (three or more groups compared)
 * @param effectSizes    effect sizes (r, Cliff's δ and Hodges–Lehmann only for two groups)
 * @param qValues        Benjamini–Hochberg q values across outcomes
 * @param differs        whether the groups differ: a significant rank test, a significant
 *                       chi-square, or different consensus classes
 * @param reasons        why {@code differs} is true, one line per reason; empty otherwise
 * @param notComputable  reasons for empty tests and values, by field name
 */
public record OutcomeComparison(List<String> groupsCompared, Optional<ChiSquareResult> chiSquare,
                                Optional<FisherExactResult> fisherExact, Optional<MannWhitneyResult> mannWhitney,
                                Optional<KruskalWallisResult> kruskalWallis, EffectSizes effectSizes,
                                QValues qValues, boolean differs, List<String> reasons,
                                Map<String, String> notComputable) {

    public OutcomeComparison {
        groupsCompared = List.copyOf(groupsCompared);
        reasons = List.copyOf(reasons);
        notComputable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notComputable));
    }

    /** The p of the rank test used (Mann–Whitney for two groups, Kruskal–Wallis otherwise). */
    public OptionalDouble rankTestP() {
        if (mannWhitney.isPresent()) {
            return OptionalDouble.of(mannWhitney.get().p());
        }
        return kruskalWallis.map(k -> OptionalDouble.of(k.p())).orElse(OptionalDouble.empty());
    }
}
