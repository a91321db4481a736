package concord.analysis;

import java.util.Objects;

/**
 * One round of a Delphi study.
 *
 * @param number position of the round, 1 for the first; rounds of a study are numbered 1, 2, … in order
 * @param code   how the data names the round, e.g. the REDCap event {@code round_2_arm_1} or the round
 *               field's code {@code 2}
 * @param label  display label, e.g. "Round 2"
 */
public record Round(int number, String code, String label) {

    public Round {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        if (number < 1) {
            throw new IllegalArgumentException("Round numbers start at 1, got " + number + " for '" + code + "'");
        }
        if (code.isBlank() || label.isBlank()) {
            throw new IllegalArgumentException("Round " + number + " needs a code and a label");
        }
    }

    /** Round {@code number} with the code {@code "<number>"} and the label "Round &lt;number&gt;". */
    public static Round numbered(int number) {
        return new Round(number, Integer.toString(number), "Round " + number);
    }
}
