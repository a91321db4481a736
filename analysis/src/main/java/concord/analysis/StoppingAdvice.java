package concord.analysis;

/**
 * What the stability rule says about running another round, judged on the latest two rounds with
 * answers over every outcome and group.
 *
 * @param decision       the advice
 * @param lastRound      the latest round with answers (0 when none has answers)
 * @param plannedRounds  the number of rounds the study defines
 * @param stable         outcome × group cells judged stable between the latest two rounds
 * @param unstable       cells judged not stable
 * @param notJudged      cells that could not be judged (no participant answered both rounds)
 * @param text           the advice as a printable sentence
 */
public record StoppingAdvice(Decision decision, int lastRound, int plannedRounds, long stable, long unstable,
                             long notJudged, String text) {

    /** The possible advice. */
    public enum Decision {
        /** No round has answers yet. */
        NO_DATA,
        /** Only one round has answers: stability needs two. */
        ONE_ROUND,
        /** Every judged cell is stable: another round is unlikely to change the ratings. */
        STABLE,
        /** Some cells are not stable: another round may still change them. */
        NOT_STABLE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
