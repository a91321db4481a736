package concord.analysis.reconstruction.internal;

import concord.analysis.reconstruction.Statistic;

import java.util.ArrayList;
import java.util.List;

/**
 * For a row that no histogram reproduces, the printed cells that could be the wrong ones: every
 * single cell whose removal leaves fitting histograms, or, when no single cell does, every pair.
 */
public final class RowDiagnosis {

    /** Cells left out and the histograms that then fit. */
    public record Culprit(List<Statistic> cells, HistogramSearch.Fits fitsWithout) {
    }

    private RowDiagnosis() {
    }

    /** Single cells first; pairs only when no single cell explains the row; empty when neither does. */
    public static List<Culprit> culprits(HistogramSearch search, RowCells cells, int minN, int maxN) {
        List<Statistic> present = List.copyOf(cells.statistics());
        List<Culprit> singles = new ArrayList<>();
        for (Statistic s : present) {
            HistogramSearch.Fits fits = search.all(cells.without(List.of(s)), minN, maxN);
            if (!fits.none()) {
                singles.add(new Culprit(List.of(s), fits));
            }
        }
        if (!singles.isEmpty()) {
            return singles;
        }
        List<Culprit> pairs = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            for (int j = i + 1; j < present.size(); j++) {
                List<Statistic> pair = List.of(present.get(i), present.get(j));
                HistogramSearch.Fits fits = search.all(cells.without(pair), minN, maxN);
                if (!fits.none()) {
                    pairs.add(new Culprit(pair, fits));
                }
            }
        }
        return pairs;
    }
}
