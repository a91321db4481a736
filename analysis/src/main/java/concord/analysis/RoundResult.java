package concord.analysis;

import java.util.Objects;

/**
 * The complete analysis of one round: everything a single-round study gets, computed from the
 * round's respondents.
 *
 * @param round   the round
 * @param started whether anybody answered the round
 * @param result  the round's result
 */
public record RoundResult(Round round, boolean started, StudyResult result) {

    public RoundResult {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(result, "result");
    }
}
