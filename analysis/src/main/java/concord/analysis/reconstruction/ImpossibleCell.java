package concord.analysis.reconstruction;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A printed cell (rarely two) that no histogram can reproduce together with the rest of its row:
 * without it, {@code histogramsWithout} histograms fit every other printed cell.
 *
 * @param statistics        the cell, or the two cells that cannot both hold
 * @param printed           their printed values, in the same order
 * @param reason            why, in words, e.g. "q1 of 26 answers is at position 6.75 …"
 * @param histogramsWithout how many histograms fit once these cells are left out
 */
public record ImpossibleCell(List<Statistic> statistics, List<String> printed, String reason, long histogramsWithout) {

    public ImpossibleCell {
        statistics = List.copyOf(statistics);
        printed = List.copyOf(printed);
        Objects.requireNonNull(reason, "reason");
        if (statistics.isEmpty() || statistics.size() != printed.size()) {
            throw new IllegalArgumentException("An impossible cell names one or more statistics with their printed values");
        }
    }

    /** "q1 4.75 is impossible: …" or "% 7–9 78.6 and % 4–6 24.1 cannot both hold: …". */
    public String describe() {
        String cells = IntStream.range(0, statistics.size())
                .mapToObj(i -> statistics.get(i).label() + " " + printed.get(i)).collect(Collectors.joining(" and "));
        return cells + (statistics.size() == 1 ? " is impossible: " : " cannot both hold: ") + reason;
    }
}
