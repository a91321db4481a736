package concord.analysis.reconstruction;

import java.util.Objects;

/**
 * How the reconstruction met an outcome's printed rank-sum P. The descriptive statistics leave many
 * histograms per group; among all pairs of them (doctor × patient) the reconstruction prefers one whose
 * Mann–Whitney P (SPSS: asymptotic, tie-corrected, no continuity correction) agrees with the printed
 * value, or else comes closest.
 *
 * @param outcome       outcome label
 * @param printed       the printed P, e.g. "0.338" or "<0.001"
 * @param reconstructed the reconstructed data's P
 * @param agrees        whether it agrees at three decimals
 * @param pairsTried    histogram pairs examined
 * @param pairsAgreeing pairs whose P agrees
 */
public record RankSumMatch(String outcome, String printed, double reconstructed, boolean agrees,
                           long pairsTried, long pairsAgreeing) {

    public RankSumMatch {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(printed, "printed");
    }

    /** Whether {@code p} agrees with a printed P ("0.46" is 0.460 ± 0.0005; "<0.001" means below 0.001). */
    public static boolean agrees(String printed, double p) {
        String t = printed.trim();
        if (t.startsWith("<")) {
            PrintedNumber bound = PrintedNumber.parse(t.substring(1));
            return bound.present() && p < bound.value();
        }
        return PrintedNumber.parse(t).agrees(p, 3);
    }
}
