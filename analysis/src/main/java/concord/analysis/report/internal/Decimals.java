package concord.analysis.report.internal;

import java.math.BigDecimal;

/** Lossless plain decimal text for machine-readable outputs (no exponent, locale-free). */
public final class Decimals {

    private Decimals() {
    }

    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String text = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        return "-0".equals(text) ? "0" : text;
    }
}
