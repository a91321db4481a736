package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void percentagesMeansAndSdsHaveOneDecimalRoundedHalfUp() {
        assertEquals("88.5", Numbers.percent(23 / 26.0 * 100));
        assertEquals("0.0", Numbers.percent(0));
        assertEquals("100.0", Numbers.percent(100));
        assertEquals("6.3", Numbers.percent(6.25));
        assertEquals("8.0 (0.9)", Numbers.meanSd(8.0, 0.91));
        assertEquals("7.9 (1.1)", Numbers.meanSd(7.9231, 1.0554));
    }

    @Test
    void quartilesDropTrailingZeros() {
        assertEquals("8 (7.75, 9)", Numbers.medianQuartiles(8, 7.75, 9));
        assertEquals("6.5 (2, 8)", Numbers.medianQuartiles(6.5, 2.0, 8.0));
        assertEquals("10", Numbers.quantile(10));
        assertEquals("0", Numbers.quantile(-0.0));
    }

    @Test
    void pValuesHaveThreeDecimalsAndAFloor() {
        assertEquals("0.517", Numbers.p(0.5168));
        assertEquals("0.045", Numbers.p(0.0445));
        assertEquals("0.001", Numbers.p(0.001));
        assertEquals("<0.001", Numbers.p(0.00099));
        assertEquals("<0.001", Numbers.p(0.0));
        assertEquals("1.000", Numbers.p(1.0));
        assertEquals("0.050", Numbers.p(0.05));
        assertThrows(IllegalArgumentException.class, () -> Numbers.p(1.2));
        assertThrows(IllegalArgumentException.class, () -> Numbers.p(Double.NaN));
    }

    @Test
    void statisticsKeepTheirSignButNeverPrintMinusZero() {
        assertEquals("-2.35", Numbers.statistic(-2.3456, 2));
        assertEquals("0.00", Numbers.statistic(-0.001, 2));
    }

    @Test
    void formattingIgnoresTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("88.5", Numbers.percent(88.46));
            assertEquals("0.517", Numbers.p(0.5168));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
