package concord.connector.internal;

import concord.connector.ExportRow;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** The reusable {@link ExportRow} of the byte-level readers: cell ranges over one buffer. */
public final class RowCells implements ExportRow {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[] bytes;
    int[] starts = new int[64];
    int[] ends = new int[64];
    private int size;
    private long line;

    void reset(byte[] buffer, long rowLine) {
        this.bytes = buffer;
        this.line = rowLine;
    }

    void set(int cell, int start, int end) {
        if (cell >= starts.length) {
            grow(cell);
        }
        starts[cell] = start;
        ends[cell] = end;
    }

    /** Makes room for cell {@code cell}. */
    void grow(int cell) {
        starts = Arrays.copyOf(starts, Math.max(cell + 1, starts.length * 2));
        ends = Arrays.copyOf(ends, starts.length);
    }

    void size(int cells) {
        this.size = cells;
    }

    /** Turns the doubled quotes of a quoted cell into single ones, in place. */
    void undoubleQuotes(int cell) {
        int w = starts[cell];
        for (int r = starts[cell], end = ends[cell]; r < end; r++) {
            bytes[w++] = bytes[r];
            if (bytes[r] == '"') {
                r++;
            }
        }
        ends[cell] = w;
    }

    /** One pass over the bytes from the first cell to the last, eight at a time. */
    @Override
    public boolean ascii() {
        if (size == 0) {
            return true;
        }
        int from = starts[0];
        int to = ends[size - 1];
        if (to < from) {
            return ExportRow.super.ascii();
        }
        int i = from;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(bytes, i) & 0x8080808080808080L) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public byte[] bytes() {
        return bytes;
    }

    @Override
    public int start(int cell) {
        return starts[cell];
    }

    @Override
    public int end(int cell) {
        return ends[cell];
    }

    @Override
    public long line() {
        return line;
    }

    /** The cells as strings (the readers that hand out strings). */
    public String[] texts() {
        String[] out = new String[size];
        for (int i = 0; i < size; i++) {
            out[i] = text(i);
        }
        return out;
    }
}
