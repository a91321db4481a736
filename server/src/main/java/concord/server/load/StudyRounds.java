package concord.server.load;

import concord.analysis.Round;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * The rounds of a Delphi study as the project defines them: one per event ({@link #field()} null; codes are
 * unique event names, labels the events' names) or one per choice of the round field (codes and labels are
 * its choices), in round order.
 *
 * @param rounds the rounds, numbered 1, 2, …
 * @param field  the round field, or null when rounds are events
 */
public record StudyRounds(List<Round> rounds, @Nullable String field) {

    public StudyRounds {
        rounds = List.copyOf(rounds);
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException("A Delphi study needs at least one round");
        }
    }

    public boolean byEvent() {
        return field == null;
    }

    /** Index (0-based) of the round with this code, or -1. */
    public int index(String code) {
        for (int i = 0; i < rounds.size(); i++) {
            if (rounds.get(i).code().equals(code)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> codes() {
        return rounds.stream().map(Round::code).toList();
    }
}
