package concord.analysis.internal;

import concord.analysis.MannWhitneyResult;
import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MannWhitneyTest {

    private static final RatingScale GRADE = RatingScale.grade();

    /** The histogram formulas give what commons-statistics computes on the expanded scores (the SPSS option set). */
    @Test
    void matchesCommonsStatisticsAsymptoticWithoutContinuityCorrection() {
        MannWhitneyUTest spss = MannWhitneyUTest.withDefaults().with(PValueMethod.ASYMPTOTIC)
                .with(org.apache.commons.statistics.inference.ContinuityCorrection.DISABLED).with(AlternativeHypothesis.TWO_SIDED);
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 300; trial++) {
            int[] a = scores(random, 1 + random.nextInt(40));
            int[] b = scores(random, 1 + random.nextInt(40));
            ScoreHistogram ha = ScoreHistogram.ofScores(GRADE, a);
            ScoreHistogram hb = ScoreHistogram.ofScores(GRADE, b);
            Computed<MannWhitneyResult> ours = MannWhitney.test("A", ha, "B", hb, 0);
            if (!ours.isPresent()) {
                assertTrue(ha.plus(hb).min().getAsInt() == ha.plus(hb).max().getAsInt(), ours.reason());
                continue;
            }
            MannWhitneyUTest.Result lib = spss.test(toDoubles(a), toDoubles(b));
            MannWhitneyResult m = ours.value();
            assertEquals(lib.getPValue(), m.p(), 1e-12, "trial " + trial);
            double u1 = lib.getStatistic();
            assertEquals(Math.min(u1, (double) a.length * b.length - u1), m.u(), 1e-9);
            assertTrue(m.z() <= 0);
        }
    }

    @Test
    void exactPIsTheNoTiesDistributionAsSpssPrintsIt() {
        // No ties, n = 3 and 4: U = 0 has probability 1/35, so exact two-sided p = 2/35.
        ScoreHistogram a = ScoreHistogram.ofScores(GRADE, 1, 2, 3);
        ScoreHistogram b = ScoreHistogram.ofScores(GRADE, 5, 6, 7, 8);
        MannWhitneyResult m = MannWhitney.test("A", a, "B", b, 40).value();
        assertEquals(0, m.u());
        assertEquals(6, m.w(), "W = rank sum of the smaller group");
        assertEquals(2.0 / 35, m.exactP().getAsDouble(), 1e-15);
        MannWhitneyResult noExact = MannWhitney.test("A", a, "B", b, 6).value();
        assertFalse(noExact.exactP().isPresent());
        assertTrue(MannWhitney.exactPReason(noExact, 6).contains("N = 7"));
    }

    @Test
    void wilcoxonWIsTheFirstGroupsRankSumWhenSizesAreEqual() {
        MannWhitneyResult m = MannWhitney.test("A", ScoreHistogram.ofScores(GRADE, 8, 9),
                "B", ScoreHistogram.ofScores(GRADE, 1, 2), 40).value();
        assertEquals(7, m.rankSumA());
        assertEquals(3, m.rankSumB());
        assertEquals(7, m.w());
        assertEquals(0, m.u());
    }

    @Test
    void otherScalesGiveTheSameAnswerAsShiftedScores() {
        RatingScale zeroToTen = RatingScale.of(0, 10, 3, 7);
        MannWhitneyResult shifted = MannWhitney.test("A", ScoreHistogram.ofScores(zeroToTen, 0, 1, 1, 4, 10),
                "B", ScoreHistogram.ofScores(zeroToTen, 2, 5, 5, 9), 40).value();
        MannWhitneyResult grade = MannWhitney.test("A", ScoreHistogram.ofScores(RatingScale.of(1, 11, 4, 8), 1, 2, 2, 5, 11),
                "B", ScoreHistogram.ofScores(RatingScale.of(1, 11, 4, 8), 3, 6, 6, 10), 40).value();
        assertEquals(grade, shifted);
    }

    private static int[] scores(SplittableRandom random, int n) {
        int[] s = new int[n];
        int spread = 1 + random.nextInt(9);
        int low = 1 + random.nextInt(10 - spread);
        for (int i = 0; i < n; i++) {
            s[i] = low + random.nextInt(spread);
        }
        return s;
    }

    private static double[] toDoubles(int[] x) {
        return java.util.Arrays.stream(x).asDoubleStream().toArray();
    }
}
