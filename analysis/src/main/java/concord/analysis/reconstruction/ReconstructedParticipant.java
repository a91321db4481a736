package concord.analysis.reconstruction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reconstructed participant: a group, a number within the group, and a rating per outcome
 * (outcomes the participant did not answer are absent).
 *
 * @param group   group label as printed, e.g. "Patient"
 * @param number  1-based number within the group
 * @param ratings outcome label → score, in table order
 */
public record ReconstructedParticipant(String group, int number, Map<String, Integer> ratings) {

    public ReconstructedParticipant {
        Objects.requireNonNull(group, "group");
        ratings = Collections.unmodifiableMap(new LinkedHashMap<>(ratings));
    }
}
