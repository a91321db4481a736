package concord.analysis.feedback;

import concord.analysis.feedback.internal.FeedbackWords;
import concord.analysis.internal.Messages;
import concord.analysis.DelphiParticipant;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.RatingScale;
import concord.analysis.Round;
import concord.analysis.RoundResult;
import concord.analysis.report.internal.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What one participant of a Delphi round sees before the next round: per outcome their own score and
 * each stakeholder group's distribution in that round (answers per score, percent in the top band,
 * median). Built only from the round's aggregated result and the participant's own ratings, so it
 * cannot contain another participant's answers; a group (or an outcome's answers within a group)
 * smaller than {@code minimumGroupSize} is shown without its distribution, saying why.
 * <pre>{@code
 * FeedbackReport report = FeedbackReport.of(result.delphi().get().round(2).get(), participant);
 * byte[] pdf = FeedbackPdfRenderer.withDefaults().render(report, ReportContext.undated());
 * Map<String, String> pipe = report.pipeValues();     // outcome field → "You: 7 · Doctor 61.5% 7–9 (median 8) · …"
 * }</pre>
 *
 * @param title            the study title
 * @param round            the round the figures come from
 * @param recordId         the participant's own record id
 * @param groupLabel       the participant's stakeholder group
 * @param scale            the rating scale
 * @param minimumGroupSize smallest group (and number of answers) whose distribution is shown
 * @param outcomes         every outcome of the study, in study order
 */
public record FeedbackReport(String title, Round round, String recordId, String groupLabel, RatingScale scale,
                             int minimumGroupSize, List<OutcomeFeedback> outcomes) {

    /** The default smallest group whose distribution is shown. */
    public static final int DEFAULT_MINIMUM_GROUP_SIZE = 5;

    public FeedbackReport {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(groupLabel, "groupLabel");
        Objects.requireNonNull(scale, "scale");
        outcomes = List.copyOf(outcomes);
        if (minimumGroupSize < 1) {
            throw new IllegalArgumentException("The minimum group size for feedback must be at least 1, got " + minimumGroupSize);
        }
    }

    /** The feedback with the {@linkplain #DEFAULT_MINIMUM_GROUP_SIZE default minimum group size}. */
    public static FeedbackReport of(RoundResult round, DelphiParticipant participant) {
        return of(round, participant, DEFAULT_MINIMUM_GROUP_SIZE);
    }

    /**
     * The feedback of {@code participant} on {@code round}: their ratings of that round and the round's
     * figures per group. Fails naming the record when their group is not one of the study's or a score
     * lies outside the scale.
     */
    public static FeedbackReport of(RoundResult round, DelphiParticipant participant, int minimumGroupSize) {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(participant, "participant");
        var result = round.result();
        GroupSummary own = result.groups().stream().filter(g -> g.code().equals(participant.groupCode())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Feedback for record '" + participant.id() + "': group code '"
                        + participant.groupCode() + "' is not one of the study's groups "
                        + result.groups().stream().map(GroupSummary::code).toList()));
        Map<String, Integer> ratings = participant.ratings(round.round().number());
        List<OutcomeFeedback> outcomes = new ArrayList<>();
        for (OutcomeResult outcome : result.outcomes()) {
            Integer score = ratings.get(outcome.outcome().field());
            if (score != null && !result.scale().contains(score)) {
                throw new IllegalArgumentException("Feedback for record '" + participant.id() + "': field '"
                        + outcome.outcome().field() + "' has the score " + score + " in " + round.round().label()
                        + ", outside the scale " + result.scale().min() + ".." + result.scale().max());
            }
            List<GroupFeedback> groups = new ArrayList<>();
            for (GroupSummary group : result.groups()) {
                groups.add(group(group, outcome.groups().get(group.label()), group.code().equals(own.code()), minimumGroupSize));
            }
            outcomes.add(new OutcomeFeedback(outcome.outcome(), score == null ? OptionalInt.empty() : OptionalInt.of(score), groups));
        }
        return new FeedbackReport(result.title(), round.round(), participant.id(), own.label(), result.scale(),
                minimumGroupSize, outcomes);
    }

    private static GroupFeedback group(GroupSummary group, GroupStatistics stats, boolean own, int minimum) {
        if (group.n() < minimum) {
            return new GroupFeedback(group.label(), own, stats.n(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                    Optional.of("group of " + group.n() + (group.n() == 1 ? " participant" : " participants") + ", fewer than " + minimum));
        }
        if (stats.n() < minimum) {
            return new GroupFeedback(group.label(), own, stats.n(), List.of(), OptionalDouble.empty(), OptionalDouble.empty(),
                    Optional.of(stats.n() + (stats.n() == 1 ? " answer" : " answers") + ", fewer than " + minimum));
        }
        return new GroupFeedback(group.label(), own, stats.n(), stats.counts(), stats.pctTop(), stats.median(), Optional.empty());
    }

    /** "7–9", the scale's top band as printed in the feedback. */
    public String topBand() {
        return scale.top().rangeText();
    }

    /**
     * One line per outcome for REDCap to pipe into the next round's survey, keyed by outcome field, e.g.
     * {@code "You: 7 · Doctor 61.5% 7–9 (median 8) · Patient not shown (group of 3 participants, fewer than 5)"}.
     * Plain text: the angle brackets of labels become ‹ › because REDCap pipes values into HTML.
     */
    public Map<String, String> pipeValues() {
        return pipeValues(Messages.ENGLISH);
    }

    /** {@link #pipeValues()} with the words in a report language ({@code "zh"}: "您的评分：7 · …"); the numbers are the same. */
    public Map<String, String> pipeValues(String language) {
        FeedbackWords words = new FeedbackWords(language);
        Map<String, String> values = new LinkedHashMap<>();
        for (OutcomeFeedback outcome : outcomes) {
            StringBuilder line = new StringBuilder(words.format("pipe.you", "score",
                    outcome.ownScore().isPresent() ? Integer.toString(outcome.ownScore().getAsInt()) : words.text("notRated")));
            for (GroupFeedback group : outcome.groups()) {
                line.append(" \u00b7 ").append(plain(group.label())).append(' ').append(summary(group, words));
            }
            values.put(outcome.outcome().field(), line.toString());
        }
        return values;
    }

    /** "61.5% 7–9 (median 8)", or "not shown (…)" for a withheld group. */
    String summary(GroupFeedback group, FeedbackWords words) {
        if (group.withheld().isPresent()) {
            return words.format("pipe.notShown", "reason", words.withheld(group.withheld().get()));
        }
        String pct = group.pctTop().isPresent() ? Numbers.percent(group.pctTop().getAsDouble()) + "%" : Numbers.NOT_COMPUTABLE;
        String median = group.median().isPresent() ? Numbers.quantile(group.median().getAsDouble()) : Numbers.NOT_COMPUTABLE;
        return words.format("pipe.summary", "percent", pct, "top", topBand(), "median", median);
    }

    private static String plain(String label) {
        return label.replace('<', '\u2039').replace('>', '\u203a');
    }
}
