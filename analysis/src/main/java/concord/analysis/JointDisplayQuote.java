package concord.analysis;

/**
 * A quote as shown in a joint display: its text and who said it.
 *
 * @param speaker    the speaker's code, e.g. {@code P27}; may be empty
 * @param groupCode  the speaker's group code
 * @param groupLabel the speaker's group label
 * @param text       the participant's words
 */
public record JointDisplayQuote(String speaker, String groupCode, String groupLabel, String text) {
}
