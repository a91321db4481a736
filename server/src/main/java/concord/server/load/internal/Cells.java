package concord.server.load.internal;

import concord.connector.ExportRow;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * What the record path needs to know about one cell, answered from its bytes when they are plain ASCII and
 * from its text otherwise, with exactly the string semantics the record policy is written in:
 * blank as {@link String#isBlank()}, trimmed as {@link String#trim()}.
 */
public final class Cells {
    private Cells() {
    }

    /** {@code text(cell).isBlank()}; an absent cell ({@code -1}) is blank. */
    public static boolean blank(ExportRow row, int cell) {
        if (cell < 0) {
            return true;
        }
        byte[] b = row.bytes();
        for (int i = row.start(cell), end = row.end(cell); i < end; i++) {
            if (b[i] < 0) {
                return row.text(cell).isBlank();
            }
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@code text(cell).trim()}; "" for an absent cell. */
    public static String trimmed(ExportRow row, int cell) {
        return cell < 0 ? "" : row.text(cell).trim();
    }

    /**
     * The cell's value when it is a plain decimal number of at most nine digits without sign or leading zero
     * ("7", "42", "0"), else -1. Such a cell is not blank and is its own trimmed text.
     */
    public static int plainInt(ExportRow row, int cell) {
        if (cell < 0) {
            return -1;
        }
        byte[] b = row.bytes();
        int from = row.start(cell);
        int n = row.end(cell) - from;
        if (n == 1) {
            int d = b[from] - '0';
            return d >= 0 && d <= 9 ? d : -1;
        }
        if (n == 0 || n > 9 || b[from] == '0') {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** True when the cell's bytes are exactly {@code expected} (UTF-8). */
    public static boolean equals(ExportRow row, int cell, byte[] expected) {
        if (cell < 0) {
            return expected.length == 0;
        }
        return java.util.Arrays.equals(row.bytes(), row.start(cell), row.end(cell), expected, 0, expected.length);
    }

    /**
     * Copies a cell of an ASCII row ({@code from} = {@code row.bytes()}) to {@code out}; returns its length. The
     * fingerprint's hot path: for the usual one or two bytes a loop beats {@code arraycopy}.
     */
    public static int ascii(ExportRow row, int cell, byte[] from, byte[] out, int at) {
        if (cell < 0) {
            return 0;
        }
        int start = row.start(cell);
        int length = row.end(cell) - start;
        if (length == 1) {
            out[at] = from[start];
            return 1;
        }
        for (int i = 0; i < length; i++) {
            out[at + i] = from[start + i];
        }
        return length;
    }

    /** The UTF-8 bytes of {@code text(cell)} (the raw bytes unless they hold malformed UTF-8). */
    public static int utf8(ExportRow row, int cell, byte[] out, int at) {
        if (cell < 0) {
            return 0;
        }
        int from = row.start(cell);
        int n = row.end(cell) - from;
        if (row.ascii(cell)) {
            System.arraycopy(row.bytes(), from, out, at, n);
            return n;
        }
        byte[] text = row.text(cell).getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, out, at, text.length);
        return text.length;
    }

    /** Upper bound of {@link #utf8}'s length (malformed bytes become 3-byte U+FFFD). */
    public static int maxUtf8(ExportRow row, int cell) {
        return cell < 0 ? 0 : 3 * (row.end(cell) - row.start(cell));
    }

    /** Whole numbers only; "7.0" (sliders and some exports) counts as 7, "7.5" does not. */
    public static Integer score(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            try {
                BigDecimal d = new BigDecimal(raw);
                return d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
            } catch (NumberFormatException | ArithmeticException e2) {
                return null;
            }
        }
    }

    /** A finite number as {@link Double#parseDouble} reads it, or null. */
    public static Double number(String raw) {
        try {
            double d = Double.parseDouble(raw);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
