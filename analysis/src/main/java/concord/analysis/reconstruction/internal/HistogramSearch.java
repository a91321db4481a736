package concord.analysis.reconstruction.internal;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreBand;
import concord.analysis.ScoreHistogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Exhaustive search over the score histograms with given band counts: every way of splitting each
 * band's count over the band's scores (for n = 30 on the GRADE scale at most 66³ ≈ 290,000
 * histograms, usually far fewer). Returns every histogram with the best fit to the printed
 * descriptive statistics, so a caller can pick one reproducibly and knows how many were possible.
 * Exhaustive rather than hill-climbing because then "no histogram fits" is a proof, not a guess.
 */
public final class HistogramSearch {

    /** The best fit found and every histogram that has it, in enumeration order. */
    public record Result(BandCounts bands, Fit fit, List<ScoreHistogram> best) {
    }

    private final RatingScale scale;

    public HistogramSearch(RatingScale scale) {
        this.scale = scale;
    }

    public Result search(BandCounts bands, RowTarget target) {
        List<int[]> bottom = compositions(bands.bottom(), width(Band.BOTTOM));
        List<int[]> middle = compositions(bands.middle(), width(Band.MIDDLE));
        List<int[]> top = compositions(bands.top(), width(Band.TOP));
        long[] counts = new long[scale.points()];
        Fit best = null;
        List<ScoreHistogram> ties = new ArrayList<>();
        for (int[] b : bottom) {
            place(counts, Band.BOTTOM, b);
            for (int[] m : middle) {
                place(counts, Band.MIDDLE, m);
                for (int[] t : top) {
                    place(counts, Band.TOP, t);
                    ScoreHistogram h = new ScoreHistogram(scale, counts, 0);
                    Fit fit = target.fit(h, best == null ? Integer.MAX_VALUE : best.mismatches());
                    if (fit == null) {
                        continue;
                    }
                    if (best != null && same(fit, best)) {
                        ties.add(h);
                    } else if (best == null || fit.compareTo(best) < 0) {
                        best = fit;
                        ties.clear();
                        ties.add(h);
                    }
                }
            }
        }
        return new Result(bands, best, List.copyOf(ties));
    }

    private static boolean same(Fit a, Fit b) {
        return a.mismatches() == b.mismatches() && Math.abs(a.excess() - b.excess()) <= 1e-12;
    }

    private int width(Band band) {
        ScoreBand b = scale.band(band);
        return b.to() - b.from() + 1;
    }

    private void place(long[] counts, Band band, int[] split) {
        int offset = scale.band(band).from() - scale.min();
        for (int i = 0; i < split.length; i++) {
            counts[offset + i] = split[i];
        }
    }

    /** All ways to write {@code total} as an ordered sum of {@code parts} non-negative integers. */
    static List<int[]> compositions(int total, int parts) {
        List<int[]> out = new ArrayList<>();
        compose(new int[parts], 0, total, out);
        return out;
    }

    private static void compose(int[] current, int index, int remaining, List<int[]> out) {
        if (index == current.length - 1) {
            current[index] = remaining;
            out.add(current.clone());
            return;
        }
        for (int v = 0; v <= remaining; v++) {
            current[index] = v;
            compose(current, index + 1, remaining - v, out);
        }
    }
}
