package concord.analysis;

import java.util.Objects;

/**
 * One rated outcome (questionnaire item).
 *
 * @param field  variable name, e.g. the REDCap field {@code pain_discomfort}; unique in a study
 * @param label  display label, e.g. "Pain/discomfort"
 * @param domain outcome domain, e.g. a COMET taxonomy domain; empty if none
 */
public record Outcome(String field, String label, String domain) {

    public Outcome {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(label, "label");
        domain = domain == null ? "" : domain;
        if (field.isBlank()) {
            throw new IllegalArgumentException("An outcome needs a field name (label '" + label + "')");
        }
    }
}
