package concord.connector.sandbox.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a JSON array of flat objects as UTF-8, byte for byte what Jackson's generator writes (the same escapes,
 * no spaces), but with each column's {@code ,"name":} encoded once per answer and plain ASCII values copied
 * without going through the generator's per-value bookkeeping: a 500-record batch of a 60-field project has
 * 30,000 cells, and this is where the sandbox spends its time serving an export.
 */
final class JsonRowWriter {
    private static final JsonStringEncoder ESCAPES = JsonStringEncoder.getInstance();

    private final OutputStream out;
    private final byte[][] keys;
    private final byte[] buffer = new byte[32 * 1024];
    private int used;
    private boolean firstRow = true;

    JsonRowWriter(OutputStream out, List<String> columns) {
        this.out = out;
        this.keys = new byte[columns.size()][];
        for (int i = 0; i < keys.length; i++) {
            byte[] name = ESCAPES.quoteAsUTF8(columns.get(i));
            byte[] key = new byte[name.length + 4];
            key[0] = (byte) (i == 0 ? '{' : ',');
            key[1] = '"';
            System.arraycopy(name, 0, key, 2, name.length);
            key[key.length - 2] = '"';
            key[key.length - 1] = ':';
            keys[i] = key;
        }
    }

    void start() throws IOException {
        raw((byte) '[');
    }

    /** One object; cells are strings, {@code Integer}s (written as JSON numbers) or null (an empty string). */
    void row(Object[] cells) throws IOException {
        if (!firstRow) {
            raw((byte) ',');
        }
        firstRow = false;
        if (cells.length == 0) {
            raw((byte) '{');
        }
        for (int i = 0; i < cells.length; i++) {
            raw(keys[i]);
            Object c = cells[i];
            if (c instanceof Integer n) {
                raw(Integer.toString(n).getBytes(StandardCharsets.US_ASCII));
            } else {
                string(c == null ? "" : c.toString());
            }
        }
        raw((byte) '}');
    }

    void end() throws IOException {
        raw((byte) ']');
        out.write(buffer, 0, used);
        used = 0;
    }

    private void string(String s) throws IOException {
        int length = s.length();
        if (length + 2 <= buffer.length - used || flushFor(length + 2)) {
            int start = used;
            byte[] b = buffer;
            int p = start;
            b[p++] = '"';
            for (int i = 0; i < length; i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                    escaped(s);
                    return;
                }
                b[p++] = (byte) c;
            }
            b[p++] = '"';
            used = p;
            return;
        }
        escaped(s);
    }

    /** Values with quotes, backslashes, control or non-ASCII characters: Jackson's own escaping and UTF-8. */
    private void escaped(String s) throws IOException {
        raw((byte) '"');
        raw(ESCAPES.quoteAsUTF8(s));
        raw((byte) '"');
    }

    /** Makes room for {@code n} bytes; false if they can never fit in the buffer. */
    private boolean flushFor(int n) throws IOException {
        out.write(buffer, 0, used);
        used = 0;
        return n <= buffer.length;
    }

    private void raw(byte b) throws IOException {
        if (used == buffer.length) {
            flushFor(1);
        }
        buffer[used++] = b;
    }

    private void raw(byte[] bytes) throws IOException {
        int n = bytes.length;
        if (n > buffer.length - used && !flushFor(n)) {
            out.write(bytes);
            return;
        }
        if (n > 16) {
            System.arraycopy(bytes, 0, buffer, used, n);
        } else {
            // Column keys are a few bytes: a plain loop beats the arraycopy call for them.
            byte[] b = buffer;
            int p = used;
            for (int i = 0; i < n; i++) {
                b[p + i] = bytes[i];
            }
        }
        used += n;
    }
}
