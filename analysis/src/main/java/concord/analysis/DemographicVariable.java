package concord.analysis;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A participant characteristic summarised per group in the participant-characteristics table
 * (the reference study's Supplementary S3/S4): continuous variables as mean ± SD and median
 * (range), categorical ones as n (%).
 *
 * @param field   variable name, e.g. {@code age}
 * @param label   display label, e.g. "Age (years)"
 * @param kind    continuous or categorical
 * @param choices for categorical variables the coded values and their labels, in display order;
 *                empty for continuous variables
 */
public record DemographicVariable(String field, String label, Kind kind, Map<String, String> choices) {

    /** How a characteristic is summarised. */
    public enum Kind {
        /** Numbers: mean ± SD, median (range). */
        CONTINUOUS,
        /** Coded choices: n (%) per choice. */
        CATEGORICAL
    }

    public DemographicVariable {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        choices = choices == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        if (kind == Kind.CATEGORICAL && choices.isEmpty()) {
            throw new IllegalArgumentException("Categorical characteristic '" + field
                    + "' needs its choices (code → label)");
        }
        if (kind == Kind.CONTINUOUS && !choices.isEmpty()) {
            throw new IllegalArgumentException("Continuous characteristic '" + field + "' cannot have choices");
        }
    }

    /** A continuous characteristic such as age. */
    public static DemographicVariable continuous(String field, String label) {
        return new DemographicVariable(field, label, Kind.CONTINUOUS, Map.of());
    }

    /** A categorical characteristic; {@code choices} maps code to label in display order. */
    public static DemographicVariable categorical(String field, String label, Map<String, String> choices) {
        return new DemographicVariable(field, label, Kind.CATEGORICAL, choices);
    }
}
