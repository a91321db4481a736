package concord.analysis.report.internal;

import concord.analysis.Consensus;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.KruskalWallisResult;
import concord.analysis.MannWhitneyResult;
import concord.analysis.OutcomeComparison;
import concord.analysis.OutcomeResult;
import concord.analysis.PairwiseComparison;
import concord.analysis.StudyResult;
import concord.analysis.report.TopicGuide;
import concord.analysis.report.TopicGuide.Phrase;
import concord.analysis.report.TopicGuide.Question;
import concord.analysis.report.TopicGuide.Reason;
import concord.analysis.report.TopicGuide.Section;
import concord.analysis.report.TopicGuide.Span;
import concord.analysis.report.TopicGuideTemplate;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a {@link TopicGuide} from a result: which outcomes, which groups rated them higher, the
 * wording from the template and the figures. The selection is the result's own verdict
 * ({@code comparison().differs()}), so the guide lists exactly the outcomes the reports call differing.
 */
public final class TopicGuideBuilder {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final StudyResult result;
    private final TopicGuideTemplate template;
    private final double alpha;

    private TopicGuideBuilder(StudyResult result, TopicGuideTemplate template) {
        this.result = result;
        this.template = template;
        this.alpha = result.options().alpha();
    }

    public static TopicGuide build(StudyResult result, TopicGuideTemplate template) {
        return new TopicGuideBuilder(result, template).guide();
    }

    private TopicGuide guide() {
        String topBand = result.scale().top().rangeText();
        List<String> groupNames = result.groups().stream().map(g -> fill("group", Map.of("group", plain(g.label()))).text()).toList();
        String intro = fill("intro", Map.of("groups", plain(list(groupNames)),
                "differing", plain(Integer.toString(result.differingOutcomes().size())),
                "outcomes", plain(Integer.toString(result.outcomes().size())))).text();
        String method = fill("method", Map.of("alpha", plain(BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString()),
                "effect", plain(template.text("effect.names")))).text();

        List<Question> opening = new ArrayList<>();
        for (OutcomeResult outcome : result.outcomes()) {
            if (criticalEverywhere(outcome)) {
                Phrase text = capitalised(fill("opening.question", Map.of("outcome", Phrase.emphasised(outcome.outcome().label()),
                        "shares", plain(namedShares(outcome, result.groups().stream().map(GroupSummary::label).toList())),
                        "topBand", plain(topBand))));
                opening.add(new Question(outcome.outcome(), text, List.of(), Set.of(), List.of(), List.of(), Double.NaN, ""));
            }
        }

        Map<String, List<Question>> byDomain = new LinkedHashMap<>();
        for (OutcomeResult outcome : result.differingOutcomes()) {
            byDomain.computeIfAbsent(outcome.outcome().domain(), d -> new ArrayList<>()).add(question(outcome, topBand));
        }
        Comparator<Question> largestFirst = Comparator.comparingDouble(TopicGuideBuilder::orderingSize).reversed();
        List<Section> sections = new ArrayList<>();
        for (Map.Entry<String, List<Question>> domain : byDomain.entrySet()) {
            List<Question> questions = new ArrayList<>(domain.getValue());
            questions.sort(largestFirst); // stable: ties keep study order
            sections.add(new Section(domain.getKey(), domain.getKey().isEmpty() ? template.text("domain.none") : domain.getKey(),
                    questions));
        }
        sections.sort(Comparator.comparingDouble((Section s) -> orderingSize(s.questions().get(0))).reversed());

        TopicGuide.Labels labels = new TopicGuide.Labels(template.text("opening.heading"), template.text("opening.none"),
                template.text("differences.heading"), template.text("differences.none"), template.text("column.number"),
                template.text("column.question"), template.text("column.figures"));
        return new TopicGuide(fill("title", Map.of("study", plain(result.title()))).text(), template.language(), intro, method,
                labels, opening, sections);
    }

    private static double orderingSize(Question q) {
        return Double.isNaN(q.effectSize()) ? -1 : q.effectSize();
    }

    private boolean criticalEverywhere(OutcomeResult outcome) {
        return !result.groups().isEmpty() && result.groups().stream().allMatch(g -> {
            GroupStatistics stats = outcome.groups().get(g.label());
            return stats != null && stats.consensus().filter(Consensus.CRITICAL::equals).isPresent();
        });
    }

    private Question question(OutcomeResult outcome, String topBand) {
        OutcomeComparison c = outcome.comparison();
        List<String> compared = c.groupsCompared();
        Set<Reason> reasons = EnumSet.noneOf(Reason.class);
        OptionalDouble rankP = c.rankTestP();
        if (rankP.isPresent() && rankP.getAsDouble() < alpha) {
            reasons.add(Reason.RANK_TEST);
        }
        if (c.chiSquare().isPresent() && c.chiSquare().get().p() < alpha) {
            reasons.add(Reason.CHI_SQUARE);
        }
        boolean consensusDiffers = compared.stream().map(g -> outcome.groups().get(g).consensus()).distinct().count() > 1;
        if (consensusDiffers) {
            reasons.add(Reason.CONSENSUS);
        }

        List<String> higher = new ArrayList<>();
        List<String> lower = new ArrayList<>();
        direction(outcome, reasons.contains(Reason.RANK_TEST), higher, lower);

        Phrase emphasisedOutcome = Phrase.emphasised(outcome.outcome().label());
        Phrase finding;
        if (!higher.isEmpty()) {
            String shares = compared.size() == 2
                    ? fill("share.pair", Map.of("first", plain(percent(outcome, higher.get(0))),
                    "second", plain(percent(outcome, lower.get(0))))).text()
                    : namedShares(outcome, compared);
            finding = fill("finding.higher", Map.of("higher", plain(list(groupPhrases(higher))),
                    "lower", plain(list(groupPhrases(lower))), "outcome", emphasisedOutcome, "shares", plain(shares),
                    "topBand", plain(topBand)));
        } else {
            finding = fill("finding.different", Map.of("groups", plain(list(groupPhrases(compared))), "outcome", emphasisedOutcome,
                    "shares", plain(namedShares(outcome, compared)), "topBand", plain(topBand)));
        }
        List<Span> spans = new ArrayList<>(capitalised(finding).spans());
        String classes = consensusClasses(outcome, compared);
        if (consensusDiffers) {
            spans.add(new Span(template.text("sentence.separator"), false));
            spans.addAll(fill("finding.consensus", Map.of("classes", plain(classes))).spans());
        }
        spans.add(new Span(template.text("sentence.separator"), false));
        spans.addAll(fill("question.ask", Map.of()).spans());

        double size = Double.NaN;
        String sizeName = "";
        if (compared.size() == 2 && c.effectSizes().r().isPresent()) {
            size = Math.abs(c.effectSizes().r().getAsDouble());
            sizeName = "r";
        } else if (c.effectSizes().cramersV().isPresent()) {
            size = c.effectSizes().cramersV().getAsDouble();
            sizeName = "V";
        }
        return new Question(outcome.outcome(), merged(spans), figures(outcome, classes, consensusDiffers), reasons,
                higher, lower, size, sizeName);
    }

    /**
     * Which groups rated the outcome higher. A significant rank test decides by its direction (two
     * groups: the mean ranks; more: the significant pairwise tests, the groups never on the lower side
     * of one against the groups they are significantly above). Otherwise — chi-square or consensus — by the share
     * in the top band, the figure the question quotes. Equal shares: no direction.
     */
    private void direction(OutcomeResult outcome, boolean rankSignificant, List<String> higher, List<String> lower) {
        OutcomeComparison c = outcome.comparison();
        if (rankSignificant && c.mannWhitney().isPresent()) {
            MannWhitneyResult mw = c.mannWhitney().get();
            if (mw.meanRankA() != mw.meanRankB()) {
                boolean aHigher = mw.meanRankA() > mw.meanRankB();
                higher.add(aHigher ? mw.groupA() : mw.groupB());
                lower.add(aHigher ? mw.groupB() : mw.groupA());
                return;
            }
        }
        if (rankSignificant && c.kruskalWallis().isPresent()) {
            KruskalWallisResult kw = c.kruskalWallis().get();
            Set<String> up = new LinkedHashSet<>();
            Set<String> down = new LinkedHashSet<>();
            List<String[]> pairs = new ArrayList<>(); // {higher, lower} of each significant pair
            for (PairwiseComparison pair : kw.pairwise()) {
                MannWhitneyResult mw = pair.mannWhitney();
                if (pair.adjustedP() < alpha && mw.meanRankA() != mw.meanRankB()) {
                    boolean aHigher = mw.meanRankA() > mw.meanRankB();
                    pairs.add(aHigher ? new String[] {mw.groupA(), mw.groupB()} : new String[] {mw.groupB(), mw.groupA()});
                    up.add(pairs.get(pairs.size() - 1)[0]);
                    down.add(pairs.get(pairs.size() - 1)[1]);
                }
            }
            List<String> top = c.groupsCompared().stream().filter(g -> up.contains(g) && !down.contains(g)).toList();
            List<String> below = c.groupsCompared().stream()
                    .filter(g -> pairs.stream().anyMatch(p -> p[1].equals(g) && top.contains(p[0]))).toList();
            if (!top.isEmpty() && !below.isEmpty()) {
                higher.addAll(top);
                lower.addAll(below);
                return;
            }
        }
        List<String> withShare = c.groupsCompared().stream()
                .filter(g -> outcome.groups().get(g).pctTop().isPresent()).toList();
        if (withShare.size() < 2) {
            return;
        }
        double max = withShare.stream().mapToDouble(g -> roundedPercent(outcome, g)).max().orElseThrow();
        double min = withShare.stream().mapToDouble(g -> roundedPercent(outcome, g)).min().orElseThrow();
        if (max > min) {
            withShare.stream().filter(g -> roundedPercent(outcome, g) == max).forEach(higher::add);
            withShare.stream().filter(g -> roundedPercent(outcome, g) == min).forEach(lower::add);
        }
    }

    private List<String> figures(OutcomeResult outcome, String classes, boolean consensusDiffers) {
        OutcomeComparison c = outcome.comparison();
        List<String> out = new ArrayList<>();
        c.mannWhitney().ifPresent(mw -> out.add(withQ(fill("figure.mannWhitney", Map.of("p", plain(relation(mw.p())))).text(),
                c.qValues().rankTest())));
        c.kruskalWallis().ifPresent(kw -> {
            out.add(withQ(fill("figure.kruskalWallis", Map.of("p", plain(relation(kw.p())))).text(), c.qValues().rankTest()));
            for (PairwiseComparison pair : kw.pairwise()) {
                if (pair.adjustedP() < alpha) {
                    out.add(fill("figure.pairwise", Map.of("first", plain(pair.mannWhitney().groupA()),
                            "second", plain(pair.mannWhitney().groupB()), "p", plain(relation(pair.adjustedP())))).text());
                }
            }
        });
        c.chiSquare().ifPresent(chi -> out.add(withQ(fill("figure.chiSquare", Map.of("p", plain(relation(chi.p())))).text(),
                c.qValues().chiSquare())));
        c.fisherExact().ifPresent(f -> out.add(withQ(fill("figure.fisher", Map.of("p", plain(relation(f.p())))).text(),
                c.qValues().fisherExact())));
        if (c.groupsCompared().size() == 2) {
            c.effectSizes().r().ifPresent(r -> out.add(fill("figure.r", Map.of("value", plain(Numbers.fixed(r, 2)))).text()));
        }
        c.effectSizes().cramersV().ifPresent(v -> out.add(fill("figure.cramersV", Map.of("value", plain(Numbers.fixed(v, 2)))).text()));
        if (consensusDiffers) {
            out.add(fill("figure.consensus", Map.of("classes", plain(classes))).text());
        }
        return out;
    }

    /** "= 0.008" or "< 0.001": a p or q with its relation, as the templates' {p} and {q}. */
    private static String relation(double p) {
        String printed = Numbers.p(p);
        return printed.startsWith("<") ? "< " + printed.substring(1) : "= " + printed;
    }

    private String withQ(String figure, OptionalDouble q) {
        return q.isPresent() ? figure + " (" + fill("figure.q", Map.of("q", plain(relation(q.getAsDouble())))).text() + ")" : figure;
    }

    private String consensusClasses(OutcomeResult outcome, List<String> groups) {
        List<String> parts = new ArrayList<>();
        for (String group : groups) {
            outcome.groups().get(group).consensus().ifPresent(cls -> parts.add(fill("consensus.class",
                    Map.of("group", plain(groupPhrases(List.of(group)).get(0)), "class", plain(template.text("consensus." + cls.code())))).text()));
        }
        return String.join(template.text("list.separator"), parts);
    }

    private String namedShares(OutcomeResult outcome, List<String> groups) {
        List<String> parts = new ArrayList<>();
        for (String group : groups) {
            GroupStatistics stats = outcome.groups().get(group);
            if (stats != null && stats.pctTop().isPresent()) {
                parts.add(fill("share.named", Map.of("group", plain(group), "percent", plain(percent(outcome, group)))).text());
            }
        }
        return String.join(template.text("list.separator"), parts);
    }

    private String percent(OutcomeResult outcome, String group) {
        return fill("percent", Map.of("value", plain(Numbers.fixed(roundedPercent(outcome, group), 0)))).text();
    }

    /** The whole percent in the top band, as the question says it (half away from zero). */
    private static double roundedPercent(OutcomeResult outcome, String group) {
        double pct = outcome.groups().get(group).pctTop().orElseThrow();
        return BigDecimal.valueOf(pct).setScale(0, RoundingMode.HALF_UP).doubleValue();
    }

    private List<String> groupPhrases(List<String> labels) {
        return labels.stream().map(g -> fill("group", Map.of("group", plain(g))).text()).toList();
    }

    /** "a", "a and b", "a, b and c" with the template's separators. */
    private String list(List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(template.text("list.separator"), items.subList(0, items.size() - 1))
                + template.text("list.last") + items.get(items.size() - 1);
    }

    /** The template's text of {@code key} with its placeholders filled; the template guarantees each is present. */
    private Phrase fill(String key, Map<String, Phrase> values) {
        String text = template.text(key);
        List<Span> spans = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            Phrase value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("topic guide key '" + key + "' uses {" + m.group(1) + "}, which Concord does not fill");
            }
            if (m.start() > at) {
                spans.add(new Span(text.substring(at, m.start()), false));
            }
            spans.addAll(value.spans());
            at = m.end();
        }
        if (at < text.length()) {
            spans.add(new Span(text.substring(at), false));
        }
        return new Phrase(spans);
    }

    private static Phrase plain(String text) {
        return Phrase.plain(text);
    }

    /** The sentence with its first letter upper-case ("the Patient group rated …" → "The Patient group …"). */
    private static Phrase capitalised(Phrase phrase) {
        List<Span> spans = new ArrayList<>(phrase.spans());
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (span.text().isEmpty()) {
                continue;
            }
            int first = span.text().codePointAt(0);
            if (!span.emphasis() && Character.isLowerCase(first)) {
                spans.set(i, new Span(new String(Character.toChars(Character.toUpperCase(first)))
                        + span.text().substring(Character.charCount(first)), false));
            }
            break;
        }
        return new Phrase(spans);
    }

    /** Adjacent spans of the same emphasis as one. */
    private static Phrase merged(List<Span> spans) {
        List<Span> out = new ArrayList<>();
        for (Span span : spans) {
            if (span.text().isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).emphasis() == span.emphasis()) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.text() + span.text(), span.emphasis()));
            } else {
                out.add(span);
            }
        }
        return new Phrase(out);
    }
}
