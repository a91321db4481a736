package concord.connector;

import java.util.List;
import java.util.Objects;

/**
 * The columns of a record export as a byte-level reader delivers them ({@link RecordRowSink}), with the
 * positions of the cells that identify a row, found once per column list: the record ID, and REDCap's
 * pseudo-fields for the event and the repeating instrument and instance ({@code -1} where the export has none).
 *
 * @param names            column names in export order
 * @param recordId         position of the record-ID cell (the first column of a CSV export; the
 *                         record-ID field by name in a JSON export)
 * @param event            position of {@code redcap_event_name}, or -1
 * @param repeatInstrument position of {@code redcap_repeat_instrument}, or -1
 * @param repeatInstance   position of {@code redcap_repeat_instance}, or -1
 */
public record ExportColumns(List<String> names, int recordId, int event, int repeatInstrument, int repeatInstance) {

    public ExportColumns {
        names = List.copyOf(names);
        Objects.checkIndex(recordId, names.size());
    }

    /** Positions as {@link RedcapRecord#of} finds them: the record ID at {@code recordId}, pseudo-fields by name. */
    public static ExportColumns of(List<String> names, int recordId) {
        return new ExportColumns(names, recordId, names.indexOf(RedcapRecord.EVENT_COLUMN),
                names.indexOf(RedcapRecord.REPEAT_INSTRUMENT_COLUMN), names.indexOf(RedcapRecord.REPEAT_INSTANCE_COLUMN));
    }

    /** The position of a column, or -1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    public int size() {
        return names.size();
    }
}
