package concord.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The joint display of an explanatory-sequential mixed-methods study (the reference study's Table 2):
 * for each outcome that coded quotes concern, every group's % in the top band and mean (SD), the group
 * that rated it higher, the COMET domain and core area, and the themes with their quotes; the outcomes
 * no quote concerns are listed as such.
 *
 * <p>The group that rated an outcome higher is the one with the highest mean score; when two or more
 * share it, the one with the highest % in the top band; when that is shared too, no group is marked.
 *
 * @param rows                   outcomes with qualitative data, in study order
 * @param withoutQualitativeData the other outcomes, in study order
 */
public record JointDisplay(List<JointDisplayRow> rows, List<OutcomeResult> withoutQualitativeData) {

    public JointDisplay {
        rows = List.copyOf(rows);
        withoutQualitativeData = List.copyOf(withoutQualitativeData);
    }

    /**
     * @param result    the analysis the figures come from
     * @param quotes    valid coded quotes (outcome fields and group codes of the study), in entry order
     * @param coreAreas outcome field → COMET core area (Table 2's "domain"); outcomes missing get none
     * @return empty when there are no quotes
     * @throws IllegalArgumentException for a quote naming an outcome or group the study does not have
     */
    public static Optional<JointDisplay> of(StudyResult result, List<CodedQuote> quotes, Map<String, String> coreAreas) {
        if (quotes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> groupLabels = new LinkedHashMap<>();
        result.groups().forEach(g -> groupLabels.put(g.code(), g.label()));
        Map<String, Map<String, List<JointDisplayQuote>>> byOutcome = new LinkedHashMap<>();
        result.outcomes().forEach(o -> byOutcome.put(o.outcome().field(), new LinkedHashMap<>()));
        for (CodedQuote quote : quotes) {
            String label = groupLabels.get(quote.groupCode());
            if (label == null) {
                throw new IllegalArgumentException("A quote names the group code '" + quote.groupCode()
                        + "', which the study does not have (codes " + groupLabels.keySet() + ")");
            }
            JointDisplayQuote shown = new JointDisplayQuote(quote.speaker(), quote.groupCode(), label, quote.text());
            for (String field : quote.outcomeFields().stream().distinct().toList()) {
                Map<String, List<JointDisplayQuote>> themes = byOutcome.get(field);
                if (themes == null) {
                    throw new IllegalArgumentException("A quote names the outcome field '" + field
                            + "', which the study does not have");
                }
                themes.computeIfAbsent(quote.theme(), t -> new ArrayList<>()).add(shown);
            }
        }
        List<JointDisplayRow> rows = new ArrayList<>();
        List<OutcomeResult> without = new ArrayList<>();
        for (OutcomeResult outcome : result.outcomes()) {
            Map<String, List<JointDisplayQuote>> themes = byOutcome.get(outcome.outcome().field());
            if (themes.isEmpty()) {
                without.add(outcome);
                continue;
            }
            List<JointDisplayTheme> shown = new ArrayList<>();
            themes.forEach((theme, list) -> shown.add(new JointDisplayTheme(theme, list)));
            rows.add(new JointDisplayRow(outcome.outcome(), coreAreas.getOrDefault(outcome.outcome().field(), ""),
                    outcome.comparison().differs(), groups(result, outcome), shown));
        }
        return Optional.of(new JointDisplay(rows, without));
    }

    private static List<JointDisplayGroup> groups(StudyResult result, OutcomeResult outcome) {
        int higher = higher(result, outcome);
        List<JointDisplayGroup> out = new ArrayList<>();
        for (int g = 0; g < result.groups().size(); g++) {
            GroupSummary group = result.groups().get(g);
            GroupStatistics s = outcome.groups().get(group.label());
            out.add(s == null ? new JointDisplayGroup(group.code(), group.label(), 0, OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), false)
                    : new JointDisplayGroup(group.code(), group.label(), s.n(), s.pctTop(), s.mean(), s.sd(), g == higher));
        }
        return out;
    }

    /** Index of the group with the highest mean, ties broken by % top band; -1 when no single group leads. */
    private static int higher(StudyResult result, OutcomeResult outcome) {
        int best = -1;
        boolean tied = false;
        for (int g = 0; g < result.groups().size(); g++) {
            GroupStatistics s = outcome.groups().get(result.groups().get(g).label());
            if (s == null || s.mean().isEmpty()) {
                continue;
            }
            if (best < 0) {
                best = g;
                continue;
            }
            int c = compare(s, outcome.groups().get(result.groups().get(best).label()));
            if (c > 0) {
                best = g;
                tied = false;
            } else if (c == 0) {
                tied = true;
            }
        }
        return tied ? -1 : best;
    }

    private static int compare(GroupStatistics a, GroupStatistics b) {
        int byMean = Double.compare(a.mean().getAsDouble(), b.mean().getAsDouble());
        if (byMean != 0) {
            return byMean;
        }
        return Double.compare(a.pctTop().orElse(Double.NaN), b.pctTop().orElse(Double.NaN));
    }
}
