package concord.analysis;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One outcome in one group across the rounds of a Delphi study.
 *
 * @param consensusByRound         the consensus class in each round, in round order (empty for a round
 *                                 without answers in this group)
 * @param consensusReachedInRound  the round since which the group has held the consensus class of its
 *                                 last round without interruption, when that class is critical or not
 *                                 important; empty when the last round has no consensus
 * @param changes                  one entry per pair of consecutive rounds that both have answers
 */
public record GroupStability(List<Optional<Consensus>> consensusByRound, OptionalInt consensusReachedInRound,
                             List<RoundChange> changes) {

    public GroupStability {
        consensusByRound = List.copyOf(consensusByRound);
        changes = List.copyOf(changes);
    }

    /** The verdict of the last change (the latest two rounds); empty when there is none or it cannot be judged. */
    public Optional<Boolean> stable() {
        return changes.isEmpty() ? Optional.empty() : changes.get(changes.size() - 1).stable();
    }
}
