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
        return sentences(new ResultView(result));
    }

    /** The sentences in the view's language. */
    public static List<String> sentences(ResultView view) {
        StudyResult result = view.result();
        ReportWords w = view.words();
        int total = result.outcomes().size();
        List<String> sentences = new ArrayList<>();
        List<String> perGroup = new ArrayList<>();
        for (GroupSummary group : view.groups()) {
            long critical = result.outcomes().stream().filter(o -> view.critical(o, group)).count();
            perGroup.add(w.format("summary.group", "group", group.label(), "n", group.n(), "critical", critical, "total", total));
        }
        sentences.add(w.format("summary.groups", "list", w.list(perGroup)));
        long all = result.outcomes().stream().filter(o -> view.groups().stream().allMatch(g -> view.critical(o, g))).count();
        sentences.add(w.format(view.groups().size() == 2 ? "summary.allTwo" : "summary.allMany", "all", all, "total", total,
                "share", share(all, total)));
        long differing = result.differingOutcomes().size();
        sentences.add(w.format("summary.differing", "differing", differing, "total", total, "share", share(differing, total)));
        return sentences;
    }

    static String share(long part, long total) {
        if (total == 0) {
            return Numbers.NOT_COMPUTABLE;
        }
        return new BigDecimal(part * 100).divide(BigDecimal.valueOf(total), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
