package concord.server.load.internal;

import concord.connector.ExportRow;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The text of short, often repeated cells (event names, repeat instruments and instances) without a new
 * string per row: a small table from bytes to the string made the first time they were seen.
 */
public final class KeyStrings {
    private static final int SLOTS = 256;
    private static final int MAX_LENGTH = 64;
    private final byte[][] bytes = new byte[SLOTS][];
    private final String[] strings = new String[SLOTS];

    /** {@code row.text(cell)}, "" for an absent cell. */
    public String text(ExportRow row, int cell) {
        if (cell < 0) {
            return "";
        }
        int from = row.start(cell);
        int to = row.end(cell);
        if (from == to) {
            return "";
        }
        if (to - from > MAX_LENGTH || !row.ascii(cell)) {
            return row.text(cell);
        }
        byte[] b = row.bytes();
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 8)) & (SLOTS - 1);
        if (bytes[slot] != null && Arrays.equals(bytes[slot], 0, bytes[slot].length, b, from, to)) {
            return strings[slot];
        }
        bytes[slot] = Arrays.copyOfRange(b, from, to);
        strings[slot] = new String(b, from, to - from, StandardCharsets.US_ASCII);
        return strings[slot];
    }
}
