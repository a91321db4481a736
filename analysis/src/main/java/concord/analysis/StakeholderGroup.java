package concord.analysis;

import java.util.Objects;

/**
 * A stakeholder group, e.g. doctors or patients.
 *
 * @param code  the coded value identifying the group in the data, e.g. {@code 1}
 * @param label display label, e.g. "Doctor"; unique in a study (results are keyed by it)
 */
public record StakeholderGroup(String code, String label) {

    public StakeholderGroup {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        if (code.isBlank() || label.isBlank()) {
            throw new IllegalArgumentException("A stakeholder group needs a code and a label (code '"
                    + code + "', label '" + label + "')");
        }
    }
}
