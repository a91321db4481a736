package concord.analysis.internal;

import concord.analysis.AnalysisOptions;
import concord.analysis.Attrition;
import concord.analysis.DelphiAccumulator;
import concord.analysis.DropoutComparison;
import concord.analysis.GroupAttrition;
import concord.analysis.MannWhitneyResult;
import concord.analysis.Outcome;
import concord.analysis.RoundResponse;
import concord.analysis.ScoreHistogram;
import concord.analysis.Study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * Response rates per round and group, and the round-1 ratings of drop-outs against completers.
 * A completer answered every round that has answers; a drop-out answered round 1 but not all of them.
 */
public final class AttritionCalculator {
    static final String COMPLETERS = "Completed all rounds";
    static final String DROPOUTS = "Dropped out";

    private AttritionCalculator() {
    }

    /** @param startedMask bit r − 1 set for every round r anybody answered */
    public static Attrition of(DelphiAccumulator counts, int startedMask, AnalysisOptions options) {
        Study study = counts.study();
        int groups = study.groups().size();
        List<GroupAttrition> perGroup = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            perGroup.add(group(counts, new int[] {g}, Optional.of(study.groups().get(g).label()), startedMask, options));
        }
        int[] all = new int[groups];
        for (int g = 0; g < groups; g++) {
            all[g] = g;
        }
        return new Attrition(perGroup, group(counts, all, Optional.empty(), startedMask, options));
    }

    private static GroupAttrition group(DelphiAccumulator counts, int[] groups, Optional<String> label, int startedMask,
                                        AnalysisOptions options) {
        int rounds = counts.rounds().size();
        int masks = 1 << rounds;
        long[] byMask = new long[masks];
        for (int mask = 0; mask < masks; mask++) {
            for (int g : groups) {
                byMask[mask] += counts.patternCount(g, mask);
            }
        }
        long panel = 0;
        long completers = 0;
        long firstRound = 0;
        Map<String, Long> patterns = new LinkedHashMap<>();
        for (int mask = 0; mask < masks; mask++) {
            panel += byMask[mask];
            if ((mask & 1) != 0) {
                firstRound += byMask[mask];
                if (completer(mask, startedMask)) {
                    completers += byMask[mask];
                }
            }
            if (byMask[mask] > 0) {
                patterns.put(patternKey(mask, rounds), byMask[mask]);
            }
        }
        List<RoundResponse> responses = new ArrayList<>();
        long first = 0;
        long previous = 0;
        for (int r = 0; r < rounds; r++) {
            long respondents = 0;
            for (int mask = 0; mask < masks; mask++) {
                if ((mask & (1 << r)) != 0) {
                    respondents += byMask[mask];
                }
            }
            if (r == 0) {
                first = respondents;
            }
            responses.add(new RoundResponse(r + 1, respondents, percent(respondents, panel), percent(respondents, first),
                    r == 0 ? OptionalDouble.empty() : percent(respondents, previous)));
            previous = respondents;
        }
        return new GroupAttrition(label, panel, responses, completers, firstRound - completers, patterns,
                comparisons(counts, groups, startedMask, options));
    }

    private static List<DropoutComparison> comparisons(DelphiAccumulator counts, int[] groups, int startedMask,
                                                       AnalysisOptions options) {
        Study study = counts.study();
        int masks = 1 << counts.rounds().size();
        boolean laterRound = Integer.bitCount(startedMask) >= 2 && (startedMask & 1) != 0;
        List<ScoreHistogram[]> histograms = new ArrayList<>();
        List<Optional<MannWhitneyResult>> tests = new ArrayList<>();
        List<Map<String, String>> reasons = new ArrayList<>();
        for (int o = 0; o < study.outcomes().size(); o++) {
            ScoreHistogram completed = ScoreHistogram.empty(study.scale());
            ScoreHistogram dropped = ScoreHistogram.empty(study.scale());
            for (int mask = 1; mask < masks; mask += 2) {
                for (int g : groups) {
                    ScoreHistogram h = counts.roundOne(mask, o, g);
                    if (completer(mask, startedMask)) {
                        completed = completed.plus(h);
                    } else {
                        dropped = dropped.plus(h);
                    }
                }
            }
            Map<String, String> why = new LinkedHashMap<>();
            Optional<MannWhitneyResult> test;
            if (!laterRound) {
                test = Optional.empty();
                why.put("mannWhitney", "only one round has answers, so nobody has dropped out yet");
            } else {
                test = MannWhitney.test(COMPLETERS, completed, DROPOUTS, dropped, options.exactMannWhitneyMaxN())
                        .recordInto(why, "mannWhitney");
                test.filter(m -> m.exactP().isEmpty())
                        .ifPresent(m -> why.put("mannWhitney.exactP", MannWhitney.exactPReason(m, options.exactMannWhitneyMaxN())));
            }
            histograms.add(new ScoreHistogram[] {completed, dropped});
            tests.add(test);
            reasons.add(why);
        }
        List<Integer> present = new ArrayList<>();
        for (int o = 0; o < tests.size(); o++) {
            if (tests.get(o).isPresent()) {
                present.add(o);
            }
        }
        double[] q = Multiplicity.benjaminiHochberg(present.stream().mapToDouble(o -> tests.get(o).get().p()).toArray());
        List<DropoutComparison> out = new ArrayList<>();
        for (int o = 0; o < tests.size(); o++) {
            int at = present.indexOf(o);
            OptionalDouble qo = at < 0 ? OptionalDouble.empty() : OptionalDouble.of(q[at]);
            if (qo.isEmpty()) {
                reasons.get(o).put("q", "no Mann–Whitney p for this outcome");
            }
            boolean flagged = qo.isPresent() && qo.getAsDouble() < options.alpha();
            Outcome outcome = study.outcomes().get(o);
            out.add(new DropoutComparison(outcome, histograms.get(o)[0], histograms.get(o)[1], tests.get(o), qo, flagged,
                    reasons.get(o)));
        }
        return out;
    }

    /** Answered round 1 and every round that has answers. */
    static boolean completer(int mask, int startedMask) {
        return (mask & 1) != 0 && (mask & startedMask) == startedMask;
    }

    /** "1,2,3" for the rounds of a mask; "" for none. */
    public static String patternKey(int mask, int rounds) {
        StringJoiner key = new StringJoiner(",");
        for (int r = 0; r < rounds; r++) {
            if ((mask & (1 << r)) != 0) {
                key.add(Integer.toString(r + 1));
            }
        }
        return key.toString();
    }

    private static OptionalDouble percent(long count, long of) {
        return of == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * count / of);
    }
}
