package concord.analysis.internal;

import concord.analysis.ChiSquareResult;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PearsonChiSquareTest {

    @Test
    void matchesCommonsStatisticsOnRandomTables() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 300; trial++) {
            int rows = 2 + random.nextInt(3);
            int columns = 2 + random.nextInt(2);
            long[][] t = new long[rows][columns];
            for (long[] row : t) {
                for (int j = 0; j < columns; j++) {
                    row[j] = 1 + random.nextInt(20);
                }
            }
            ChiSquareResult ours = PearsonChiSquare.test(BandTable.ofCounts(t)).value();
            var lib = ChiSquareTest.withDefaults().test(t);
            assertEquals(lib.getStatistic(), ours.statistic(), 1e-9);
            assertEquals(lib.getPValue(), ours.p(), 1e-12);
            assertEquals((rows - 1) * (columns - 1), ours.df());
        }
    }

    @Test
    void degenerateTablesSayWhy() {
        Computed<ChiSquareResult> oneColumn = PearsonChiSquare.test(BandTable.ofCounts(new long[][]{{3}, {4}}));
        assertFalse(oneColumn.isPresent());
        assertTrue(oneColumn.reason().contains("one band"));
        Computed<ChiSquareResult> oneRow = PearsonChiSquare.test(BandTable.ofCounts(new long[][]{{3, 4, 5}}));
        assertTrue(oneRow.reason().contains("only one group"));
    }
}
