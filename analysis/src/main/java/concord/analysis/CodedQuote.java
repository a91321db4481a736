package concord.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One coded excerpt of qualitative data (a focus group or interview), as entered in REDCap's
 * qualitative instrument: the theme it was coded to, the outcomes it concerns, who said it and what.
 * The text is participant text: reports escape it and nothing logs it.
 *
 * @param theme         the theme, e.g. "Doctors treat the whole person"
 * @param outcomeFields the outcomes it concerns, by field name, at least one
 * @param groupCode     the speaker's stakeholder group, as a code of the group field
 * @param speaker       the speaker's code, e.g. {@code D7} or {@code P27}; may be empty
 * @param text          the quote, not empty
 */
public record CodedQuote(String theme, List<String> outcomeFields, String groupCode, String speaker, String text) {

    public CodedQuote {
        Objects.requireNonNull(theme, "theme");
        outcomeFields = List.copyOf(outcomeFields);
        Objects.requireNonNull(groupCode, "groupCode");
        speaker = speaker == null ? "" : speaker;
        Objects.requireNonNull(text, "text");
        if (theme.isBlank() || text.isBlank() || outcomeFields.isEmpty()) {
            throw new IllegalArgumentException("A coded quote needs a theme, a text and at least one outcome");
        }
    }
}
