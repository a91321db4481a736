package concord.connector.internal;

import concord.connector.RecordRowSink;
import concord.connector.RedcapRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import okhttp3.Response;

/**
 * One batch answer of a record export on its way to a {@link RecordRowSink}: read into a reused buffer,
 * indexed ({@link JsonRows}, or {@link JsonRecordStream} for answers that are not plain), checked against
 * the record IDs asked for, then delivered. The ID check compares bytes, so a good batch makes no strings.
 */
final class BatchRows {
    private final String recordIdField;
    private final JsonRows plain;
    private byte[] body = new byte[256 * 1024];
    private int length;
    private boolean isPlain;
    private final List<RedcapRecord> parsed = new ArrayList<>();

    BatchRows(String recordIdField) {
        this.recordIdField = recordIdField;
        this.plain = new JsonRows(recordIdField);
    }

    /** Reads one answer (called again on a retried attempt, which starts over). */
    Void read(Response response) throws IOException {
        length = 0;
        parsed.clear();
        try (InputStream in = response.body().byteStream()) {
            int n;
            while ((n = in.read(body, length, body.length - length)) >= 0) {
                length += n;
                if (length == body.length) {
                    body = Arrays.copyOf(body, body.length * 2);
                }
            }
        }
        isPlain = plain.parse(body, length);
        if (!isPlain) {
            JsonRecordStream.read(new ByteArrayInputStream(body, 0, length), recordIdField, parsed::add);
        }
        return null;
    }

    /** Checks that the answer holds exactly the records asked for, then hands its rows on; returns the row count. */
    long checkAndDeliver(List<String> batchIds, int batch, int batches, RecordRowSink sink, RecordRows fallback) {
        IdTable wanted = new IdTable(batchIds);
        if (isPlain) {
            for (int r = 0; r < plain.rows(); r++) {
                if (!wanted.mark(plain.bytes(), plain.idStart(r), plain.idEnd(r))) {
                    throw RecordExporter.foreign(new String(plain.bytes(), plain.idStart(r), plain.idEnd(r) - plain.idStart(r),
                            StandardCharsets.UTF_8), batch, batches);
                }
            }
        } else {
            for (RedcapRecord r : parsed) {
                byte[] id = r.recordId().getBytes(StandardCharsets.UTF_8);
                if (!wanted.mark(id, 0, id.length)) {
                    throw RecordExporter.foreign(r.recordId(), batch, batches);
                }
            }
        }
        List<String> missing = wanted.unmarked();
        if (!missing.isEmpty()) {
            throw RecordExporter.incomplete(missing, batchIds.size(), batch, batches);
        }
        if (isPlain) {
            plain.deliver(sink);
            return plain.rows();
        }
        parsed.forEach(fallback::accept);
        return parsed.size();
    }

    /** The IDs of one batch by their UTF-8 bytes (open addressing), and which have come back. */
    private static final class IdTable {
        private final List<String> ids;
        private final byte[][] bytes;
        private final int[] slots;
        private final boolean[] seen;

        IdTable(List<String> ids) {
            this.ids = ids;
            this.bytes = new byte[ids.size()][];
            this.seen = new boolean[ids.size()];
            this.slots = new int[Integer.highestOneBit(Math.max(1, ids.size()) * 4) * 2];
            Arrays.fill(slots, -1);
            for (int i = 0; i < ids.size(); i++) {
                bytes[i] = ids.get(i).getBytes(StandardCharsets.UTF_8);
                int s = hash(bytes[i], 0, bytes[i].length) & (slots.length - 1);
                while (slots[s] >= 0) {
                    s = (s + 1) & (slots.length - 1);
                }
                slots[s] = i;
            }
        }

        /** Marks an ID as returned; false when it was not asked for. */
        boolean mark(byte[] b, int from, int to) {
            int s = hash(b, from, to) & (slots.length - 1);
            while (slots[s] >= 0) {
                int i = slots[s];
                if (Arrays.equals(bytes[i], 0, bytes[i].length, b, from, to)) {
                    seen[i] = true;
                    return true;
                }
                s = (s + 1) & (slots.length - 1);
            }
            return false;
        }

        List<String> unmarked() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < seen.length; i++) {
                if (!seen[i]) {
                    out.add(ids.get(i));
                }
            }
            return out;
        }

        private static int hash(byte[] b, int from, int to) {
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h ^ (h >>> 16);
        }
    }
}
