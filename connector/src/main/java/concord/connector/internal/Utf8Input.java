package concord.connector.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The characters of a {@link Reader} as UTF-8 bytes, for the byte-level readers. */
final class Utf8Input extends InputStream {
    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 16);
    private boolean end;

    Utf8Input(Reader reader) {
        this.reader = reader;
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!bytes.hasRemaining()) {
            if (end && !chars.hasRemaining()) {
                return -1;
            }
            if (!end) {
                chars.compact();
                int n = reader.read(chars);
                chars.flip();
                end = n < 0;
            }
            bytes.clear();
            encoder.encode(chars, bytes, end);
            if (end && !chars.hasRemaining()) {
                encoder.flush(bytes);
            }
            bytes.flip();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
