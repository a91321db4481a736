package concord.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingScaleTest {

    @Test
    void gradeScale() {
        RatingScale grade = RatingScale.grade();
        assertEquals(9, grade.points());
        assertEquals(Band.BOTTOM, grade.bandOf(3));
        assertEquals(Band.MIDDLE, grade.bandOf(4));
        assertEquals(Band.MIDDLE, grade.bandOf(6));
        assertEquals(Band.TOP, grade.bandOf(7));
        assertEquals("critically important", grade.top().label());
        assertEquals("7–9", grade.band(Band.TOP).rangeText());
    }

    @Test
    void rejectsScalesWhoseBandsDoNotTile() {
        ScoreBand b = new ScoreBand("low", 1, 3);
        ScoreBand m = new ScoreBand("mid", 5, 6);
        ScoreBand t = new ScoreBand("high", 7, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RatingScale(1, 9, b, m, t));
        assertTrue(e.getMessage().contains("contiguous"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RatingScale.of(5, 5, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> RatingScale.of(1, 9, 3, 4), "empty middle band");
        assertThrows(IllegalArgumentException.class, () -> RatingScale.of(0, 5000, 10, 20));
        assertThrows(IllegalArgumentException.class, () -> RatingScale.grade().bandOf(10));
    }
}
