package concord.analysis;

import java.util.Map;

/**
 * The headline counts of a study, as the reference paper reports them ("patients had 8 critical
 * outcomes, doctors 7; 2 were critical for both; 22 differed, 9 by the rank-sum test, 4 more by
 * chi-square only").
 *
 * @param outcomes                 number of outcomes
 * @param criticalByGroup          outcomes classified critical, per group label (study order)
 * @param notImportantByGroup      outcomes classified not important, per group label
 * @param criticalInAllGroups      outcomes critical in every group
 * @param differing                outcomes whose groups differ (any reason)
 * @param differingByRankTest      … with a significant rank test
 * @param differingByChiSquareOnly … with a significant chi-square but not a significant rank test
 * @param differingByConsensusOnly … with different consensus classes but neither test significant
 */
public record StudySummary(int outcomes, Map<String, Long> criticalByGroup, Map<String, Long> notImportantByGroup,
                           long criticalInAllGroups, long differing, long differingByRankTest,
                           long differingByChiSquareOnly, long differingByConsensusOnly) {

    public StudySummary {
        criticalByGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(criticalByGroup));
        notImportantByGroup = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notImportantByGroup));
    }

    /** Counts the summary of a result (alpha from the result's options). */
    public static StudySummary of(StudyResult result) {
        double alpha = result.options().alpha();
        Map<String, Long> critical = new java.util.LinkedHashMap<>();
        Map<String, Long> notImportant = new java.util.LinkedHashMap<>();
        for (GroupSummary g : result.groups()) {
            critical.put(g.label(), (long) result.outcomesWith(Consensus.CRITICAL, g.label()).size());
            notImportant.put(g.label(), (long) result.outcomesWith(Consensus.NOT_IMPORTANT, g.label()).size());
        }
        long allCritical = 0;
        long differing = 0;
        long byRank = 0;
        long byChiOnly = 0;
        long byConsensusOnly = 0;
        for (OutcomeResult o : result.outcomes()) {
            boolean critEverywhere = o.groups().values().stream()
                    .allMatch(g -> g.consensus().filter(Consensus.CRITICAL::equals).isPresent());
            allCritical += critEverywhere ? 1 : 0;
            OutcomeComparison c = o.comparison();
            if (!c.differs()) {
                continue;
            }
            differing++;
            boolean rank = c.rankTestP().isPresent() && c.rankTestP().getAsDouble() < alpha;
            boolean chi = c.chiSquare().filter(x -> x.p() < alpha).isPresent();
            if (rank) {
                byRank++;
            } else if (chi) {
                byChiOnly++;
            } else {
                byConsensusOnly++;
            }
        }
        return new StudySummary(result.outcomes().size(), critical, notImportant, allCritical, differing, byRank,
                byChiOnly, byConsensusOnly);
    }
}
