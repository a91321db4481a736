package concord.server.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data fingerprint as {@code Fingerprint} computed it before it streamed (the reference for the tests):
 * SHA-256 over the rows read, independent of the order REDCap returned them in: each row is hashed
 * from its key and its values in field-name order (each length-prefixed), then the row hashes are hashed in key order. Keeps
 * 32 bytes per row, never the values. The study design read from the data dictionary (labels, group codes,
 * domains) is hashed in first: a changed dictionary changes the result even when no value changed.
 */
final class ReferenceFingerprint {
    private final TreeMap<String, byte[]> rows = new TreeMap<>();
    private byte[] design = new byte[0];

    /** The canonical text of the design the rows are read against (see {@code RecordFeed}). */
    public void design(String canonicalText) {
        design = sha256().digest(canonicalText.getBytes(StandardCharsets.UTF_8));
    }

    public void add(String recordId, String event, String repeatInstrument, String repeatInstance,
                    Map<String, String> values) {
        String key = String.join("\u001f", recordId, event, repeatInstrument, repeatInstance);
        MessageDigest row = sha256();
        row.update(key.getBytes(StandardCharsets.UTF_8));
        // the field names are in the design; each value is its length (one byte, or 0xFF and four) and its bytes
        new TreeMap<>(values).forEach((field, value) -> {
            byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 0xFF) {
                row.update((byte) bytes.length);
            } else {
                row.update(new byte[] {(byte) 0xFF, (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
                        (byte) (bytes.length >>> 8), (byte) bytes.length});
            }
            row.update(bytes);
        });
        rows.put(key, row.digest());
    }

    public String hex() {
        MessageDigest all = sha256();
        all.update(design);
        rows.forEach((key, digest) -> all.update(digest));
        return HexFormat.of().formatHex(all.digest());
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
