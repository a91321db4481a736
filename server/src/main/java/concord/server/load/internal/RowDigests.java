package concord.server.load.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The row digests of a data fingerprint, to be hashed in the order of their row keys (String order, the
 * order the fingerprint uses) without keeping one entry per row in memory: rows gather in a
 * bounded buffer that is sorted and, when full, written as a sorted run to a temporary file (deleted when
 * closed; unlinked at once where the system allows it). {@link #hashInKeyOrder} merges the runs of any
 * number of parts, so threads that read parts of a file each keep their own.
 *
 * <p>Entry: key length (int), key (UTF-8), digest (32 bytes), sequence (long: the row's place in the
 * export, so that of two equal keys the later one counts, as a map put would).
 */
public final class RowDigests implements AutoCloseable {
    private static final int DIGEST = 32;
    private static final int MAX_ENTRIES = 1 << 16;
    private static final int MAX_BYTES = 4 << 20;

    private final long firstSequence;
    private long sequence;
    private byte[] arena = new byte[64 * 1024];
    private int used;
    private int[] offsets = new int[1024];
    private long[] prefixes = new long[1024];
    private int count;
    private FileChannel spill;
    private long spilled;
    private final List<long[]> runs = new ArrayList<>(); // {position, bytes}

    /** @param firstSequence sequence number of this part's first row (parts of one export must not overlap) */
    public RowDigests(long firstSequence) {
        this.firstSequence = firstSequence;
        this.sequence = firstSequence;
    }

    public void add(byte[] key, int keyLength, byte[] digest) {
        int size = 4 + keyLength + DIGEST + 8;
        if (count == MAX_ENTRIES || (used + size > MAX_BYTES && count > 0)) {
            spillRun();
        }
        if (used + size > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + size));
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            prefixes = Arrays.copyOf(prefixes, count * 2);
        }
        offsets[count] = used;
        prefixes[count] = prefix(key, 0, keyLength);
        count++;
        putInt(arena, used, keyLength);
        System.arraycopy(key, 0, arena, used + 4, keyLength);
        System.arraycopy(digest, 0, arena, used + 4 + keyLength, DIGEST);
        putLong(arena, used + 4 + keyLength + DIGEST, sequence++);
        used += size;
    }

    /** Rows added. */
    public long rows() {
        return sequence - firstSequence;
    }

    /** Feeds the digests of every part into {@code outer} in key order (of equal keys, the later one). */
    public static void hashInKeyOrder(List<RowDigests> parts, MessageDigest outer) {
        PriorityQueue<Cursor> heads = new PriorityQueue<>(Cursor::compareTo);
        for (RowDigests part : parts) {
            part.sortBuffer();
            if (part.count > 0) {
                heads.add(new Cursor(part).advance());
            }
            for (long[] run : part.runs) {
                Cursor c = new Cursor(part.spill, run[0], run[1]).advance();
                if (c != null) {
                    heads.add(c);
                }
            }
        }
        Cursor pending = null;
        byte[] pendingDigest = new byte[DIGEST];
        byte[] pendingKey = new byte[0];
        int pendingKeyLength = -1;
        while (!heads.isEmpty()) {
            Cursor c = heads.poll();
            if (pendingKeyLength >= 0 && !sameKey(pendingKey, pendingKeyLength, c)) {
                outer.update(pendingDigest);
            }
            if (pendingKey.length < c.keyLength) {
                pendingKey = new byte[Math.max(c.keyLength, pendingKey.length * 2)];
            }
            System.arraycopy(c.entry, c.keyAt, pendingKey, 0, c.keyLength);
            pendingKeyLength = c.keyLength;
            System.arraycopy(c.entry, c.keyAt + c.keyLength, pendingDigest, 0, DIGEST);
            pending = c.advance();
            if (pending != null) {
                heads.add(pending);
            }
        }
        if (pendingKeyLength >= 0) {
            outer.update(pendingDigest);
        }
    }

    @Override
    public void close() {
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            spill = null;
        }
    }

    private static boolean sameKey(byte[] key, int length, Cursor c) {
        return Arrays.equals(key, 0, length, c.entry, c.keyAt, c.keyAt + c.keyLength);
    }

    private void sortBuffer() {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        mergeSort(idx, new int[count], 0, count);
        int[] sortedOffsets = new int[count];
        long[] sortedPrefixes = new long[count];
        for (int i = 0; i < count; i++) {
            sortedOffsets[i] = offsets[idx[i]];
            sortedPrefixes[i] = prefixes[idx[i]];
        }
        System.arraycopy(sortedOffsets, 0, offsets, 0, count);
        System.arraycopy(sortedPrefixes, 0, prefixes, 0, count);
    }

    private void mergeSort(int[] a, int[] tmp, int from, int to) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && compare(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid);
        mergeSort(a, tmp, mid, to);
        if (compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from;
        int j = mid;
        for (int k = from; k < to; k++) {
            a[k] = j >= to || (i < mid && compare(tmp[i], tmp[j]) <= 0) ? tmp[i++] : tmp[j++];
        }
    }

    /** Buffer entries {@code i} and {@code j} by key, then sequence. */
    private int compare(int i, int j) {
        long a = prefixes[i];
        long b = prefixes[j];
        if (a != b && !bothNonAscii(a, b)) {
            return Long.compareUnsigned(a, b);
        }
        int oi = offsets[i];
        int oj = offsets[j];
        int c = compareKeys(arena, oi + 4, getInt(arena, oi), arena, oj + 4, getInt(arena, oj));
        return c != 0 ? c : Long.compare(getLong(arena, oi + 4 + getInt(arena, oi) + DIGEST),
                getLong(arena, oj + 4 + getInt(arena, oj) + DIGEST));
    }

    /** True when the first byte where two prefixes differ is non-ASCII in both (UTF-8 order may then not be String order). */
    private static boolean bothNonAscii(long a, long b) {
        int shift = 56 - (Long.numberOfLeadingZeros(a ^ b) & ~7);
        return ((a >>> shift) & 0x80) != 0 && ((b >>> shift) & 0x80) != 0;
    }

    /** Keys in {@link String#compareTo} order of their text. */
    static int compareKeys(byte[] a, int ao, int al, byte[] b, int bo, int bl) {
        int n = Math.min(al, bl);
        for (int k = 0; k < n; k++) {
            int x = a[ao + k] & 0xff;
            int y = b[bo + k] & 0xff;
            if (x != y) {
                if (x >= 0x80 && y >= 0x80) {
                    return new String(a, ao, al, StandardCharsets.UTF_8).compareTo(new String(b, bo, bl, StandardCharsets.UTF_8));
                }
                return x - y;
            }
        }
        return al - bl;
    }

    private void spillRun() {
        sortBuffer();
        try {
            if (spill == null) {
                Path file = Files.createTempFile("concord-digests", ".tmp");
                spill = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE);
                try {
                    Files.deleteIfExists(file); // gone even if the process dies; the open channel keeps the data
                } catch (IOException ignored) {
                    // not on this system: DELETE_ON_CLOSE removes it
                }
            }
            ByteBuffer out = ByteBuffer.allocate(64 * 1024);
            long start = spilled;
            for (int i = 0; i < count; i++) {
                int o = offsets[i];
                int size = 4 + getInt(arena, o) + DIGEST + 8;
                if (out.remaining() < size) {
                    out.flip();
                    while (out.hasRemaining()) {
                        spilled += spill.write(out, spilled);
                    }
                    out.clear();
                    if (out.remaining() < size) {
                        out = ByteBuffer.allocate(size);
                    }
                }
                out.put(arena, o, size);
            }
            out.flip();
            while (out.hasRemaining()) {
                spilled += spill.write(out, spilled);
            }
            runs.add(new long[] {start, spilled - start});
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the fingerprint's sorted rows to a temporary file", e);
        }
        count = 0;
        used = 0;
    }

    private static long prefix(byte[] key, int from, int length) {
        long p = 0;
        for (int i = 0; i < 8; i++) {
            p = (p << 8) | (i < length ? key[from + i] & 0xff : 0);
        }
        return p;
    }

    static int getInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xffffffffL);
    }

    private static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }

    /** The current entry of one sorted run (in the buffer or in the spill file). */
    private static final class Cursor implements Comparable<Cursor> {
        private final RowDigests buffered;
        private int next;
        private final FileChannel file;
        private long position;
        private final long end;
        private ByteBuffer window;
        byte[] entry;
        int keyAt;
        int keyLength;
        long sequence;

        Cursor(RowDigests buffered) {
            this.buffered = buffered;
            this.file = null;
            this.end = 0;
            this.window = null;
        }

        Cursor(FileChannel file, long position, long length) {
            this.buffered = null;
            this.file = file;
            this.position = position;
            this.end = position + length;
            this.window = ByteBuffer.allocate(64 * 1024);
            this.window.flip();
        }

        /** Moves to the next entry; null when the run is done. */
        Cursor advance() {
            if (buffered != null) {
                if (next == buffered.count) {
                    return null;
                }
                entry = buffered.arena;
                int o = buffered.offsets[next++];
                keyLength = getInt(entry, o);
                keyAt = o + 4;
                sequence = getLong(entry, keyAt + keyLength + DIGEST);
                return this;
            }
            if (!ensure(4)) {
                return null;
            }
            int length = window.getInt(window.position());
            int size = 4 + length + DIGEST + 8;
            if (!ensure(size)) {
                throw new IllegalStateException("fingerprint run cut short");
            }
            if (entry == null || entry.length < size) {
                entry = new byte[Math.max(size, 256)];
            }
            window.get(entry, 0, size);
            keyAt = 4;
            keyLength = length;
            sequence = getLong(entry, 4 + length + DIGEST);
            return this;
        }

        private boolean ensure(int bytes) {
            if (window.remaining() >= bytes) {
                return true;
            }
            if (position >= end && window.remaining() == 0) {
                return false;
            }
            if (bytes > window.capacity()) {
                ByteBuffer larger = ByteBuffer.allocate(bytes);
                larger.put(window);
                larger.flip();
                window = larger;
            }
            ByteBuffer w = window;
            w.compact();
            try {
                while (w.position() < bytes && position < end) {
                    int limit = (int) Math.min(w.capacity(), w.position() + (end - position));
                    w.limit(limit);
                    int n = file.read(w, position);
                    if (n < 0) {
                        break;
                    }
                    position += n;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            w.flip();
            return w.remaining() >= bytes;
        }

        @Override
        public int compareTo(Cursor o) {
            int c = compareKeys(entry, keyAt, keyLength, o.entry, o.keyAt, o.keyLength);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
