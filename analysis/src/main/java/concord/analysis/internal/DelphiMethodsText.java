package concord.analysis.internal;

import concord.analysis.AnalysisOptions;
import concord.analysis.Round;
import concord.analysis.StabilityRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The printable description of the across-rounds analysis of a Delphi study, in any report language (keys
 * {@code delphi.methods.*}; the analysis stores the English one).
 */
public final class DelphiMethodsText {

    private DelphiMethodsText() {
    }

    public static List<String> describe(List<Round> rounds, StabilityRule rule, AnalysisOptions options) {
        return describe(rounds, rule, options, Messages.english());
    }

    public static List<String> describe(List<Round> rounds, StabilityRule rule, AnalysisOptions options, Messages m) {
        List<String> lines = new ArrayList<>();
        lines.add(m.format("delphi.methods.rounds", "count", rounds.size(),
                "labels", String.join(m.text("delphi.labelSeparator"), rounds.stream().map(Round::label).toList())));
        lines.add(m.text("delphi.methods.consensus"));
        lines.add(m.text("delphi.methods.change"));
        lines.add(m.text("delphi.methods.distribution"));
        lines.add(m.format("delphi.methods.stability", "rule", rule(rule, m)));
        lines.add(m.format("delphi.methods.attrition", "alpha", RoundChangeCalculator.plain(options.alpha())));
        return lines;
    }

    /** The stability rule as {@link StabilityRule#describe()} words it in English. */
    public static String rule(StabilityRule rule, Messages m) {
        return m.format(rule.changedBandInclusive() ? "delphi.ruleAtMost" : "delphi.ruleFewer", "alpha",
                RoundChangeCalculator.plain(rule.alpha()), "percent", RoundChangeCalculator.plain(rule.changedBandPercent()),
                "consensus", rule.requireUnchangedConsensus() ? m.text("delphi.ruleConsensus") : "");
    }
}
