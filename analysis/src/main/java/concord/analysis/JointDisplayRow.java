package concord.analysis;

import java.util.List;
import java.util.Optional;

/**
 * One outcome of a joint display: the groups' figures beside the themes and quotes that concern it.
 *
 * @param outcome  the outcome; its domain is the COMET domain (the paper's Table 2 calls it the sub-domain)
 * @param coreArea the COMET core area the domain belongs to (Table 2's "domain"), e.g. "Life impact"; empty if unknown
 * @param differs  whether the groups differ on it (consensus class, chi-square or rank test)
 * @param groups   every group's figures, in study order
 * @param themes   the themes with their quotes, in order of first entry
 */
public record JointDisplayRow(Outcome outcome, String coreArea, boolean differs, List<JointDisplayGroup> groups,
                              List<JointDisplayTheme> themes) {

    public JointDisplayRow {
        coreArea = coreArea == null ? "" : coreArea;
        groups = List.copyOf(groups);
        themes = List.copyOf(themes);
    }

    /** The group that rated the outcome higher, if one did. */
    public Optional<JointDisplayGroup> higherGroup() {
        return groups.stream().filter(JointDisplayGroup::higher).findFirst();
    }
}
