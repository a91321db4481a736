package concord.analysis.internal;

import concord.analysis.Band;
import concord.analysis.ConsensusRule;
import concord.analysis.GroupStatistics;
import concord.analysis.ScoreHistogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Table-1 statistics of one histogram, with reasons for whatever is not computable. */
public final class GroupStatisticsCalculator {

    private GroupStatisticsCalculator() {
    }

    public static GroupStatistics of(ScoreHistogram h, ConsensusRule rule) {
        long n = h.n();
        Map<String, String> reasons = new LinkedHashMap<>();
        if (n == 0) {
            String why = h.missing() > 0 ? "no valid answers (" + h.missing() + " missing)" : "no answers";
            for (String f : List.of("pctTop", "pctMiddle", "pctBottom", "mean", "sd", "median", "q1", "q3",
                    "consensus")) {
                reasons.put(f, why);
            }
        } else if (n == 1) {
            reasons.put("sd", "needs at least 2 valid answers, has 1");
        }
        List<Long> counts = new ArrayList<>();
        for (long c : h.counts()) {
            counts.add(c);
        }
        return new GroupStatistics(n, h.missing(), counts, h.validPercent(Band.TOP), h.validPercent(Band.MIDDLE),
                h.validPercent(Band.BOTTOM), h.mean(), h.standardDeviation(), h.median(), h.q1(), h.q3(),
                rule.classify(h), reasons);
    }
}
