package concord.analysis.reconstruction.internal;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Exhaustive search for every score histogram that reproduces a set of printed cells: for each n
 * in the allowed range (largest first), every band count whose percentages print as the printed
 * ones, then every way of spreading each band's count over its scores (for n = 30 on the GRADE
 * scale at most 66³ ≈ 290,000 splits per band count, usually far fewer). Exhaustive rather than
 * hill-climbing, so that "no histogram fits" is a proof and "unique" is a fact.
 */
public final class HistogramSearch {

    /** Histograms kept in memory per search; the count goes on beyond. */
    public static final int KEPT = 100_000;
    /** Histograms examined per search before giving up (a row with no readable percentages on a long scale). */
    public static final long EXAMINED = 50_000_000L;

    /**
     * The histograms found, in enumeration order (larger n first), at most {@link #KEPT}.
     *
     * @param histograms the first {@link #KEPT} histograms found
     * @param count      how many fit in all
     * @param complete   false when the search stopped after {@link #EXAMINED} histograms
     */
    public record Fits(List<ScoreHistogram> histograms, long count, boolean complete) {

        public boolean none() {
            return count == 0;
        }

        /** The kept histograms with the largest n (fewest missing answers). */
        public List<ScoreHistogram> largestN() {
            long n = histograms.stream().mapToLong(ScoreHistogram::n).max().orElse(0);
            return histograms.stream().filter(h -> h.n() == n).toList();
        }
    }

    private final RatingScale scale;
    private final BandLayout layout;

    public HistogramSearch(RatingScale scale) {
        this.scale = scale;
        this.layout = new BandLayout(scale);
    }

    public Fits all(RowCells cells, int minN, int maxN) {
        return all(cells, minN, maxN, h -> true);
    }

    /** Every histogram with n in {@code minN..maxN} that fits the cells and {@code also}. */
    public Fits all(RowCells cells, int minN, int maxN, Predicate<ScoreHistogram> also) {
        List<ScoreHistogram> kept = new ArrayList<>();
        long count = 0;
        long examined = 0;
        long[] counts = new long[scale.points()];
        for (int n = maxN; n >= Math.max(1, minN); n--) {
            for (int[] bands : bandCounts(cells, n)) {
                List<int[]> top = Compositions.of(bands[0], layout.width(Band.TOP));
                List<int[]> middle = Compositions.of(bands[1], layout.width(Band.MIDDLE));
                List<int[]> bottom = Compositions.of(bands[2], layout.width(Band.BOTTOM));
                for (int[] b : bottom) {
                    layout.place(counts, Band.BOTTOM, b);
                    for (int[] m : middle) {
                        layout.place(counts, Band.MIDDLE, m);
                        for (int[] t : top) {
                            if (++examined > EXAMINED) {
                                return new Fits(List.copyOf(kept), count, false);
                            }
                            layout.place(counts, Band.TOP, t);
                            ScoreHistogram h = new ScoreHistogram(scale, counts, 0);
                            if (cells.descriptivesFit(h) && also.test(h)) {
                                if (kept.size() < KEPT) {
                                    kept.add(h);
                                }
                                count++;
                            }
                        }
                    }
                }
            }
        }
        return new Fits(List.copyOf(kept), count, true);
    }

    /** Band counts {top, middle, bottom} of n answers whose percentages print as the printed ones. */
    public static List<int[]> bandCounts(RowCells cells, int n) {
        List<int[]> out = new ArrayList<>();
        for (int top = 0; top <= n; top++) {
            if (!cells.percentFits(Band.TOP, top, n)) {
                continue;
            }
            for (int middle = 0; middle <= n - top; middle++) {
                int bottom = n - top - middle;
                if (cells.percentFits(Band.MIDDLE, middle, n) && cells.percentFits(Band.BOTTOM, bottom, n)) {
                    out.add(new int[] {top, middle, bottom});
                }
            }
        }
        return out;
    }
}
