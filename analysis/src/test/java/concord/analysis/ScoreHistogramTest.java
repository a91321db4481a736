package concord.analysis;

import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreHistogramTest {

    private static final RatingScale GRADE = RatingScale.grade();

    @Test
    void quartilesAreSpssHaverageOnTheWorkedExample() {
        // stats-conventions.md §1.2: type 6 gives 3.25 / 6.5 / 8.75 (type 7 would give 3.75 / 8.25).
        ScoreHistogram h = ScoreHistogram.ofScores(GRADE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 7);
        assertEquals(3.25, h.q1().getAsDouble(), 1e-12);
        assertEquals(6.5, h.median().getAsDouble(), 1e-12);
        assertEquals(8.75, h.q3().getAsDouble(), 1e-12);
    }

    @Test
    void bandsMeanAndSdOfAPublishedRow() {
        // Skeletal-related outcomes, doctors: 9 / 11 / 6 of 26 in 7–9 / 4–6 / 1–3.
        ScoreHistogram h = new ScoreHistogram(GRADE, new long[]{2, 2, 2, 3, 4, 4, 3, 3, 3}, 0);
        assertEquals(26, h.n());
        assertEquals(9, h.bandCount(Band.TOP));
        assertEquals(11, h.bandCount(Band.MIDDLE));
        assertEquals(6, h.bandCount(Band.BOTTOM));
        assertEquals(34.615, h.validPercent(Band.TOP).getAsDouble(), 1e-3);
        // mean = (2+4+6+12+20+24+21+24+27)/26 = 140/26
        assertEquals(140.0 / 26, h.mean().getAsDouble(), 1e-12);
    }

    @Test
    void agreesWithCommonsStatisticsOnRandomHistograms() {
        SplittableRandom random = new SplittableRandom(7);
        Quantile hf6 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF6);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(60);
            int[] scores = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = 1 + random.nextInt(random.nextBoolean() ? 9 : 3);
            }
            ScoreHistogram h = ScoreHistogram.ofScores(GRADE, scores);
            double[] x = java.util.Arrays.stream(scores).asDoubleStream().toArray();
            double mean = java.util.Arrays.stream(x).average().orElseThrow();
            assertEquals(mean, h.mean().getAsDouble(), 1e-12);
            if (n >= 2) {
                assertEquals(StandardDeviation.of(x).getAsDouble(), h.standardDeviation().getAsDouble(), 1e-12);
            }
            for (double p : new double[]{0, 0.1, 0.25, 0.5, 0.75, 0.9, 1}) {
                assertEquals(hf6.evaluate(x.clone(), p), h.quantile(p).getAsDouble(), 1e-12, "p=" + p + " n=" + n);
            }
        }
    }

    @Test
    void degenerateHistogramsAreEmptyNotNaN() {
        ScoreHistogram none = new ScoreHistogram(GRADE, new long[9], 4);
        assertEquals(0, none.n());
        assertEquals(4, none.missing());
        assertTrue(none.mean().isEmpty());
        assertTrue(none.standardDeviation().isEmpty());
        assertTrue(none.median().isEmpty());
        assertTrue(none.validPercent(Band.TOP).isEmpty());
        ScoreHistogram one = ScoreHistogram.ofScores(GRADE, 5);
        assertEquals(5, one.mean().getAsDouble());
        assertTrue(one.standardDeviation().isEmpty());
        assertEquals(5, one.q1().getAsDouble());
        assertEquals(5, one.q3().getAsDouble());
    }

    @Test
    void otherScalesWork() {
        RatingScale zeroToTen = RatingScale.of(0, 10, 3, 7);
        ScoreHistogram h = ScoreHistogram.ofScores(zeroToTen, 0, 0, 10, 5, 7);
        assertEquals(2, h.bandCount(Band.BOTTOM));
        assertEquals(1, h.bandCount(Band.MIDDLE));
        assertEquals(2, h.bandCount(Band.TOP));
        assertEquals(4.4, h.mean().getAsDouble(), 1e-12);
        assertEquals(5, h.median().getAsDouble());
        assertEquals(0, h.min().getAsInt());
        assertEquals(10, h.max().getAsInt());
        RatingScale fivePoint = RatingScale.of(1, 5, 2, 4);
        assertEquals(Band.MIDDLE, fivePoint.bandOf(3));
        assertThrows(IllegalArgumentException.class, () -> ScoreHistogram.ofScores(fivePoint, 6));
    }

    @Test
    void histogramsAddAndCompareByValue() {
        ScoreHistogram a = ScoreHistogram.ofScores(GRADE, 1, 9);
        ScoreHistogram b = new ScoreHistogram(GRADE, new long[]{0, 0, 0, 0, 0, 0, 0, 0, 1}, 2);
        ScoreHistogram sum = a.plus(b);
        assertEquals(new ScoreHistogram(GRADE, new long[]{1, 0, 0, 0, 0, 0, 0, 0, 2}, 2), sum);
        assertEquals(5, sum.total());
        long[] exposed = sum.counts();
        exposed[0] = 99;
        assertEquals(1, sum.count(1), "counts() must be a copy");
        assertThrows(IllegalArgumentException.class,
                () -> a.plus(ScoreHistogram.ofScores(RatingScale.of(1, 5, 2, 4), 3)));
        assertThrows(IllegalArgumentException.class, () -> new ScoreHistogram(GRADE, new long[8], 0));
        assertThrows(IllegalArgumentException.class, () -> new ScoreHistogram(GRADE, new long[]{-1, 0, 0, 0, 0, 0, 0, 0, 0}, 0));
    }
}
