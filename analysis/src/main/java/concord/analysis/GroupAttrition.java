package concord.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Response and drop-out of one stakeholder group (or of all participants) over the rounds.
 *
 * @param group        the group's label; empty for all participants together
 * @param panel        participants with a valid group, whether they answered or not
 * @param rounds       responses per round, in round order
 * @param completers   round-1 respondents who answered every round that has answers
 * @param dropouts     round-1 respondents who did not
 * @param patterns     participants per response pattern, keyed by the rounds answered ("1,2,3"; "" for none),
 *                     in ascending pattern order, only patterns that occur
 * @param comparisons  the drop-out comparison per outcome, in study order
 */
public record GroupAttrition(Optional<String> group, long panel, List<RoundResponse> rounds, long completers, long dropouts,
                             Map<String, Long> patterns, List<DropoutComparison> comparisons) {

    public GroupAttrition {
        rounds = List.copyOf(rounds);
        patterns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(patterns));
        comparisons = List.copyOf(comparisons);
    }

    /** The outcomes whose drop-outs rated differently (q &lt; alpha), in study order. */
    public List<DropoutComparison> flagged() {
        return comparisons.stream().filter(DropoutComparison::flagged).toList();
    }
}
