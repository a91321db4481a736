package concord.analysis;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Whether the round-1 ratings of one outcome differ between the participants who answered every
 * round so far and those who dropped out (answered round 1 but not every later round): a
 * Mann–Whitney U test (SPSS conventions, as between stakeholder groups) with a Benjamini–Hochberg
 * q value across the outcomes.
 *
 * @param outcome       the outcome
 * @param completers    round-1 ratings of the participants who answered every round
 * @param dropouts      round-1 ratings of those who did not
 * @param mannWhitney   the test; group A is the completers
 * @param q             BH q over the outcomes of the same comparison family (one group, or all participants)
 * @param flagged       q &lt; alpha: drop-outs rated this outcome differently, so the later rounds may be biased
 * @param notComputable reasons for the empty values, by JSON field name
 */
public record DropoutComparison(Outcome outcome, ScoreHistogram completers, ScoreHistogram dropouts,
                                Optional<MannWhitneyResult> mannWhitney, OptionalDouble q, boolean flagged,
                                Map<String, String> notComputable) {

    public DropoutComparison {
        notComputable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notComputable));
    }
}
