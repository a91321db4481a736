package concord.analysis.reconstruction;

import concord.analysis.ScoreHistogram;

import java.util.List;
import java.util.Objects;

/**
 * The reconstruction of one printed row: how many histograms reproduce every printed cell, the
 * chosen one, and for a row that no histogram reproduces, which printed cell is impossible and why.
 *
 * @param published     the printed row
 * @param histogram     the reconstructed valid answers (missing = 0; see {@link Reconstruction#participants})
 * @param status        unique, several or none
 * @param consistent    how many histograms (any n in the group's range) fit every printed cell; 0 for {@link RowStatus#NONE}
 * @param impossible    for {@link RowStatus#NONE}: every cell (or pair of cells) whose removal leaves fitting
 *                      histograms, with the reason; empty otherwise
 * @param discrepancies the printed values the chosen histogram does not reproduce: the impossible cell the
 *                      reconstruction gave up; empty unless {@link RowStatus#NONE}
 * @param notes         how n was inferred, which repairs the reader applied, how the rank-sum P was met
 * @param alternatives  how many histograms the choice was made among (the seed and the rank-sum P chose one)
 */
public record ReconstructedRow(PublishedRow published, ScoreHistogram histogram, RowStatus status, long consistent,
                               List<ImpossibleCell> impossible, List<Discrepancy> discrepancies, List<String> notes,
                               int alternatives) {

    public ReconstructedRow {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(status, "status");
        impossible = List.copyOf(impossible);
        discrepancies = List.copyOf(discrepancies);
        notes = List.copyOf(notes);
    }

    public String outcome() {
        return published.outcome();
    }

    public String group() {
        return published.group();
    }

    /** Number of valid answers. */
    public int n() {
        return (int) histogram.n();
    }

    /** Whether every printed cell is reproduced (unique or several fits). */
    public boolean reproduced() {
        return status != RowStatus.NONE;
    }

    /** Whether the row is reproduced only as the reader read it: a garbled or unreadable cell was repaired or left out. */
    public boolean repaired() {
        return reproduced() && !published.problems().isEmpty();
    }

    /** "unique", "several (57)" or "none: q1 4.75 is impossible: …". */
    public String verdict() {
        return switch (status) {
            case UNIQUE -> "unique";
            case SEVERAL -> "several (" + consistent + ")";
            case NONE -> impossible.isEmpty() ? "none (more than two printed cells would have to change)"
                    : "none: " + String.join("; or ", impossible.stream().map(ImpossibleCell::describe).toList());
        };
    }
}
