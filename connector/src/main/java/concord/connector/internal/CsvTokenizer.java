package concord.connector.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * Splits REDCap CSV bytes into rows of cells without decoding them: each cell is a byte range of one
 * reused buffer ({@link #row()}), so a row costs no objects. The dialect is the one Concord's readers
 * always accepted (Jackson's CSV parser with empty lines skipped), so records read the same as before:
 * RFC 4180 quoting with doubled quotes, cells quoted only when the quote opens the cell, spaces and control
 * characters after a closing quote ignored, line ends LF, CRLF or CR, spaces at the start of a line skipped and
 * lines that are then empty skipped, a UTF-8 byte-order mark at the start skipped. Line numbers count
 * line ends inside quoted cells too. The tests check all of this against Jackson on random bytes.
 *
 * <p>Reads from a file range ({@link #of(FileChannel, long, long)}: rows that start before the range's end,
 * the last one read to its end) or a stream. Not thread-safe; one tokenizer per thread.
 */
public final class CsvTokenizer {

    /** Where bytes come from: like {@link InputStream#read(byte[], int, int)}, -1 at the end. */
    interface Source {
        int read(byte[] b, int off, int len) throws IOException;
    }

    private static final int NEED_MORE = -1;
    private static final int END = -2;
    private static final int STOP = -3;

    private final Source source;
    private final long stopAt;
    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** Absolute position of {@code buf[0]} in the source. */
    private long base;
    private long line = 1;
    private final RowCells row = new RowCells();
    /** Cells of the current row holding doubled quotes, undoubled once the row is complete. */
    private int[] doubledCells = new int[8];
    private int quoted;

    private CsvTokenizer(Source source, long base, long stopAt, int bufferSize) {
        this.source = source;
        this.base = base;
        this.stopAt = stopAt;
        this.buf = new byte[bufferSize];
    }

    /** Rows of a stream, from its first byte. */
    public static CsvTokenizer of(InputStream in) {
        return of(in, 64 * 1024);
    }

    /** With a first buffer of {@code bufferSize} bytes (it grows for longer rows); small sizes test refills. */
    static CsvTokenizer of(InputStream in, int bufferSize) {
        CsvTokenizer t = new CsvTokenizer(in::read, 0, Long.MAX_VALUE, bufferSize);
        t.skipByteOrderMark();
        return t;
    }

    /**
     * Rows of a file that start at or after {@code from} and before {@code to} ({@code from} must be the start of
     * a line, or 0); the last row is read to its end even past {@code to}. {@link #offset()} then tells where
     * reading stopped, so that a caller splitting a file can check that the next range starts exactly there.
     */
    public static CsvTokenizer of(FileChannel file, long from, long to) {
        return of(file, from, to, 1);
    }

    /** As {@link #of(FileChannel, long, long)}, counting lines from {@code line} at {@code from}. */
    public static CsvTokenizer of(FileChannel file, long from, long to, long line) {
        long[] at = {from};
        CsvTokenizer t = new CsvTokenizer((b, off, len) -> {
            int n = file.read(ByteBuffer.wrap(b, off, len), at[0]);
            if (n > 0) {
                at[0] += n;
            }
            return n;
        }, from, to, 256 * 1024);
        t.line = line;
        if (from == 0) {
            t.skipByteOrderMark();
        }
        return t;
    }

    /** The row last read by {@link #next()}. */
    public RowCells row() {
        return row;
    }

    /** Absolute position of the first byte not consumed: after the last row's line end. */
    public long offset() {
        return base + pos;
    }

    /** The line the next row would start on (after the last row read). */
    public long line() {
        return line;
    }

    /**
     * Reads the next row into {@link #row()}.
     *
     * @return false at the end of the input (or of the file range)
     * @throws CsvFormatException for a quoted cell that is not closed or is followed by text
     */
    public boolean next() {
        while (true) {
            int r = parseRow();
            if (r >= 0) {
                return true;
            }
            if (r == END || r == STOP) {
                return false;
            }
            fill();
        }
    }

    private void skipByteOrderMark() {
        while (limit - pos < 3 && !eof) {
            fill();
        }
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** Moves the unread bytes to the front (growing the buffer when one row fills it) and reads more. */
    private void fill() {
        if (eof) {
            throw new IllegalStateException("no more input");
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        try {
            int n = source.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row from {@code pos}: its new position, or NEED_MORE (nothing consumed but blank lines), END, STOP. */
    private int parseRow() {
        byte[] b = buf;
        int p = pos;
        // Leading spaces, and lines that are empty after them, are skipped (committed as we go).
        while (true) {
            if (base + p >= stopAt) {
                pos = p;
                return STOP;
            }
            while (p < limit && b[p] == ' ') {
                p++;
            }
            if (p == limit) {
                if (eof) {
                    pos = p;
                    return END;
                }
                return NEED_MORE;
            }
            byte c = b[p];
            if (c == '\n') {
                p++;
            } else if (c == '\r') {
                if (p + 1 == limit && !eof) {
                    return NEED_MORE;
                }
                p += p + 1 < limit && b[p + 1] == '\n' ? 2 : 1;
            } else {
                break;
            }
            line++;
            pos = p;
        }
        long rowLine = line;
        long ln = line;
        row.reset(b, rowLine);
        int[] starts = row.starts;
        int[] ends = row.ends;
        int cell = 0;
        quoted = 0;
        while (true) {
            if (p < limit && b[p] == '"') {
                int from = ++p;
                boolean doubled = false;
                int to;
                while (true) {
                    if (p == limit) {
                        if (eof) {
                            throw new CsvFormatException(rowLine, "a quoted cell is not closed (it starts on line "
                                    + rowLine + "; a \" is missing)");
                        }
                        return NEED_MORE;
                    }
                    byte c = b[p];
                    if (c == '"') {
                        if (p + 1 == limit && !eof) {
                            return NEED_MORE;
                        }
                        if (p + 1 < limit && b[p + 1] == '"') {
                            doubled = true;
                            p += 2;
                            continue;
                        }
                        to = p++;
                        break;
                    }
                    if (c == '\n') {
                        ln++;
                    } else if (c == '\r') {
                        if (p + 1 == limit && !eof) {
                            return NEED_MORE;
                        }
                        if (p + 1 == limit || b[p + 1] != '\n') {
                            ln++;
                        }
                    }
                    p++;
                }
                addCell(cell++, from, to, doubled);
                starts = row.starts;
                ends = row.ends;
                // Jackson ignores control characters and spaces between a closing quote and the separator.
                while (p < limit && b[p] >= 0 && b[p] <= ' ' && b[p] != '\n' && b[p] != '\r') {
                    p++;
                }
                if (p == limit) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    return endRow(p, ln, cell);
                }
                byte c = b[p];
                if (c == ',') {
                    p++;
                    continue;
                }
                if (c != '\n' && c != '\r') {
                    throw new CsvFormatException(ln, "a quoted cell is followed by '" + printable(c)
                            + "' instead of a comma or the end of the line");
                }
            } else {
                int from = p;
                byte c = 0;
                while (p < limit && (c = b[p]) != ',' && c != '\n' && c != '\r') {
                    p++;
                }
                if (p == limit) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    addCell(cell++, from, p, false);
                    return endRow(p, ln, cell);
                }
                if (cell == starts.length) {
                    row.grow(cell);
                    starts = row.starts;
                    ends = row.ends;
                }
                starts[cell] = from;
                ends[cell++] = p;
                if (c == ',') {
                    p++;
                    continue;
                }
            }
            // b[p] is CR or LF: the row ends
            if (b[p] == '\r') {
                if (p + 1 == limit && !eof) {
                    return NEED_MORE;
                }
                p += p + 1 < limit && b[p + 1] == '\n' ? 2 : 1;
            } else {
                p++;
            }
            return endRow(p, ln + 1, cell);
        }
    }

    private int endRow(int p, long nextLine, int cells) {
        row.size(cells);
        for (int i = 0; i < quoted; i++) {
            row.undoubleQuotes(doubledCells[i]);
        }
        pos = p;
        line = nextLine;
        return p;
    }

    private void addCell(int cell, int from, int to, boolean doubled) {
        if (doubled) {
            if (quoted == doubledCells.length) {
                doubledCells = Arrays.copyOf(doubledCells, quoted * 2);
            }
            doubledCells[quoted++] = cell;
        }
        row.set(cell, from, to);
    }

    private static String printable(byte c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff);
    }
}
