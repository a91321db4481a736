package concord.analysis;

import java.util.List;
import java.util.Optional;

/**
 * The across-rounds part of a Delphi study's analysis; a {@link StudyResult} carries it in
 * {@link StudyResult#delphi()}, and its top-level figures are those of the latest round with answers.
 *
 * @param rounds    one full result per round, in round order
 * @param stability per outcome (study order): consensus per round, when it was reached, and the change
 *                  between consecutive rounds per group
 * @param attrition response rates per round and group, and the drop-out comparisons
 * @param rule      the stability rule applied
 * @param advice    what the rule says about another round
 * @param methods   how the across-round figures were computed, printable sentences
 */
public record DelphiResult(List<RoundResult> rounds, List<OutcomeStability> stability, Attrition attrition,
                           StabilityRule rule, StoppingAdvice advice, List<String> methods) {

    public DelphiResult {
        rounds = List.copyOf(rounds);
        stability = List.copyOf(stability);
        methods = List.copyOf(methods);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("A Delphi result needs at least one round");
        }
    }

    /** The latest round anybody answered. */
    public Optional<RoundResult> lastStarted() {
        for (int i = rounds.size() - 1; i >= 0; i--) {
            if (rounds.get(i).started()) {
                return Optional.of(rounds.get(i));
            }
        }
        return Optional.empty();
    }

    /** The round with this number. */
    public Optional<RoundResult> round(int number) {
        return rounds.stream().filter(r -> r.round().number() == number).findFirst();
    }
}
