package concord.analysis;

import concord.analysis.internal.GroupStatisticsCalculator;
import concord.analysis.internal.MethodsText;
import concord.analysis.internal.Multiplicity;
import concord.analysis.internal.OutcomeComparator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Computes a {@link StudyResult} from accumulated ratings. Immutable and thread-safe:
 * <pre>{@code
 * RatingAccumulator ratings = new RatingAccumulator(study);
 * records.forEach(ratings::add);
 * StudyResult result = StudyAnalyzer.withDefaults().analyze(ratings);
 * }</pre>
 * All statistics are computed from the per-outcome, per-group histograms; the cost does not
 * depend on the number of participants.
 */
public final class StudyAnalyzer {

    private final AnalysisOptions options;

    private StudyAnalyzer(AnalysisOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** An analyzer with SPSS-compatible {@link AnalysisOptions#defaults()}. */
    public static StudyAnalyzer withDefaults() {
        return new StudyAnalyzer(AnalysisOptions.defaults());
    }

    /** An analyzer with other options. */
    public StudyAnalyzer with(AnalysisOptions newOptions) {
        return new StudyAnalyzer(newOptions);
    }

    public AnalysisOptions options() {
        return options;
    }

    /** Analyses everything the accumulator has counted. */
    public StudyResult analyze(RatingAccumulator ratings) {
        Study study = ratings.study();
        List<String> labels = study.groups().stream().map(StakeholderGroup::label).toList();
        List<GroupSummary> groups = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            StakeholderGroup group = study.groups().get(g);
            groups.add(new GroupSummary(group.code(), group.label(), ratings.participants(g)));
        }

        OutcomeComparator comparator = new OutcomeComparator(options, study.rule());
        int outcomes = study.outcomes().size();
        List<Map<String, GroupStatistics>> perGroup = new ArrayList<>(outcomes);
        List<OutcomeComparison> comparisons = new ArrayList<>(outcomes);
        for (int o = 0; o < outcomes; o++) {
            List<ScoreHistogram> histograms = new ArrayList<>(labels.size());
            Map<String, GroupStatistics> stats = new LinkedHashMap<>();
            for (int g = 0; g < labels.size(); g++) {
                ScoreHistogram h = ratings.histogram(o, g);
                histograms.add(h);
                stats.put(labels.get(g), GroupStatisticsCalculator.of(h, study.rule()));
            }
            perGroup.add(stats);
            comparisons.add(comparator.compare(labels, histograms));
        }

        OptionalDouble[] qChi = qValues(comparisons, c -> c.chiSquare().map(x -> OptionalDouble.of(x.p()))
                .orElse(OptionalDouble.empty()));
        OptionalDouble[] qFisher = qValues(comparisons, c -> c.fisherExact().map(x -> OptionalDouble.of(x.p()))
                .orElse(OptionalDouble.empty()));
        OptionalDouble[] qRank = qValues(comparisons, OutcomeComparison::rankTestP);
        List<OutcomeResult> results = new ArrayList<>(outcomes);
        Map<String, FisherExactResult> estimated = new LinkedHashMap<>();
        for (int o = 0; o < outcomes; o++) {
            OutcomeComparison c = OutcomeComparator.withQValues(comparisons.get(o),
                    new QValues(qChi[o], qFisher[o], qRank[o]));
            Outcome outcome = study.outcomes().get(o);
            c.fisherExact().filter(f -> !f.exact()).ifPresent(f -> estimated.put(outcome.label(), f));
            results.add(new OutcomeResult(outcome, perGroup.get(o), c));
        }

        List<ParticipantCharacteristic> characteristics = new ArrayList<>();
        for (int v = 0; v < study.demographics().size(); v++) {
            Map<String, CharacteristicSummary> byGroup = new LinkedHashMap<>();
            for (int g = 0; g < labels.size(); g++) {
                byGroup.put(labels.get(g), ratings.characteristic(v, g));
            }
            characteristics.add(new ParticipantCharacteristic(study.demographics().get(v), byGroup));
        }
        return new StudyResult(study.title(), groups, results, characteristics, study.scale(), study.rule(), options,
                MethodsText.describe(study, options, estimated));
    }

    /** BH q per outcome for one test, over the outcomes where that test has a p. */
    private static OptionalDouble[] qValues(List<OutcomeComparison> comparisons,
                                            Function<OutcomeComparison, OptionalDouble> pOf) {
        OptionalDouble[] q = new OptionalDouble[comparisons.size()];
        List<Integer> present = new ArrayList<>();
        for (int o = 0; o < q.length; o++) {
            q[o] = OptionalDouble.empty();
            if (pOf.apply(comparisons.get(o)).isPresent()) {
                present.add(o);
            }
        }
        double[] p = present.stream().mapToDouble(o -> pOf.apply(comparisons.get(o)).getAsDouble()).toArray();
        double[] adjusted = Multiplicity.benjaminiHochberg(p);
        for (int i = 0; i < adjusted.length; i++) {
            q[present.get(i)] = OptionalDouble.of(adjusted[i]);
        }
        return q;
    }
}
