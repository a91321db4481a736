package concord.connector;

import java.util.Objects;

/**
 * One option of a radio, dropdown, checkbox, yes/no or true/false field: the raw code stored in
 * the data and the label shown to the respondent (may contain HTML; escape it when displaying).
 */
public record Choice(String code, String label) {
    public Choice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
    }
}
