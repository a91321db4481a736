package concord.analysis;

import java.util.List;

/**
 * Response rates and drop-out of a Delphi study.
 *
 * @param groups per stakeholder group, in study order
 * @param all    all participants together (its comparisons pool the groups)
 */
public record Attrition(List<GroupAttrition> groups, GroupAttrition all) {

    public Attrition {
        groups = List.copyOf(groups);
        java.util.Objects.requireNonNull(all, "all");
    }
}
