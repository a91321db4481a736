package concord.connector.internal;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * The text of a JSON string token, with one shared {@code String} for every value of at most two ASCII
 * characters. Most cells of a questionnaire export are such codes ({@code "1"}–{@code "9"}, {@code "2"} for
 * complete, {@code ""}), so a 100,000 × 60 export creates a few hundred strings instead of six million.
 */
final class ShortStrings {

    private static final String[] SHARED = new String[128 * 129];

    private ShortStrings() {
    }

    /** The current {@code VALUE_STRING} token's text. */
    static String text(JsonParser p) throws IOException {
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int length = p.getTextLength();
        if (length == 0) {
            return "";
        }
        if (length > 2) {
            return new String(chars, offset, length);
        }
        int c0 = chars[offset];
        int c1 = length == 2 ? chars[offset + 1] : 0;
        if (c0 >= 128 || c1 >= 128) {
            return new String(chars, offset, length);
        }
        // Slot 0..127 holds one-character strings; 128 + c0 * 128 + c1 the two-character ones (c1 > 0).
        int slot = length == 1 ? c0 : 128 + c0 * 128 + c1;
        String s = SHARED[slot];
        if (s == null) {
            // A racing thread may store an equal string first; either copy is correct.
            s = new String(chars, offset, length);
            SHARED[slot] = s;
        }
        return s;
    }
}
