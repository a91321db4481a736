package concord.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What is analysed: the rated outcomes, the stakeholder groups compared, the rating scale, the
 * consensus rule and the participant characteristics to tabulate.
 *
 * @param title        study title for reports
 * @param outcomes     rated outcomes in questionnaire order, at least one, unique fields
 * @param groups       stakeholder groups in display order, at least two, unique codes and labels
 * @param scale        the rating scale
 * @param rule         the consensus rule
 * @param demographics participant characteristics, possibly empty, unique fields
 */
public record Study(String title, List<Outcome> outcomes, List<StakeholderGroup> groups, RatingScale scale,
                    ConsensusRule rule, List<DemographicVariable> demographics) {

    public Study {
        Objects.requireNonNull(title, "title");
        outcomes = List.copyOf(outcomes);
        groups = List.copyOf(groups);
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(rule, "rule");
        demographics = demographics == null ? List.of() : List.copyOf(demographics);
        if (outcomes.isEmpty()) {
            throw new IllegalArgumentException("Study '" + title + "' has no outcomes; add at least one rated field");
        }
        if (groups.size() < 2) {
            throw new IllegalArgumentException("Study '" + title + "' has " + groups.size()
                    + " stakeholder group(s); comparing needs at least two");
        }
        requireUnique(title, "outcome field", outcomes.stream().map(Outcome::field).toList());
        requireUnique(title, "group code", groups.stream().map(StakeholderGroup::code).toList());
        requireUnique(title, "group label", groups.stream().map(StakeholderGroup::label).toList());
        requireUnique(title, "characteristic field", demographics.stream().map(DemographicVariable::field).toList());
    }

    /** A GRADE 1–9 study with the reference study's consensus rule and no characteristics. */
    public static Study of(String title, List<Outcome> outcomes, List<StakeholderGroup> groups) {
        return new Study(title, outcomes, groups, RatingScale.grade(), ConsensusRule.defaults(), List.of());
    }

    public Study withScale(RatingScale newScale) {
        return new Study(title, outcomes, groups, newScale, rule, demographics);
    }

    public Study withRule(ConsensusRule newRule) {
        return new Study(title, outcomes, groups, scale, newRule, demographics);
    }

    public Study withDemographics(List<DemographicVariable> newDemographics) {
        return new Study(title, outcomes, groups, scale, rule, newDemographics);
    }

    /** Index of the outcome with this field, or -1. */
    public int outcomeIndex(String field) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).field().equals(field)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the group with this code, or -1. */
    public int groupIndex(String code) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    /** The group with this code. */
    public Optional<StakeholderGroup> group(String code) {
        int i = groupIndex(code);
        return i < 0 ? Optional.empty() : Optional.of(groups.get(i));
    }

    private static void requireUnique(String title, String what, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException("Study '" + title + "' has the " + what + " '" + v
                        + "' twice; each must be unique");
            }
        }
    }
}
