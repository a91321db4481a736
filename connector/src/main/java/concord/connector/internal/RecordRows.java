package concord.connector.internal;

import concord.connector.ExportColumns;
import concord.connector.RecordRowSink;
import concord.connector.RedcapRecord;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Hands {@link RedcapRecord}s on as {@link concord.connector.ExportRow}s: for answers {@link JsonRows} leaves
 * to {@link JsonRecordStream}, so that every answer reaches a {@link RecordRowSink} the same way.
 */
final class RecordRows {
    private final String recordIdField;
    private final RecordRowSink sink;
    private final RowCells cells = new RowCells();
    private Map<String, String> lastColumns;
    private List<String> names = List.of();
    private byte[] buffer = new byte[1024];
    private long line;

    RecordRows(String recordIdField, RecordRowSink sink) {
        this.recordIdField = recordIdField;
        this.sink = sink;
    }

    private boolean sameColumns(Map<String, String> values) {
        if (lastColumns instanceof Row last && values instanceof Row row && row.columns() == last.columns()) {
            return true;
        }
        return lastColumns != null && new ArrayList<>(values.keySet()).equals(names);
    }

    void accept(RedcapRecord record) {
        Map<String, String> values = record.values();
        if (!sameColumns(values)) {
            names = new ArrayList<>(values.keySet());
            sink.columns(ExportColumns.of(names, names.indexOf(recordIdField)));
        }
        lastColumns = values;
        int used = 0;
        cells.reset(buffer, ++line);
        int i = 0;
        for (String value : values.values()) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            if (used + bytes.length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, used + bytes.length));
            }
            System.arraycopy(bytes, 0, buffer, used, bytes.length);
            cells.set(i++, used, used + bytes.length);
            used += bytes.length;
        }
        cells.reset(buffer, line);
        cells.size(i);
        sink.row(cells);
    }
}
