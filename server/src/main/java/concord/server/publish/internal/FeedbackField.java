package concord.server.publish.internal;

import concord.analysis.feedback.FeedbackReport;
import concord.analysis.feedback.GroupFeedback;
import concord.analysis.feedback.OutcomeFeedback;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A text field that receives one feedback value per participant.
 *
 * @param field     the field's name
 * @param event     the unique event name it is written in; empty in a classic project
 * @param outcome   index of the outcome (study order)
 * @param kind      which value
 * @param groupCode the group whose figure is written ({@link Kind#MEDIAN}, {@link Kind#PCT_TOP}, {@link Kind#N}); null:
 *                  the participant's own group
 */
public record FeedbackField(String field, String event, int outcome, Kind kind, @Nullable String groupCode) {

    /**
     * This field's value in one participant's feedback; empty for a score not given and a withheld group.
     *
     * @param pipeLines {@link FeedbackReport#pipeValues()} of the report
     * @param group     index (study order) of {@link #groupCode}, or -1 for the participant's own group
     */
    public String value(FeedbackReport report, java.util.Map<String, String> pipeLines, int group) {
        OutcomeFeedback o = report.outcomes().get(outcome);
        if (kind == Kind.LINE) {
            return pipeLines.get(o.outcome().field());
        }
        if (kind == Kind.OWN) {
            return o.ownScore().isPresent() ? Integer.toString(o.ownScore().getAsInt()) : "";
        }
        List<GroupFeedback> groups = o.groups();
        GroupFeedback g = group >= 0 ? groups.get(group) : groups.stream().filter(GroupFeedback::ownGroup).findFirst().orElseThrow();
        if (g.withheld().isPresent()) {
            return "";
        }
        return switch (kind) {
            case MEDIAN -> g.median().isPresent() ? decimal(g.median().getAsDouble(), 2) : "";
            case PCT_TOP -> g.pctTop().isPresent() ? BigDecimal.valueOf(g.pctTop().getAsDouble()).setScale(1, RoundingMode.HALF_UP)
                    .toPlainString() : "";
            case N -> Long.toString(g.answers());
            default -> throw new IllegalStateException(kind.name());
        };
    }

    /** At most {@code places} decimals, trailing zeros dropped: 8, 7.5, 7.25 (as the reports print quantiles). */
    private static String decimal(double value, int places) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        return (d.scale() < 0 ? d.setScale(0, RoundingMode.UNNECESSARY) : d).toPlainString();
    }

    /** The values of {@code @CONCORD-FEEDBACK=<outcome>:<value>}. */
    public enum Kind {
        /** The pipe line: "You: 7 · Doctor 61.5% 7–9 (median 8) · …". */
        LINE,
        /** The participant's own score, empty when not rated. */
        OWN,
        /** A group's median (HF6), empty when withheld. */
        MEDIAN,
        /** A group's percent in the top band (7–9 on the GRADE scale), one decimal, empty when withheld. */
        PCT_TOP,
        /** A group's number of answers, empty when withheld. */
        N;

        /** The tag's spelling of a kind ({@code line}, {@code own}, {@code median}, {@code pct_top} or {@code pct_7_9}, {@code n}), or null. */
        static Kind parse(String text) {
            return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "", "line" -> LINE;
                case "own" -> OWN;
                case "median" -> MEDIAN;
                case "pct_top", "pct_7_9" -> PCT_TOP;
                case "n" -> N;
                default -> null;
            };
        }
    }
}
