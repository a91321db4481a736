package concord.analysis;

import java.util.Objects;

/**
 * One named band of a {@link RatingScale}: the scores {@code from..to} (both inclusive).
 *
 * @param label display label, e.g. "critically important"
 * @param from  lowest score of the band
 * @param to    highest score of the band, {@code >= from}
 */
public record ScoreBand(String label, int from, int to) {

    public ScoreBand {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("A score band needs a label (band " + from + ".." + to + ")");
        }
        if (to < from) {
            throw new IllegalArgumentException("Score band '" + label + "' is empty: from " + from
                    + " > to " + to + "; give the lowest score first");
        }
    }

    /** Whether {@code score} lies in this band. */
    public boolean contains(int score) {
        return score >= from && score <= to;
    }

    /** "7–9" style range text. */
    public String rangeText() {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }
}
