package concord.analysis.internal;

import concord.analysis.AnalysisOptions;
import concord.analysis.Round;
import concord.analysis.StabilityRule;

import java.util.ArrayList;
import java.util.List;

/** The printable description of the across-rounds analysis of a Delphi study. */
public final class DelphiMethodsText {

    private DelphiMethodsText() {
    }

    public static List<String> describe(List<Round> rounds, StabilityRule rule, AnalysisOptions options) {
        List<String> lines = new ArrayList<>();
        lines.add("Delphi study of " + rounds.size() + " rounds (" + String.join(", ", rounds.stream().map(Round::label).toList())
                + "); each round is analysed on its own like a single survey, from the participants with at least one "
                + "valid rating in that round.");
        lines.add("Consensus is classified per round and group with the study's rule; it counts as reached in the round "
                + "since which the group has held its last round's class (critical or not important) without interruption.");
        lines.add("Change between consecutive rounds, per outcome and group, for the participants who answered both: "
                + "Wilcoxon signed-rank test of the differences (later − earlier) as SPSS NPAR TESTS /WILCOXON (no "
                + "differences are ties and left out, mid-ranks, tie-corrected variance n(n + 1)(2n + 1)/24 − Σ(t³ − t)/48, "
                + "no continuity correction, Z of the smaller rank sum, asymptotic two-sided p), and the percentage who "
                + "moved to another band (up and down).");
        lines.add("Change of the distribution among each round's respondents: Pearson chi-square on the rounds × bands "
                + "table (unused bands left out, no continuity correction; the rounds share participants, so it describes "
                + "the change rather than testing independent samples) and the change of the interquartile range "
                + "(q3 − q1, Hyndman–Fan type 6).");
        lines.add("Stability rule: " + rule.describe() + ". The advice on another round judges the latest two rounds "
                + "with answers over every outcome and group.");
        lines.add("Attrition: respondents per round and group as a percentage of the panel (everyone with a valid group), "
                + "of round 1 and of the previous round. Participants who answered round 1 but not every later round with "
                + "answers are drop-outs; their round-1 ratings are compared with those of the completers per outcome by "
                + "the Mann–Whitney U test (as between groups), with Benjamini–Hochberg q values across the outcomes of "
                + "each group and of all participants; an outcome is flagged when q < "
                + RoundChangeCalculator.plain(options.alpha()) + ".");
        return lines;
    }
}
