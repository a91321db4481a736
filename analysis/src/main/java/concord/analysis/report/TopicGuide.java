package concord.analysis.report;

import concord.analysis.Outcome;
import concord.analysis.StudyResult;
import concord.analysis.report.internal.TopicGuideBuilder;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A focus-group topic guide drawn from a result, for the qualitative phase of an
 * explanatory-sequential study: the outcomes every group rated critical as opening questions, then
 * for every outcome whose groups differ ({@link StudyResult#differingOutcomes()}: a significant rank
 * test or Pearson chi-square at the result's alpha, or different consensus classes) a neutral question
 * that states the finding in plain words and asks the groups to explain it, grouped by outcome domain
 * and ordered by effect size, with the figures for the moderator. The wording comes from a
 * {@link TopicGuideTemplate}; render it with {@link TopicGuideRenderer}.
 *
 * @param title       the guide's title (template key {@code title})
 * @param language    the template's language code, e.g. {@code en}
 * @param intro       what the survey found, one paragraph
 * @param method      which outcomes are listed and how they are ordered
 * @param labels      the headings and column names of the renderers
 * @param opening     one question per outcome critical in every group, in study order
 * @param sections    the differing outcomes by domain, the domain with the largest effect first
 */
public record TopicGuide(String title, String language, String intro, String method, Labels labels,
                         List<Question> opening, List<Section> sections) {

    public TopicGuide {
        Objects.requireNonNull(labels, "labels");
        opening = List.copyOf(opening);
        sections = List.copyOf(sections);
    }

    /** The guide in English. */
    public static TopicGuide of(StudyResult result) {
        return of(result, TopicGuideTemplate.english());
    }

    /** The guide with this wording. */
    public static TopicGuide of(StudyResult result, TopicGuideTemplate template) {
        return TopicGuideBuilder.build(Objects.requireNonNull(result, "result"), Objects.requireNonNull(template, "template"));
    }

    /** Every question about a difference, in guide order. */
    public List<Question> differenceQuestions() {
        return sections.stream().flatMap(s -> s.questions().stream()).toList();
    }

    /** Why an outcome is in the guide. */
    public enum Reason {
        /** Mann–Whitney or Kruskal–Wallis p below alpha. */
        RANK_TEST,
        /** Pearson chi-square p below alpha. */
        CHI_SQUARE,
        /** The groups' consensus classes differ. */
        CONSENSUS
    }

    /**
     * One question.
     *
     * @param outcome        the outcome asked about
     * @param text           the question as read out: the finding, then the question
     * @param figures        the figures for the moderator: tests with p (and q), effect size, consensus
     * @param reasons        why the outcome is listed; empty for opening questions
     * @param higher         labels of the groups that rated it higher (empty when the finding has no direction)
     * @param lower          labels of the groups that rated it lower
     * @param effectSize     the ordering effect size (|r| for two groups, Cramér's V otherwise); NaN if none
     * @param effectSizeName {@code r} or {@code V}, empty if none
     */
    public record Question(Outcome outcome, Phrase text, List<String> figures, Set<Reason> reasons, List<String> higher,
                           List<String> lower, double effectSize, String effectSizeName) {
        public Question {
            figures = List.copyOf(figures);
            reasons = Set.copyOf(reasons);
            higher = List.copyOf(higher);
            lower = List.copyOf(lower);
        }
    }

    /**
     * The questions of one outcome domain.
     *
     * @param domain    the domain as the study names it (empty: outcomes without a domain)
     * @param heading   the heading printed: the domain, or the template's {@code domain.none}
     * @param questions ordered by effect size, largest first (ties in study order)
     */
    public record Section(String domain, String heading, List<Question> questions) {
        public Section {
            questions = List.copyOf(questions);
        }
    }

    /**
     * Text with emphasised parts (the outcome's label is emphasised wherever it appears).
     *
     * @param spans the parts in reading order
     */
    public record Phrase(List<Span> spans) {
        public Phrase {
            spans = List.copyOf(spans);
        }

        public static Phrase plain(String text) {
            return new Phrase(List.of(new Span(text, false)));
        }

        public static Phrase emphasised(String text) {
            return new Phrase(List.of(new Span(text, true)));
        }

        /** The text without emphasis. */
        public String text() {
            return spans.stream().map(Span::text).collect(Collectors.joining());
        }

        @Override
        public String toString() {
            return text();
        }
    }

    /** A run of text, emphasised (italic) or not. */
    public record Span(String text, boolean emphasis) {
        public Span {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The renderers' fixed texts, from the template. */
    public record Labels(String openingHeading, String openingNone, String differencesHeading, String differencesNone,
                         String number, String question, String figures) {
    }
}
