package concord.analysis.internal;

import concord.analysis.PairedHistogram;
import concord.analysis.RatingScale;
import concord.analysis.WilcoxonSignedRankResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WilcoxonSignedRankTest {

    private static final RatingScale GRADE = RatingScale.grade();

    @Test
    void handWorkedExample() {
        // Differences +1, +1, +2, −1, 0: |d| ranks 1,1,1 → mid-rank 2 (three ones), 2 → rank 4.
        PairedHistogram pairs = PairedHistogram.ofPairs(GRADE, new int[] {5, 6}, new int[] {6, 7}, new int[] {4, 6},
                new int[] {8, 7}, new int[] {9, 9});
        WilcoxonSignedRankResult w = WilcoxonSignedRank.test(pairs).value();
        assertEquals(5, w.pairs());
        assertEquals(1, w.ties());
        assertEquals(1, w.negative());
        assertEquals(3, w.positive());
        assertEquals(2.0, w.negativeRankSum());
        assertEquals(8.0, w.positiveRankSum());
        // n = 4: mean 5, variance 4·5·9/24 − (27 − 3)/48 = 7.5 − 0.5 = 7.
        assertEquals((2.0 - 5) / Math.sqrt(7), w.z(), 1e-12);
        assertEquals(WilcoxonSignedRankResult.Ranks.NEGATIVE, w.basedOn());
        assertEquals(2.0, w.meanRankNegative().getAsDouble());
        assertTrue(w.z() <= 0);
    }

    @Test
    void basedOnPositiveRanksWhenRatingsFell() {
        PairedHistogram pairs = PairedHistogram.ofPairs(GRADE, new int[] {7, 5}, new int[] {8, 6}, new int[] {6, 7});
        WilcoxonSignedRankResult w = WilcoxonSignedRank.test(pairs).value();
        assertEquals(WilcoxonSignedRankResult.Ranks.POSITIVE, w.basedOn());
        assertEquals(w.positiveRankSum(), Math.min(w.positiveRankSum(), w.negativeRankSum()));
    }

    @Test
    void degenerateCasesHaveReasons() {
        Computed<WilcoxonSignedRankResult> none = WilcoxonSignedRank.test(PairedHistogram.empty(GRADE));
        assertFalse(none.isPresent());
        assertTrue(none.reason().contains("both rounds"), none.reason());
        Computed<WilcoxonSignedRankResult> same = WilcoxonSignedRank.test(
                PairedHistogram.ofPairs(GRADE, new int[] {7, 7}, new int[] {3, 3}));
        assertFalse(same.isPresent());
        assertTrue(same.reason().contains("same score"), same.reason());
    }
}
