package concord.analysis;

import java.util.Map;

/**
 * One outcome across the rounds of a Delphi study.
 *
 * @param outcome the outcome
 * @param groups  per group, keyed by group label in study order
 */
public record OutcomeStability(Outcome outcome, Map<String, GroupStability> groups) {

    public OutcomeStability {
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
    }
}
