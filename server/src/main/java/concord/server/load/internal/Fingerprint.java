package concord.server.load.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The data fingerprint of a run, over the <em>parsed values</em> (after CSV unquoting or JSON unescaping,
 * as UTF-8), independent of the order REDCap returned the rows in. Each row is hashed (SHA-256) from its key
 * (record ID, event, repeat instrument, repeat instance, separated by U+001F) and the values of its fingerprinted
 * fields in name order, each length-prefixed (one byte, or 0xFF and four bytes from 255 on); the names are in the
 * study design ({@link DesignText}). The fingerprint is SHA-256 over the SHA-256 of the design (labels, group codes,
 * domains, fingerprinted fields) followed by the row digests in the String order of their keys. Row digests are
 * computed as rows stream through; {@link RowDigests} keeps them sorted on disk rather than in memory. Before
 * 2026-12-04 every value was preceded by its field name, eight times the bytes to hash (docs/service.md).
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** SHA-256 of the canonical design text. */
    public static byte[] design(String canonicalText) {
        return sha256().digest(canonicalText.getBytes(StandardCharsets.UTF_8));
    }

    /** The fingerprint of a design and the row digests of every part of an export. */
    public static String hex(byte[] design, List<RowDigests> parts) {
        MessageDigest all = sha256();
        all.update(design);
        RowDigests.hashInKeyOrder(parts, all);
        return HexFormat.of().formatHex(all.digest());
    }

    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
