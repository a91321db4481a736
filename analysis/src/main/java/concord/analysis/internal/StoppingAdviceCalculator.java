package concord.analysis.internal;

import concord.analysis.GroupStability;
import concord.analysis.OutcomeStability;
import concord.analysis.RoundChange;
import concord.analysis.StoppingAdvice;
import concord.analysis.StoppingAdvice.Decision;

import java.util.List;

/** The stability rule's advice on another round, over the latest two answered rounds. */
public final class StoppingAdviceCalculator {

    private StoppingAdviceCalculator() {
    }

    /** @param lastRound the latest round with answers, 0 for none */
    public static StoppingAdvice of(List<OutcomeStability> stability, int lastRound, int plannedRounds) {
        if (lastRound == 0) {
            return new StoppingAdvice(Decision.NO_DATA, 0, plannedRounds, 0, 0, 0, "No round has answers yet.");
        }
        String planned = lastRound >= plannedRounds
                ? " Round " + lastRound + " is the last of the " + plannedRounds + " planned rounds."
                : " " + (plannedRounds - lastRound) + " of the " + plannedRounds + " planned rounds "
                + (plannedRounds - lastRound == 1 ? "remains." : "remain.");
        if (lastRound == 1) {
            return new StoppingAdvice(Decision.ONE_ROUND, 1, plannedRounds, 0, 0, 0,
                    "Only round 1 has answers; stability is judged from round 2 on." + planned);
        }
        long stable = 0;
        long unstable = 0;
        long notJudged = 0;
        for (OutcomeStability o : stability) {
            for (GroupStability g : o.groups().values()) {
                RoundChange last = g.changes().stream().filter(c -> c.toRound() == lastRound).findFirst().orElse(null);
                if (last == null || last.stable().isEmpty()) {
                    notJudged++;
                } else if (last.stable().get()) {
                    stable++;
                } else {
                    unstable++;
                }
            }
        }
        String between = "between round " + (lastRound - 1) + " and round " + lastRound;
        String unjudged = notJudged == 0 ? "" : " (" + notJudged + " could not be judged: nobody of the group answered "
                + "both rounds)";
        if (unstable == 0 && stable > 0) {
            return new StoppingAdvice(Decision.STABLE, lastRound, plannedRounds, stable, unstable, notJudged,
                    "All " + stable + " judged outcome × group ratings are stable " + between + unjudged
                            + ": another round is unlikely to change them." + planned);
        }
        String text = stable + unstable == 0
                ? "No outcome × group rating could be judged " + between + " (nobody answered both rounds)."
                : unstable + " of " + (stable + unstable) + " judged outcome × group ratings are not stable " + between
                + unjudged + ": another round may still change them.";
        return new StoppingAdvice(Decision.NOT_STABLE, lastRound, plannedRounds, stable, unstable, notJudged, text + planned);
    }
}
