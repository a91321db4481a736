package concord.server.config;

import java.util.List;
import java.util.Locale;

/**
 * The configured way of finding rating fields: by action tag in the field annotation, by instrument,
 * or as an explicit list. A single value that names an instrument is an instrument; otherwise the
 * values are field names; a value starting with {@code @} is an action tag.
 */
public record OutcomeSelection(Kind kind, List<String> values) {

    public enum Kind { ACTION_TAG, INSTRUMENT_OR_FIELDS }

    public OutcomeSelection {
        values = List.copyOf(values);
    }

    public static OutcomeSelection parse(List<String> configured) {
        List<String> cleaned = configured.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (cleaned.size() == 1 && cleaned.get(0).startsWith("@")) {
            return new OutcomeSelection(Kind.ACTION_TAG, List.of(cleaned.get(0).toUpperCase(Locale.ROOT)));
        }
        return new OutcomeSelection(Kind.INSTRUMENT_OR_FIELDS, cleaned);
    }

    public String tag() {
        return kind == Kind.ACTION_TAG ? values.get(0) : null;
    }

    @Override
    public String toString() {
        return String.join(",", values);
    }
}
