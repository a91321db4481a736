package concord.analysis;

import java.util.OptionalDouble;

/**
 * Wilcoxon signed-rank test of paired ratings (later round − earlier round), as SPSS NPAR TESTS
 * /WILCOXON prints it: pairs with no difference are "Ties" and left out, the absolute differences
 * of the others are ranked with mid-ranks, and
 * Z = (min(S⁻, S⁺) − n(n + 1)/4) / √(n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48) with n the non-zero
 * differences and t the sizes of the tied groups of |difference|, without continuity correction,
 * so Z ≤ 0; p = 2·(1 − Φ(|Z|)). R's {@code wilcox.test(later, earlier, paired = TRUE, exact = FALSE,
 * correct = FALSE)} gives the same p.
 *
 * @param pairs           participants with an answer in both rounds
 * @param negative        pairs rated lower in the later round ("Negative Ranks")
 * @param positive        pairs rated higher in the later round ("Positive Ranks")
 * @param ties            pairs with the same score in both rounds
 * @param negativeRankSum sum of the ranks of the negative differences
 * @param positiveRankSum sum of the ranks of the positive differences
 * @param z               standardized statistic of the smaller rank sum
 * @param p               asymptotic two-sided p
 * @param basedOn         which rank sum Z is based on (SPSS's footnote "Based on negative/positive ranks")
 */
public record WilcoxonSignedRankResult(long pairs, long negative, long positive, long ties, double negativeRankSum,
                                       double positiveRankSum, double z, double p, Ranks basedOn) {

    /** The sign of the ranks a Z is based on. */
    public enum Ranks {
        NEGATIVE, POSITIVE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Mean rank of the negative differences; empty if there are none. */
    public OptionalDouble meanRankNegative() {
        return negative == 0 ? OptionalDouble.empty() : OptionalDouble.of(negativeRankSum / negative);
    }

    /** Mean rank of the positive differences; empty if there are none. */
    public OptionalDouble meanRankPositive() {
        return positive == 0 ? OptionalDouble.empty() : OptionalDouble.of(positiveRankSum / positive);
    }
}
