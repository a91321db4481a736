package concord.analysis;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One participant's answers in every round, for {@link DelphiAccumulator#add(DelphiParticipant)}.
 * A participant answered a round when the round's map holds at least one rating.
 *
 * @param id              record id, used only in error messages
 * @param groupCode       coded stakeholder group
 * @param characteristics raw value per characteristic field (choice code or number text)
 * @param ratingsByRound  round number → score per outcome field; rounds not answered may be absent
 */
public record DelphiParticipant(String id, String groupCode, Map<String, String> characteristics,
                                Map<Integer, Map<String, Integer>> ratingsByRound) {

    public DelphiParticipant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(groupCode, "groupCode");
        characteristics = characteristics == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(characteristics));
        TreeMap<Integer, Map<String, Integer>> byRound = new TreeMap<>();
        if (ratingsByRound != null) {
            ratingsByRound.forEach((round, ratings) -> byRound.put(Objects.requireNonNull(round, "round"),
                    ratings == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(ratings))));
        }
        ratingsByRound = java.util.Collections.unmodifiableMap(byRound);
    }

    /** The ratings of one round, empty if not answered. */
    public Map<String, Integer> ratings(int round) {
        return ratingsByRound.getOrDefault(round, Map.of());
    }
}
