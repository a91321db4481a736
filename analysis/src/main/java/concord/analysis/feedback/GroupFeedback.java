package concord.analysis.feedback;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one stakeholder group rated one outcome in the round, as a participant's feedback shows it.
 * A group whose figures could identify someone ({@link #withheld()} present) carries no distribution:
 * its counts are empty and its percentage and median absent.
 *
 * @param label    the group's label
 * @param ownGroup whether the participant belongs to this group
 * @param answers  valid answers of the group to this outcome in the round
 * @param counts   answers per score, lowest score first; empty when withheld
 * @param pctTop   percent of the answers in the scale's top band (7–9 on GRADE); empty when withheld or not computable
 * @param median   median score (HF6, as in the reports); empty when withheld or not computable
 * @param withheld why the distribution is not shown, e.g. "3 answers; distributions are shown from 5 answers"
 */
public record GroupFeedback(String label, boolean ownGroup, long answers, List<Long> counts, OptionalDouble pctTop,
                            OptionalDouble median, Optional<String> withheld) {

    public GroupFeedback {
        Objects.requireNonNull(label, "label");
        counts = List.copyOf(counts);
        Objects.requireNonNull(pctTop, "pctTop");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(withheld, "withheld");
        if (withheld.isPresent() && (!counts.isEmpty() || pctTop.isPresent() || median.isPresent())) {
            throw new IllegalArgumentException("A withheld group (" + label + ") carries no distribution");
        }
    }
}
