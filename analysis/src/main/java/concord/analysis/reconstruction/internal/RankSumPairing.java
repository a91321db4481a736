package concord.analysis.reconstruction.internal;

import concord.analysis.MannWhitneyResult;
import concord.analysis.ScoreHistogram;
import concord.analysis.internal.Computed;
import concord.analysis.internal.MannWhitney;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses one histogram per group from each group's equally good candidates so that the
 * Mann–Whitney P of the pair agrees with a printed P (or comes closest). All pairs are examined up
 * to {@link #MAX_PAIRS}; beyond that a seeded sample of pairs.
 */
public final class RankSumPairing {

    /** Enough for the CLBP table (at most ~80,000 pairs per outcome) while bounding pathological inputs. */
    public static final int MAX_PAIRS = 400_000;

    /** The chosen pair and how it was found. */
    public record Choice(ScoreHistogram a, ScoreHistogram b, double p, boolean agrees, long tried, long agreeing) {
    }

    private RankSumPairing() {
    }

    public static Choice choose(List<ScoreHistogram> as, List<ScoreHistogram> bs, String printed,
                                SplittableRandom random) {
        long total = (long) as.size() * bs.size();
        List<int[]> agreeing = new ArrayList<>();
        List<Double> agreeingP = new ArrayList<>();
        int[] closest = null;
        double closestDistance = Double.MAX_VALUE;
        double closestP = Double.NaN;
        long tried = 0;
        for (long k = 0; k < Math.min(total, MAX_PAIRS); k++) {
            long index = total <= MAX_PAIRS ? k : Math.floorMod(random.nextLong(), total);
            int i = (int) (index / bs.size());
            int j = (int) (index % bs.size());
            Computed<MannWhitneyResult> test = MannWhitney.test("a", as.get(i), "b", bs.get(j), 0);
            tried++;
            if (!test.isPresent()) {
                continue;
            }
            double p = test.value().p();
            double d = concord.analysis.reconstruction.RankSumMatch.agrees(printed, p) ? 0 : distance(printed, p);
            if (d == 0) {
                agreeing.add(new int[] {i, j});
                agreeingP.add(p);
            } else if (d < closestDistance) {
                closestDistance = d;
                closest = new int[] {i, j};
                closestP = p;
            }
        }
        if (!agreeing.isEmpty()) {
            int pick = random.nextInt(agreeing.size());
            int[] ij = agreeing.get(pick);
            return new Choice(as.get(ij[0]), bs.get(ij[1]), agreeingP.get(pick), true, tried, agreeing.size());
        }
        if (closest == null) {
            return null;
        }
        return new Choice(as.get(closest[0]), bs.get(closest[1]), closestP, false, tried, 0);
    }

    private static double distance(String printed, double p) {
        String t = printed.trim();
        try {
            double v = Double.parseDouble(t.startsWith("<") ? t.substring(1) : t);
            return Math.abs(p - v);
        } catch (NumberFormatException e) {
            return Double.MAX_VALUE;
        }
    }
}
