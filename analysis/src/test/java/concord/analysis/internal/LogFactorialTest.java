package concord.analysis.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LogFactorialTest {

    @Test
    void tableAndStirlingSeriesAgreeWithDirectSums() {
        double sum = 0;
        for (int n = 1; n <= 20_000; n++) {
            sum += Math.log(n);
            assertEquals(sum, LogFactorial.of(n), sum * 1e-14, "n = " + n);
        }
        assertEquals(0, LogFactorial.of(0));
        assertEquals(Math.log(3628800), LogFactorial.of(10), 1e-13);
    }
}
