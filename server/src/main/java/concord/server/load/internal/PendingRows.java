package concord.server.load.internal;

import java.util.List;

/** Look-ups over the parsed rows of the record being flushed ({@code pool[0..rows)}), shared by the feed's two paths. */
public final class PendingRows {
    private PendingRows() {
    }

    /** The first row with a group value, or -1. */
    public static int firstNonBlankGroup(List<ParsedRow> pool, int rows) {
        for (int k = 0; k < rows; k++) {
            if (!pool.get(k).groupBlank) {
                return k;
            }
        }
        return -1;
    }

    /** The first row with a value for characteristic {@code v}, or -1. */
    public static int firstNonBlankCharacteristic(List<ParsedRow> pool, int rows, int v) {
        for (int k = 0; k < rows; k++) {
            if (!pool.get(k).characteristicBlank[v]) {
                return k;
            }
        }
        return -1;
    }

    /** A repeat instance's number; 0 for none, {@link Integer#MAX_VALUE} for text that is not a number. */
    public static int instance(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return text.isBlank() ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** "event x, instance n", "instance n", or "the row without event and instance". */
    public static String place(ParsedRow p) {
        String event = p.event.isEmpty() ? "" : "event " + p.event;
        String instance = p.repeatInstance.isBlank() ? "" : "instance " + p.repeatInstance.trim();
        String both = event.isEmpty() ? instance : instance.isEmpty() ? event : event + ", " + instance;
        return both.isEmpty() ? "the row without event and instance" : both;
    }
}
