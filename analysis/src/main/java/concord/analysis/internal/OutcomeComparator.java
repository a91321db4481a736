package concord.analysis.internal;

import concord.analysis.AnalysisOptions;
import concord.analysis.ChiSquareResult;
import concord.analysis.Consensus;
import concord.analysis.EffectSizes;
import concord.analysis.FisherExactResult;
import concord.analysis.KruskalWallisResult;
import concord.analysis.MannWhitneyResult;
import concord.analysis.OutcomeComparison;
import concord.analysis.PairwiseComparison;
import concord.analysis.QValues;
import concord.analysis.ScoreHistogram;
import concord.analysis.ConsensusRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Compares the groups of one outcome: band-table tests, the rank test suited to the number of
 * groups with answers, effect sizes and the "differs" verdict. Q values are added later across
 * outcomes by the analyzer ({@link #withQValues}).
 */
public final class OutcomeComparator {

    private final AnalysisOptions options;
    private final ConsensusRule rule;

    public OutcomeComparator(AnalysisOptions options, ConsensusRule rule) {
        this.options = options;
        this.rule = rule;
    }

    /** Compares the groups (labels and histograms in study order; groups without answers are skipped). */
    public OutcomeComparison compare(List<String> labels, List<ScoreHistogram> histograms) {
        Map<String, String> reasons = new LinkedHashMap<>();
        List<String> compared = new ArrayList<>();
        List<ScoreHistogram> withAnswers = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            if (histograms.get(g).n() > 0) {
                compared.add(labels.get(g));
                withAnswers.add(histograms.get(g));
            }
        }
        BandTable table = BandTable.of(labels, histograms);
        Optional<ChiSquareResult> chiSquare = PearsonChiSquare.test(table).recordInto(reasons, "chiSquare");
        Optional<FisherExactResult> fisher = FisherFreemanHalton.test(table, options.fisherEnumerationLimit(),
                options.fisherNetworkLimit(), options.fisherMonteCarloSamples(), options.fisherMonteCarloSeed(),
                options.fisherMonteCarloMaxN())
                .recordInto(reasons, "fisherExactP");
        OptionalDouble cramersV = chiSquare.map(c -> OptionalDouble.of(c.cramersV())).orElse(OptionalDouble.empty());
        if (cramersV.isEmpty()) {
            reasons.put("effectSizes.cramersV", reasons.get("chiSquare"));
        }

        Optional<MannWhitneyResult> mannWhitney = Optional.empty();
        Optional<KruskalWallisResult> kruskalWallis = Optional.empty();
        EffectSizes effects = new EffectSizes(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                cramersV);
        if (compared.size() < 2) {
            String why = compared.isEmpty() ? "no group has valid answers"
                    : "only one group (" + compared.get(0) + ") has valid answers";
            reasons.put("mannWhitney", why);
            reasons.put("kruskalWallis", why);
            pairEffectReasons(reasons, why);
        } else if (compared.size() == 2) {
            reasons.put("kruskalWallis", "2 groups compared; see mannWhitney");
            Computed<MannWhitneyResult> mw = MannWhitney.test(compared.get(0), withAnswers.get(0), compared.get(1),
                    withAnswers.get(1), options.exactMannWhitneyMaxN());
            mannWhitney = mw.recordInto(reasons, "mannWhitney");
            mannWhitney.filter(m -> m.exactP().isEmpty())
                    .ifPresent(m -> reasons.put("mannWhitney.exactP", MannWhitney.exactPReason(m, options.exactMannWhitneyMaxN())));
            EffectSizes pair = pairEffects(withAnswers.get(0), withAnswers.get(1), mannWhitney);
            effects = new EffectSizes(pair.r(), pair.cliffsDelta(), pair.hodgesLehmann(), cramersV);
            if (mannWhitney.isEmpty()) {
                reasons.put("effectSizes.r", mw.reason());
            }
        } else {
            reasons.put("mannWhitney", compared.size() + " groups compared; see kruskalWallis and its pairwise tests");
            pairEffectReasons(reasons, compared.size() + " groups compared; see kruskalWallis.pairwise");
            kruskalWallis = kruskalWallis(compared, withAnswers, reasons);
        }

        List<String> differences = new ArrayList<>();
        OptionalDouble rankP = mannWhitney.map(m -> OptionalDouble.of(m.p()))
                .orElse(kruskalWallis.map(k -> OptionalDouble.of(k.p())).orElse(OptionalDouble.empty()));
        String rankTest = mannWhitney.isPresent() ? "Mann–Whitney U" : "Kruskal–Wallis H";
        if (rankP.isPresent() && rankP.getAsDouble() < options.alpha()) {
            differences.add(rankTest + " p " + formatP(rankP.getAsDouble()) + " < " + alphaText());
        }
        if (chiSquare.isPresent() && chiSquare.get().p() < options.alpha()) {
            differences.add("Pearson chi-square p " + formatP(chiSquare.get().p()) + " < " + alphaText());
        }
        Set<Consensus> classes = new LinkedHashSet<>();
        List<String> perGroup = new ArrayList<>();
        for (int g = 0; g < compared.size(); g++) {
            Consensus c = rule.classify(withAnswers.get(g)).orElseThrow();
            classes.add(c);
            perGroup.add(compared.get(g) + " " + c.label());
        }
        if (classes.size() > 1) {
            differences.add("consensus differs: " + String.join(", ", perGroup));
        }
        QValues noQ = new QValues(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
        return new OutcomeComparison(compared, chiSquare, fisher, mannWhitney, kruskalWallis, effects, noQ,
                !differences.isEmpty(), differences, reasons);
    }

    /** A copy of {@code c} with q values, recording reasons for the missing ones. */
    public static OutcomeComparison withQValues(OutcomeComparison c, QValues q) {
        Map<String, String> reasons = new LinkedHashMap<>(c.notComputable());
        if (q.chiSquare().isEmpty()) {
            reasons.put("qValues.chiSquare", "no chi-square p for this outcome");
        }
        if (q.fisherExact().isEmpty()) {
            reasons.put("qValues.fisherExact", "no Fisher exact p for this outcome");
        }
        if (q.rankTest().isEmpty()) {
            reasons.put("qValues.rankTest", "no rank-test p for this outcome");
        }
        return new OutcomeComparison(c.groupsCompared(), c.chiSquare(), c.fisherExact(), c.mannWhitney(),
                c.kruskalWallis(), c.effectSizes(), q, c.differs(), c.reasons(), reasons);
    }

    private Optional<KruskalWallisResult> kruskalWallis(List<String> compared, List<ScoreHistogram> groups,
                                                        Map<String, String> reasons) {
        Computed<KruskalWallis.Statistic> kw = KruskalWallis.test(groups);
        if (!kw.isPresent()) {
            reasons.put("kruskalWallis", kw.reason());
            return Optional.empty();
        }
        List<MannWhitneyResult> tests = new ArrayList<>();
        List<EffectSizes> effects = new ArrayList<>();
        for (int a = 0; a < groups.size(); a++) {
            for (int b = a + 1; b < groups.size(); b++) {
                Computed<MannWhitneyResult> mw = MannWhitney.test(compared.get(a), groups.get(a), compared.get(b),
                        groups.get(b), options.exactMannWhitneyMaxN());
                if (mw.isPresent()) {
                    tests.add(mw.value());
                    effects.add(pairEffects(groups.get(a), groups.get(b), mw.optional()));
                } else {
                    reasons.put("kruskalWallis.pairwise." + compared.get(a) + " vs " + compared.get(b), mw.reason());
                }
            }
        }
        double[] p = tests.stream().mapToDouble(MannWhitneyResult::p).toArray();
        double[] adjusted = switch (options.pairwiseCorrection()) {
            case HOLM -> Multiplicity.holm(p);
            case BONFERRONI -> Multiplicity.bonferroni(p);
        };
        List<PairwiseComparison> pairwise = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            pairwise.add(new PairwiseComparison(tests.get(i), adjusted[i], effects.get(i)));
        }
        KruskalWallis.Statistic s = kw.value();
        return Optional.of(new KruskalWallisResult(s.h(), s.df(), s.p(), options.pairwiseCorrection(), pairwise));
    }

    private static EffectSizes pairEffects(ScoreHistogram a, ScoreHistogram b, Optional<MannWhitneyResult> mw) {
        PairwiseDifferences d = PairwiseDifferences.of(a, b);
        return new EffectSizes(mw.map(m -> OptionalDouble.of(MannWhitney.effectSizeR(m))).orElse(OptionalDouble.empty()),
                OptionalDouble.of(d.cliffsDelta()), OptionalDouble.of(d.hodgesLehmann()), OptionalDouble.empty());
    }

    private static void pairEffectReasons(Map<String, String> reasons, String why) {
        reasons.put("effectSizes.r", why);
        reasons.put("effectSizes.cliffsDelta", why);
        reasons.put("effectSizes.hodgesLehmann", why);
    }

    private String alphaText() {
        return java.math.BigDecimal.valueOf(options.alpha()).stripTrailingZeros().toPlainString();
    }

    /** "= 0.0035" or "&lt; 0.0001", for verdict texts. */
    public static String formatP(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "= %.4f", p);
    }
}
