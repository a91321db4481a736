package concord.analysis.reconstruction.internal;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import concord.analysis.reconstruction.PrintedNumber;
import concord.analysis.reconstruction.Statistic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last resort for a row so inconsistent that more than two printed cells would have to change:
 * the histograms that miss the fewest printed cells, then by the smallest total excess beyond
 * rounding (in units of each cell's printed precision). Band counts are taken from the readings
 * that miss the fewest percentages (at most {@link #MAX_BAND_COUNTS} of them).
 */
public final class ClosestSearch {

    static final int MAX_BAND_COUNTS = 64;

    private record Score(int misses, double excess) {
    }

    private final RatingScale scale;
    private final BandLayout layout;

    public ClosestSearch(RatingScale scale) {
        this.scale = scale;
        this.layout = new BandLayout(scale);
    }

    public List<ScoreHistogram> closest(RowCells cells, int minN, int maxN) {
        List<int[]> candidates = new ArrayList<>();
        List<Integer> misses = new ArrayList<>();
        for (int n = maxN; n >= Math.max(1, minN); n--) {
            for (int top = 0; top <= n; top++) {
                for (int middle = 0; middle <= n - top; middle++) {
                    int[] b = {top, middle, n - top - middle};
                    int miss = 0;
                    for (Band band : Band.values()) {
                        miss += cells.percentFits(band, b[index(band)], n) ? 0 : 1;
                    }
                    candidates.add(b);
                    misses.add(miss);
                }
            }
        }
        int fewest = misses.stream().mapToInt(Integer::intValue).min().orElse(0);
        List<int[]> bands = new ArrayList<>();
        for (int i = 0; i < candidates.size() && bands.size() < MAX_BAND_COUNTS; i++) {
            if (misses.get(i) == fewest) {
                bands.add(candidates.get(i));
            }
        }
        List<ScoreHistogram> best = new ArrayList<>();
        Score bestScore = null;
        long[] counts = new long[scale.points()];
        for (int[] b : bands) {
            for (int[] bottom : Compositions.of(b[2], layout.width(Band.BOTTOM))) {
                layout.place(counts, Band.BOTTOM, bottom);
                for (int[] middle : Compositions.of(b[1], layout.width(Band.MIDDLE))) {
                    layout.place(counts, Band.MIDDLE, middle);
                    for (int[] top : Compositions.of(b[0], layout.width(Band.TOP))) {
                        layout.place(counts, Band.TOP, top);
                        ScoreHistogram h = new ScoreHistogram(scale, counts, 0);
                        Score score = score(cells, h);
                        int c = bestScore == null ? -1 : Comparator.comparingInt(Score::misses)
                                .thenComparingDouble(Score::excess).compare(score, bestScore);
                        if (c < 0) {
                            bestScore = score;
                            best.clear();
                        }
                        if (c <= 0 || Math.abs(score.excess() - bestScore.excess()) <= 1e-12 && score.misses() == bestScore.misses()) {
                            best.add(h);
                        }
                    }
                }
            }
        }
        return best;
    }

    private static Score score(RowCells cells, ScoreHistogram h) {
        int misses = 0;
        double excess = 0;
        for (Statistic s : cells.statistics()) {
            PrintedNumber p = cells.printed(s);
            double v = RowCells.value(s, h);
            double over = Double.isNaN(v) ? 1 : (Math.abs(v - p.value()) - p.tolerance()) / (2 * p.tolerance());
            if (over > 1e-9) {
                misses++;
                excess += over;
            }
        }
        return new Score(misses, excess);
    }

    private static int index(Band band) {
        return switch (band) {
            case TOP -> 0;
            case MIDDLE -> 1;
            case BOTTOM -> 2;
        };
    }
}
