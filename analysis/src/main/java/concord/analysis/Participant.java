package concord.analysis;

import java.util.Map;
import java.util.Objects;

/**
 * One participant's answers, for {@link RatingAccumulator#add(Participant)}.
 *
 * @param id              record id, used only in error messages
 * @param groupCode       coded stakeholder group
 * @param ratings         score per outcome field; an absent field or a {@code null} value is a missing answer
 * @param characteristics raw value per characteristic field (number text or choice code); absent,
 *                        {@code null} or blank is missing
 */
public record Participant(String id, String groupCode, Map<String, Integer> ratings,
                          Map<String, String> characteristics) {

    public Participant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupCode, "groupCode");
        ratings = ratings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(ratings));
        characteristics = characteristics == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(characteristics));
    }
}
