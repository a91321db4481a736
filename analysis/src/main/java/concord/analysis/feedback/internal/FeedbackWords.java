package concord.analysis.feedback.internal;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.Round;
import concord.analysis.internal.Messages;
import concord.analysis.internal.MethodsText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a participant's feedback ({@code feedback.*} in the report messages). The feedback stores why a
 * group is withheld in English; English shows it as stored (byte-identical output), other languages write it
 * again from its numbers. A default round label ("Round 2") is written in the language, a configured one as is.
 */
public final class FeedbackWords {

    private static final Pattern GROUP_REASON = Pattern.compile("group of (\\d+) participants?, fewer than (\\d+)");
    private static final Pattern ANSWERS_REASON = Pattern.compile("(\\d+) answers?, fewer than (\\d+)");

    private final Messages m;

    public FeedbackWords(String language) {
        this.m = Messages.forLanguage(language);
    }

    public static FeedbackWords english() {
        return new FeedbackWords(Messages.ENGLISH);
    }

    public String text(String key) {
        return m.text("feedback." + key);
    }

    public String format(String key, Object... namesAndValues) {
        return m.format("feedback." + key, namesAndValues);
    }

    public String round(Round round) {
        return round.label().equals(Round.numbered(round.number()).label()) ? format("round", "n", round.number()) : round.label();
    }

    /** The scale's top band label: GRADE's in the language, a scale's own as configured. */
    public String topLabel(RatingScale scale) {
        return MethodsText.bandLabel(scale, Band.TOP, m);
    }

    /** Why a group's distribution is not shown, in the language. */
    public String withheld(String reason) {
        if (m.isEnglish()) {
            return reason;
        }
        Matcher group = GROUP_REASON.matcher(reason);
        if (group.matches()) {
            return reason("withheldGroup", group);
        }
        Matcher answers = ANSWERS_REASON.matcher(reason);
        if (answers.matches()) {
            return reason("withheldAnswers", answers);
        }
        return reason;
    }

    private String reason(String key, Matcher matcher) {
        String n = matcher.group(1);
        return format("1".equals(n) ? key + "One" : key, "n", n, "minimum", matcher.group(2));
    }
}
