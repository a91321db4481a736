package concord.analysis.internal;

/**
 * ln(n!) without an array as large as N: a table for n ≤ {@value #TABLE_SIZE}, Stirling's series above
 * (the first omitted term, 1/(1260 n⁵), is below 1e-20 there).
 */
final class LogFactorial {

    private static final int TABLE_SIZE = 4096;
    private static final double[] TABLE = new double[TABLE_SIZE + 1];
    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    static {
        for (int i = 2; i <= TABLE_SIZE; i++) {
            TABLE[i] = TABLE[i - 1] + Math.log(i);
        }
    }

    private LogFactorial() {
    }

    static double of(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("factorial of " + n);
        }
        if (n <= TABLE_SIZE) {
            return TABLE[(int) n];
        }
        double x = n;
        double inverse = 1 / x;
        double inverse2 = inverse * inverse;
        return x * Math.log(x) - x + 0.5 * Math.log(x) + HALF_LOG_TWO_PI
                + inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 / 1260));
    }
}
