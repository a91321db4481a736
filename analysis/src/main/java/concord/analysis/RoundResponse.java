package concord.analysis;

import java.util.OptionalDouble;

/**
 * How many of a panel answered one round.
 *
 * @param round            the round's number
 * @param respondents      participants with at least one valid rating in the round
 * @param pctOfPanel       respondents as a percentage of the panel (everyone with a valid group)
 * @param pctOfFirstRound  respondents as a percentage of round 1's respondents (retention)
 * @param pctOfPrevious    respondents as a percentage of the previous round's respondents; empty for round 1
 */
public record RoundResponse(int round, long respondents, OptionalDouble pctOfPanel, OptionalDouble pctOfFirstRound,
                            OptionalDouble pctOfPrevious) {
}
