package concord.analysis.feedback;

import concord.analysis.Outcome;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One outcome of a participant's feedback: their own score in the round and every group's distribution.
 *
 * @param outcome  the outcome
 * @param ownScore the participant's score in the round; empty when they did not rate it
 * @param groups   every stakeholder group of the study, in study order
 */
public record OutcomeFeedback(Outcome outcome, OptionalInt ownScore, List<GroupFeedback> groups) {

    public OutcomeFeedback {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(ownScore, "ownScore");
        groups = List.copyOf(groups);
    }
}
