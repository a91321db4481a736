package concord.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one outcome's ratings in one group changed from one round to the next.
 *
 * <p>Two views: the participants who answered in both rounds ({@code pairs}: their paired
 * Wilcoxon signed-rank test and the share who moved to another band), and the two rounds'
 * distributions among all who answered each round (chi-square on the rounds × bands table and the
 * change of the interquartile range, both from the rounds' own results). The rounds are not
 * independent samples, so the chi-square describes the change of the distribution rather than
 * testing it strictly; the paired test is the test for the panel's change.
 *
 * @param fromRound      the earlier round's number
 * @param toRound        the later round's number ({@code fromRound + 1})
 * @param pairs          scores of the participants who answered in both rounds
 * @param wilcoxon       signed-rank test of the pairs
 * @param pctChangedBand percentage of the pairs whose band differs between the rounds
 * @param pctMovedUp     percentage of the pairs that moved to a higher band
 * @param pctMovedDown   percentage of the pairs that moved to a lower band
 * @param chiSquare      Pearson chi-square on the rounds × bands table (SPSS Crosstabs conventions:
 *                       unused bands left out, no continuity correction)
 * @param iqrFrom        interquartile range (q3 − q1, HF6) in the earlier round
 * @param iqrTo          interquartile range in the later round
 * @param iqrChange      {@code iqrTo − iqrFrom} (negative: the ratings converged)
 * @param stable         the stability rule's verdict; empty when it cannot be judged (no pairs)
 * @param reasons        why the verdict is what it is, printable sentences
 * @param notComputable  reasons for the empty values, by JSON field name
 */
public record RoundChange(int fromRound, int toRound, PairedHistogram pairs, Optional<WilcoxonSignedRankResult> wilcoxon,
                          OptionalDouble pctChangedBand, OptionalDouble pctMovedUp, OptionalDouble pctMovedDown,
                          Optional<ChiSquareResult> chiSquare, OptionalDouble iqrFrom, OptionalDouble iqrTo,
                          OptionalDouble iqrChange, Optional<Boolean> stable, List<String> reasons,
                          Map<String, String> notComputable) {

    public RoundChange {
        reasons = List.copyOf(reasons);
        notComputable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notComputable));
    }
}
