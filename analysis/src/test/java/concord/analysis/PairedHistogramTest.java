package concord.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedHistogramTest {

    private static final RatingScale GRADE = RatingScale.grade();

    @Test
    void marginalsDifferencesAndBandMoves() {
        PairedHistogram h = PairedHistogram.ofPairs(GRADE, new int[] {3, 4}, new int[] {6, 7}, new int[] {7, 6},
                new int[] {9, 9}, new int[] {5, 6}, new int[] {1, 1});
        assertEquals(6, h.n());
        assertEquals(ScoreHistogram.ofScores(GRADE, 3, 6, 7, 9, 5, 1), h.earlier());
        assertEquals(ScoreHistogram.ofScores(GRADE, 4, 7, 6, 9, 6, 1), h.later());
        assertEquals(2, h.movedUp(), "3→4 and 6→7 cross a band boundary upwards");
        assertEquals(1, h.movedDown(), "7→6");
        assertEquals(3, h.changedBand());
        long[] d = h.differences();
        assertEquals(17, d.length);
        assertEquals(2, d[8], "two unchanged pairs");
        assertEquals(3, d[9], "three pairs up by one");
        assertEquals(1, d[7], "one pair down by one");
        assertEquals(1, h.count(7, 6));
    }

    @Test
    void addsAndComparesByValue() {
        PairedHistogram a = PairedHistogram.ofPairs(GRADE, new int[] {5, 6});
        PairedHistogram b = PairedHistogram.ofPairs(GRADE, new int[] {5, 6}, new int[] {2, 2});
        assertEquals(3, a.plus(b).n());
        assertEquals(2, a.plus(b).count(5, 6));
        assertEquals(a, PairedHistogram.ofPairs(GRADE, new int[] {5, 6}));
        assertNotEquals(a, b);
        long[][] copy = a.counts();
        copy[4][5] = 99;
        assertEquals(1, a.count(5, 6), "counts() is a copy");
        assertArrayEquals(new long[9], PairedHistogram.empty(GRADE).earlier().counts());
    }

    @Test
    void refusesBadShapesAndScores() {
        assertThrows(IllegalArgumentException.class, () -> new PairedHistogram(GRADE, new long[3][3]));
        long[][] negative = new long[9][9];
        negative[0][0] = -1;
        assertThrows(IllegalArgumentException.class, () -> new PairedHistogram(GRADE, negative));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PairedHistogram.ofPairs(GRADE, new int[] {0, 5}));
        assertTrue(e.getMessage().contains("1..9"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> PairedHistogram.empty(GRADE).plus(PairedHistogram.empty(RatingScale.of(1, 5, 2, 4))));
    }
}
