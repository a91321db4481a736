package concord.connector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link RecordRowSink} that keeps every row as a column → text map (tests only). */
public final class RowsAsMaps implements RecordRowSink {
    private final List<Map<String, String>> rows = new ArrayList<>();
    private final List<String> recordIds = new ArrayList<>();
    private ExportColumns columns;

    @Override
    public void columns(ExportColumns columns) {
        this.columns = columns;
    }

    @Override
    public void row(ExportRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            values.put(columns.names().get(i), row.text(i));
        }
        rows.add(values);
        recordIds.add(row.text(columns.recordId()));
    }

    public List<Map<String, String>> rows() {
        return rows;
    }

    public List<String> recordIds() {
        return recordIds;
    }
}
