package concord.analysis.reconstruction;

import java.util.Objects;

/**
 * A number as a paper printed it: the text, its value and how many decimals were printed. The
 * number of printed decimals decides how closely a recomputed statistic must agree with it.
 *
 * @param text     the characters as printed (after trimming), e.g. {@code "7.75"}; never null
 * @param value    the value, {@link Double#NaN} when the text is not a number
 * @param decimals digits printed after the decimal point, 0 for integers
 */
public record PrintedNumber(String text, double value, int decimals) {

    public PrintedNumber {
        Objects.requireNonNull(text, "text");
        if (decimals < 0) {
            throw new IllegalArgumentException("Negative number of decimals " + decimals + " for '" + text + "'");
        }
    }

    /** Parses a plain decimal such as {@code 7}, {@code 7.75} or {@code 0.91}; NaN if it is not one. */
    public static PrintedNumber parse(String text) {
        String t = text == null ? "" : text.trim();
        if (!t.matches("-?\\d+(\\.\\d+)?")) {
            return new PrintedNumber(t, Double.NaN, 0);
        }
        int dot = t.indexOf('.');
        return new PrintedNumber(t, Double.parseDouble(t), dot < 0 ? 0 : t.length() - dot - 1);
    }

    /** A value that was not printed as such but read from a garbled cell (see the row's problems). */
    public static PrintedNumber repaired(String text, double value, int decimals) {
        return new PrintedNumber(text, value, decimals);
    }

    /** Whether the text was a number. */
    public boolean present() {
        return !Double.isNaN(value);
    }

    /**
     * Half a unit of the last printed decimal: a mean printed {@code 8} is known to ±0.5, one printed
     * {@code 7.88} to ±0.005. Each number carries its own precision; nothing is assumed from the
     * other numbers of its column.
     */
    public double tolerance() {
        return tolerance(0);
    }

    /**
     * Half a unit of the last printed decimal, counting at least {@code minDecimals} decimals (for P
     * values, which papers print at three decimals and shorten: "0.46" is 0.460).
     */
    public double tolerance(int minDecimals) {
        return 0.5 * Math.pow(10, -Math.max(decimals, minDecimals));
    }

    /** Whether {@code actual} rounds to this number at its printed precision (either way at a tie). */
    public boolean agrees(double actual) {
        return agrees(actual, 0);
    }

    /** Whether {@code actual} rounds to this number at the printed precision, at least {@code minDecimals}. */
    public boolean agrees(double actual, int minDecimals) {
        return present() && Math.abs(actual - value) <= tolerance(minDecimals) + 1e-9;
    }

    /** The interval of values that print as this number, e.g. "7.5–8.5" for "8". */
    public String interval() {
        int d = decimals + 1;
        return String.format(java.util.Locale.ROOT, "%." + d + "f–%." + d + "f", value - tolerance(), value + tolerance());
    }

    @Override
    public String toString() {
        return text;
    }
}
