package concord.analysis.internal;

import concord.analysis.AnalysisOptions;
import concord.analysis.Band;
import concord.analysis.ConsensusRule;
import concord.analysis.FisherExactResult;
import concord.analysis.RatingScale;
import concord.analysis.Study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The printable description of what an analysis computed and how, in any report language: the analysis
 * stores the English one in the result; reports in another language write it again from the result's
 * scale, rule and options ({@code messages_*.properties}, keys {@code methods.*}).
 */
public final class MethodsText {

    private MethodsText() {
    }

    /** @param estimated outcome label → its Fisher–Freeman–Halton Monte Carlo estimate, in study order */
    public static List<String> describe(Study study, AnalysisOptions options, Map<String, FisherExactResult> estimated) {
        return describe(study.scale(), study.rule(), study.outcomes().size(), study.groups().size(), options, estimated,
                Messages.english());
    }

    /** The methods in the language of {@code m}, from what the result records. */
    public static List<String> describe(RatingScale scale, ConsensusRule rule, int outcomes, int groups, AnalysisOptions options,
                                        Map<String, FisherExactResult> estimated, Messages m) {
        boolean anyMonteCarlo = !estimated.isEmpty();
        List<String> lines = new ArrayList<>();
        lines.add(m.format("methods.scale", "scale", scale(scale, m), "outcomes", outcomes, "groups", groups));
        lines.add(m.text("methods.perGroup"));
        lines.add(m.format("methods.rule", "rule", rule(rule, scale, m)));
        lines.add(m.text("methods.chiSquare"));
        lines.add(m.format("methods.fisher", "enumerationLimit", options.fisherEnumerationLimit(), "monteCarlo", anyMonteCarlo
                ? m.format("methods.fisherMonteCarlo", "networkLimit", options.fisherNetworkLimit(), "samples",
                        options.fisherMonteCarloSamples(), "seed", options.fisherMonteCarloSeed()) : ""));
        if (anyMonteCarlo) {
            List<String> each = new ArrayList<>();
            estimated.forEach((label, f) -> each.add(m.format("methods.estimate", "outcome", label,
                    "p", FisherExactResult.fourDigits(f.p()), "lower", FisherExactResult.fourDigits(f.lower()),
                    "upper", FisherExactResult.fourDigits(f.upper()), "count", String.format(java.util.Locale.ROOT, "%,d", f.count()),
                    "seed", f.seed(), "why", f.why())));
            lines.add(m.format(estimated.size() == 1 ? "methods.estimatedOne" : "methods.estimatedMany", "count", estimated.size(),
                    "list", String.join(m.text("list.separator"), each)));
        }
        lines.add(m.format("methods.mannWhitney", "maxN", options.exactMannWhitneyMaxN()));
        lines.add(m.format("methods.kruskalWallis", "correction", switch (options.pairwiseCorrection()) {
            case HOLM -> m.text("methods.holm");
            case BONFERRONI -> m.text("methods.bonferroni");
        }));
        lines.add(m.text("methods.effectSizes"));
        lines.add(m.text("methods.benjaminiHochberg"));
        lines.add(m.format("methods.differs", "alpha",
                java.math.BigDecimal.valueOf(options.alpha()).stripTrailingZeros().toPlainString()));
        return lines;
    }

    /** "1–9 (1–3 not important, 4–6 …, 7–9 …)", as {@link RatingScale#describe()} in English. */
    public static String scale(RatingScale scale, Messages m) {
        return m.format("scale.describe", "min", scale.min(), "max", scale.max(),
                "bottomRange", scale.bottom().rangeText(), "bottom", bandLabel(scale, Band.BOTTOM, m),
                "middleRange", scale.middle().rangeText(), "middle", bandLabel(scale, Band.MIDDLE, m),
                "topRange", scale.top().rangeText(), "top", bandLabel(scale, Band.TOP, m));
    }

    /** The rule as {@link ConsensusRule#describe} words it in English. */
    public static String rule(ConsensusRule rule, RatingScale scale, Messages m) {
        String threshold = (rule.thresholdInclusive() ? "≥" : ">") + percent(rule.thresholdPercent()) + "%";
        String limit = (rule.limitInclusive() ? "≤" : "<") + percent(rule.limitPercent()) + "%";
        return m.format("rule.describe", "threshold", threshold, "limit", limit, "top", scale.top().rangeText(),
                "bottom", scale.bottom().rangeText());
    }

    /** A band's label: the GRADE labels of {@link RatingScale#of} in the report language, a scale's own labels as they are. */
    public static String bandLabel(RatingScale scale, Band band, Messages m) {
        String label = scale.band(band).label();
        String key = switch (band) {
            case BOTTOM -> "band.bottom";
            case MIDDLE -> "band.middle";
            case TOP -> "band.top";
        };
        return label.equals(Messages.english().text(key)) ? m.text(key) : label;
    }

    private static String percent(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}
