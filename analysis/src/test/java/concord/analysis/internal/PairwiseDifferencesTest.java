package concord.analysis.internal;

import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PairwiseDifferencesTest {

    @Test
    void matchesBruteForceOverAllPairs() {
        RatingScale scale = RatingScale.grade();
        SplittableRandom random = new SplittableRandom(9);
        for (int trial = 0; trial < 300; trial++) {
            int[] a = random.ints(1 + random.nextInt(25), 1, 10).toArray();
            int[] b = random.ints(1 + random.nextInt(25), 1, 10).toArray();
            double[] d = new double[a.length * b.length];
            int k = 0;
            int greater = 0;
            int less = 0;
            for (int x : a) {
                for (int y : b) {
                    d[k++] = x - y;
                    greater += x > y ? 1 : 0;
                    less += x < y ? 1 : 0;
                }
            }
            Arrays.sort(d);
            double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
            PairwiseDifferences pd = PairwiseDifferences.of(ScoreHistogram.ofScores(scale, a), ScoreHistogram.ofScores(scale, b));
            assertEquals(median, pd.hodgesLehmann(), 0.0);
            assertEquals((double) (greater - less) / d.length, pd.cliffsDelta(), 1e-15);
            assertEquals(d.length, pd.pairs());
        }
    }
}
