package concord.analysis.internal;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A statistic that was either computed or could not be, with the reason. Keeps "not computable"
 * explicit instead of NaN or exceptions.
 */
public record Computed<T>(T value, String reason) {

    public Computed {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of value and reason");
        }
    }

    public static <T> Computed<T> of(T value) {
        return new Computed<>(Objects.requireNonNull(value), null);
    }

    public static <T> Computed<T> notComputable(String reason) {
        return new Computed<>(null, Objects.requireNonNull(reason));
    }

    public boolean isPresent() {
        return value != null;
    }

    public Optional<T> optional() {
        return Optional.ofNullable(value);
    }

    /** The value, recording the reason under {@code field} when there is none. */
    public Optional<T> recordInto(Map<String, String> reasons, String field) {
        if (value == null) {
            reasons.put(field, reason);
        }
        return optional();
    }
}
