package concord.analysis;

import java.util.Map;

/**
 * Everything computed for one outcome.
 *
 * @param outcome    the outcome (field, label, domain)
 * @param groups     per-group statistics keyed by group label, in study order (every group of the
 *                   study, also those without answers)
 * @param comparison the between-group comparison
 */
public record OutcomeResult(Outcome outcome, Map<String, GroupStatistics> groups, OutcomeComparison comparison) {

    public OutcomeResult {
        groups = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(groups));
    }
}
