package concord.server.load;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * Where a Delphi study's rounds are in its records, as configured: nowhere (a single survey), one REDCap
 * event per round ({@code rounds: events}), or the value of a round field ({@code round-field: round}).
 * {@link StudyLoader} resolves it against the project into {@link StudyRounds}.
 *
 * @param kind   which of the three
 * @param field  the round field ({@link Kind#FIELD} only)
 * @param events events in round order ({@link Kind#EVENTS} only); empty: every event carrying a rating form,
 *               in the project's event order
 */
public record RoundSource(Kind kind, @Nullable String field, List<String> events) {

    /** How rounds are found. */
    public enum Kind { NONE, EVENTS, FIELD }

    public RoundSource {
        events = events == null ? List.of() : List.copyOf(events);
    }

    public static RoundSource none() {
        return new RoundSource(Kind.NONE, null, List.of());
    }

    /** One round per event carrying a rating form, in the project's event order. */
    public static RoundSource byEvents() {
        return new RoundSource(Kind.EVENTS, null, List.of());
    }

    /** These events, in this order, are the rounds. */
    public static RoundSource byEvents(List<String> uniqueEventNames) {
        return new RoundSource(Kind.EVENTS, null, uniqueEventNames);
    }

    public static RoundSource byField(String name) {
        return new RoundSource(Kind.FIELD, name, List.of());
    }

    public boolean delphi() {
        return kind != Kind.NONE;
    }

    /**
     * The setting from the configuration keys {@code rounds} and {@code round-field} (or the command-line options
     * {@code --rounds} and {@code --round-field}).
     *
     * @param rounds     {@code events}, or (command line) the unique event names in round order, comma-separated
     * @param roundField the round field's name
     * @throws IllegalArgumentException saying what to write instead
     */
    public static RoundSource parse(@Nullable String rounds, @Nullable String roundField) {
        boolean byEvents = rounds != null && !rounds.isBlank();
        boolean byField = roundField != null && !roundField.isBlank();
        if (byEvents && byField) {
            throw new IllegalArgumentException("rounds and round-field are both set; a round is either an event "
                    + "(rounds: events, longitudinal projects) or the value of a round field (round-field: <field>), "
                    + "remove one of them");
        }
        if (byField) {
            return byField(roundField.trim());
        }
        if (!byEvents) {
            return none();
        }
        String text = rounds.trim();
        if (text.toLowerCase(Locale.ROOT).equals("events")) {
            return byEvents();
        }
        List<String> names = java.util.Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty() || names.stream().anyMatch(n -> !n.matches("[a-z0-9_]+"))) {
            throw new IllegalArgumentException("rounds '" + rounds + "' is not understood; write events (one round per "
                    + "event carrying the rating form, in event order) or the unique event names in round order, e.g. "
                    + "round_1_arm_1,round_2_arm_1");
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("rounds '" + rounds + "' names an event twice; name each round's event once");
        }
        return byEvents(names);
    }

    /** The configuration text ({@code ConfigHash}, messages). */
    public String describe() {
        return switch (kind) {
            case NONE -> "none";
            case EVENTS -> events.isEmpty() ? "events" : "events " + String.join(",", events);
            case FIELD -> "round-field " + field;
        };
    }
}
