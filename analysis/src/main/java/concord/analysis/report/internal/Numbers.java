package concord.analysis.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Formats numbers the way the paper's Table 1 prints them, independent of the JVM locale: one
 * decimal for percentages, means and SDs; medians and quartiles with at most two decimals and no
 * trailing zeros (HF6 quartiles of 1–9 scores are multiples of 0.25); p values to three decimals,
 * "&lt;0.001" below 0.001. Rounding is half away from zero on the shortest decimal representation
 * of the double, like SPSS and Excel, so 0.0445 prints as 0.045 and not 0.044.
 */
public final class Numbers {

    /** Printed where a statistic could not be computed; the reason goes beside it. */
    public static final String NOT_COMPUTABLE = "\u2014";

    private Numbers() {
    }

    /** {@code 88.46…} → {@code "88.5"} (no percent sign: headers carry the unit). */
    public static String percent(double value) {
        return fixed(value, 1);
    }

    /** Mean or SD: one decimal, {@code 8.0} stays {@code "8.0"}. */
    public static String oneDecimal(double value) {
        return fixed(value, 1);
    }

    /** {@code "7.9 (1.1)"}. */
    public static String meanSd(double mean, double sd) {
        return oneDecimal(mean) + " (" + oneDecimal(sd) + ")";
    }

    /** Median or quartile: up to two decimals, trailing zeros dropped ({@code 7.75}, {@code 8}, {@code 6.5}). */
    public static String quantile(double value) {
        requireFinite(value);
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() < 0) {
            rounded = rounded.setScale(0, RoundingMode.UNNECESSARY);
        }
        return zeroWithoutSign(rounded).toPlainString();
    }

    /** {@code "8 (7.75, 9)"}. */
    public static String medianQuartiles(double median, double q1, double q3) {
        return quantile(median) + " (" + quantile(q1) + ", " + quantile(q3) + ")";
    }

    /** p to three decimals with a leading zero; {@code "<0.001"} when p rounds below 0.001. */
    public static String p(double p) {
        requireFinite(p);
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("a p value must lie in [0, 1], got " + p);
        }
        if (p < 0.001) {
            return "<0.001";
        }
        return BigDecimal.valueOf(p).setScale(3, RoundingMode.HALF_UP).toPlainString();
    }

    /** An estimate or interval end to four significant digits, plain: {@code 0.0068229} → {@code "0.006823"}, 0 → {@code "0"}. */
    public static String estimate(double value) {
        requireFinite(value);
        return concord.analysis.FisherExactResult.fourDigits(value);
    }

    /** A test statistic (chi-square, Z, U…) with the given decimals, sign kept. */
    public static String statistic(double value, int decimals) {
        return fixed(value, decimals);
    }

    /** {@code 0.2345} → {@code "23.5"}: a proportion shown as a percentage. */
    public static String proportionAsPercent(double proportion) {
        return fixed(proportion * 100, 1);
    }

    /** Fixed decimals, half away from zero, never "-0.0". */
    public static String fixed(double value, int decimals) {
        requireFinite(value);
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        return zeroWithoutSign(rounded).toPlainString();
    }

    private static BigDecimal zeroWithoutSign(BigDecimal value) {
        return value.signum() == 0 ? value.abs() : value;
    }

    private static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot format " + value + "; print NOT_COMPUTABLE with a reason instead");
        }
    }
}
