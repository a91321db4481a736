package concord.analysis.reconstruction.internal;

import concord.analysis.MannWhitneyResult;
import concord.analysis.ScoreHistogram;
import concord.analysis.internal.Computed;
import concord.analysis.internal.MannWhitney;
import concord.analysis.reconstruction.RankSumMatch;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Chooses one histogram per group from each group's candidates so that the Mann–Whitney P of the
 * pair agrees with a printed P (or comes closest). Among agreeing pairs, those with the smallest
 * penalty win (the caller's preference, e.g. quartiles exactly as printed); without an agreeing
 * pair, the smallest penalty and then the closest P. All pairs are examined up to
 * {@link #MAX_PAIRS}; beyond that a seeded sample of pairs.
 */
public final class RankSumPairing {

    /** Enough for the CLBP table while bounding pathological inputs. */
    public static final int MAX_PAIRS = 3_000_000;

    /** The chosen pair and how it was found. */
    public record Choice(ScoreHistogram a, ScoreHistogram b, double p, boolean agrees, long tried, long agreeing) {
    }

    private RankSumPairing() {
    }

    public static Choice choose(List<ScoreHistogram> as, List<ScoreHistogram> bs, String printed,
                                ToIntFunction<ScoreHistogram> penaltyA, ToIntFunction<ScoreHistogram> penaltyB,
                                SplittableRandom random) {
        int[] pa = as.stream().mapToInt(penaltyA).toArray();
        int[] pb = bs.stream().mapToInt(penaltyB).toArray();
        long total = (long) as.size() * bs.size();
        List<int[]> agreeing = new ArrayList<>();
        List<Double> agreeingP = new ArrayList<>();
        long agreeingCount = 0;
        int agreeingPenalty = Integer.MAX_VALUE;
        int[] closest = null;
        int closestPenalty = Integer.MAX_VALUE;
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
            int pen = pa[i] + pb[j];
            if (RankSumMatch.agrees(printed, p)) {
                agreeingCount++;
                if (pen < agreeingPenalty) {
                    agreeingPenalty = pen;
                    agreeing.clear();
                    agreeingP.clear();
                }
                if (pen == agreeingPenalty) {
                    agreeing.add(new int[] {i, j});
                    agreeingP.add(p);
                }
                continue;
            }
            double d = distance(printed, p);
            if (pen < closestPenalty || pen == closestPenalty && d < closestDistance) {
                closestPenalty = pen;
                closestDistance = d;
                closest = new int[] {i, j};
                closestP = p;
            }
        }
        if (!agreeing.isEmpty()) {
            int pick = random.nextInt(agreeing.size());
            int[] ij = agreeing.get(pick);
            return new Choice(as.get(ij[0]), bs.get(ij[1]), agreeingP.get(pick), true, tried, agreeingCount);
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
