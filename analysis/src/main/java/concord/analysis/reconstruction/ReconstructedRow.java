package concord.analysis.reconstruction;

import concord.analysis.ScoreHistogram;

import java.util.List;
import java.util.Objects;

/**
 * The reconstruction of one printed row: the chosen score histogram, how well it reproduces the
 * printed statistics, and why where it does not.
 *
 * @param published     the printed row
 * @param histogram     the reconstructed valid answers (missing = 0; see {@link Reconstruction#participants})
 * @param status        matched, matched after a repair, or closest only
 * @param discrepancies printed values not reproduced; empty unless {@link RowStatus#CLOSEST}
 * @param notes         how n was inferred and which repairs were applied
 * @param alternatives  how many histograms fit equally well; the seed chose one of them
 */
public record ReconstructedRow(PublishedRow published, ScoreHistogram histogram, RowStatus status,
                               List<Discrepancy> discrepancies, List<String> notes, int alternatives) {

    public ReconstructedRow {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(histogram, "histogram");
        Objects.requireNonNull(status, "status");
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
}
