package concord.analysis.report.internal;

import concord.analysis.GroupSummary;
import concord.analysis.StudyResult;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The headline numbers of a result in sentences, as the paper's abstract states them. */
public final class Summary {

    private Summary() {
    }

    public static List<String> sentences(StudyResult result) {
        ResultView view = new ResultView(result);
        int total = result.outcomes().size();
        List<String> sentences = new ArrayList<>();
        List<String> perGroup = new ArrayList<>();
        for (GroupSummary group : view.groups()) {
            long critical = result.outcomes().stream().filter(o -> view.critical(o, group)).count();
            perGroup.add(group.label() + " (n = " + group.n() + ") rated " + critical + " of " + total + " outcomes critical");
        }
        sentences.add(String.join("; ", perGroup) + ".");
        long all = result.outcomes().stream().filter(o -> view.groups().stream().allMatch(g -> view.critical(o, g))).count();
        sentences.add(all + " of " + total + " outcomes (" + share(all, total) + "%) were critical for "
                + (view.groups().size() == 2 ? "both groups" : "all groups") + ".");
        long differing = result.differingOutcomes().size();
        sentences.add(differing + " of " + total + " outcomes (" + share(differing, total)
                + "%) differed between the groups by a test or by consensus class.");
        return sentences;
    }

    static String share(long part, long total) {
        if (total == 0) {
            return Numbers.NOT_COMPUTABLE;
        }
        return new BigDecimal(part * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
