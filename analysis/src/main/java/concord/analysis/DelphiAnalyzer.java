package concord.analysis;

import concord.analysis.internal.AttritionCalculator;
import concord.analysis.internal.DelphiMethodsText;
import concord.analysis.internal.RoundChangeCalculator;
import concord.analysis.internal.StoppingAdviceCalculator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Analyses a Delphi study: every round as a full {@link StudyResult}, and across the rounds the
 * consensus per round, the paired change between consecutive rounds with the stability verdict,
 * the response rates and the drop-out comparison. Immutable and thread-safe:
 * <pre>{@code
 * DelphiAccumulator counts = new DelphiAccumulator(study, rounds);
 * participants.forEach(counts::add);
 * StudyResult result = DelphiAnalyzer.withDefaults().analyze(counts);   // latest round + result.delphi()
 * }</pre>
 */
public final class DelphiAnalyzer {

    private final AnalysisOptions options;
    private final StabilityRule rule;

    private DelphiAnalyzer(AnalysisOptions options, StabilityRule rule) {
        this.options = Objects.requireNonNull(options, "options");
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** SPSS-compatible analysis options and the default {@link StabilityRule}. */
    public static DelphiAnalyzer withDefaults() {
        return new DelphiAnalyzer(AnalysisOptions.defaults(), StabilityRule.defaults());
    }

    public DelphiAnalyzer with(AnalysisOptions newOptions) {
        return new DelphiAnalyzer(newOptions, rule);
    }

    public DelphiAnalyzer with(StabilityRule newRule) {
        return new DelphiAnalyzer(options, newRule);
    }

    public AnalysisOptions options() {
        return options;
    }

    public StabilityRule rule() {
        return rule;
    }

    /**
     * The latest round with answers (the first round if none has any) as the top-level result, with
     * {@link StudyResult#delphi()} holding every round and the across-round figures.
     */
    public StudyResult analyze(DelphiAccumulator counts) {
        Study study = counts.study();
        StudyAnalyzer analyzer = StudyAnalyzer.withDefaults().with(options);
        List<RoundResult> rounds = new ArrayList<>();
        int startedMask = 0;
        for (Round round : counts.rounds()) {
            RatingAccumulator r = counts.round(round.number());
            long respondents = 0;
            for (int g = 0; g < study.groups().size(); g++) {
                respondents += r.participants(g);
            }
            if (respondents > 0) {
                startedMask |= 1 << (round.number() - 1);
            }
            rounds.add(new RoundResult(round, respondents > 0, analyzer.analyze(r)));
        }
        int lastRound = 32 - Integer.numberOfLeadingZeros(startedMask);
        List<OutcomeStability> stability = new ArrayList<>();
        for (int o = 0; o < study.outcomes().size(); o++) {
            Map<String, GroupStability> byGroup = new LinkedHashMap<>();
            for (int g = 0; g < study.groups().size(); g++) {
                byGroup.put(study.groups().get(g).label(), group(counts, rounds, o, g));
            }
            stability.add(new OutcomeStability(study.outcomes().get(o), byGroup));
        }
        DelphiResult delphi = new DelphiResult(rounds, stability, AttritionCalculator.of(counts, startedMask, options), rule,
                StoppingAdviceCalculator.of(stability, lastRound, rounds.size()),
                DelphiMethodsText.describe(counts.rounds(), rule, options));
        StudyResult top = delphi.lastStarted().orElse(rounds.get(0)).result();
        return top.withDelphi(delphi);
    }

    private GroupStability group(DelphiAccumulator counts, List<RoundResult> rounds, int outcome, int group) {
        String label = counts.study().groups().get(group).label();
        List<Optional<Consensus>> classes = new ArrayList<>();
        for (RoundResult r : rounds) {
            classes.add(r.started() ? r.result().outcomes().get(outcome).groups().get(label).consensus() : Optional.empty());
        }
        List<RoundChange> changes = new ArrayList<>();
        for (int i = 0; i + 1 < rounds.size(); i++) {
            RoundResult from = rounds.get(i);
            RoundResult to = rounds.get(i + 1);
            if (from.started() && to.started()) {
                changes.add(RoundChangeCalculator.of(from.round(), to.round(),
                        counts.pairs(from.round().number(), outcome, group),
                        counts.round(from.round().number()).histogram(outcome, group),
                        counts.round(to.round().number()).histogram(outcome, group), classes.get(i), classes.get(i + 1), rule));
            }
        }
        return new GroupStability(classes, reached(rounds, classes), changes);
    }

    /** The first round of the final uninterrupted run of the last answered round's consensus class. */
    private static OptionalInt reached(List<RoundResult> rounds, List<Optional<Consensus>> classes) {
        int last = -1;
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).started()) {
                last = i;
            }
        }
        if (last < 0 || classes.get(last).isEmpty() || classes.get(last).get() == Consensus.NEUTRAL) {
            return OptionalInt.empty();
        }
        int first = last;
        while (first > 0 && classes.get(first - 1).equals(classes.get(last))) {
            first--;
        }
        return OptionalInt.of(rounds.get(first).round().number());
    }
}
