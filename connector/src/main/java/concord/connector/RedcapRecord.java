package concord.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import concord.connector.internal.Row;

/**
 * One row of a flat record export: one record × event × repeating instrument × instance. Values
 * are REDCap's raw strings (choice codes, {@code YYYY-MM-DD} dates); blanks are empty strings.
 *
 * @param recordId         value of the record-ID field
 * @param eventName        unique event name ({@code redcap_event_name}), empty in classic projects
 * @param repeatInstrument {@code redcap_repeat_instrument}, empty on base rows and repeating events
 * @param repeatInstance   {@code redcap_repeat_instance} as text, empty on base rows
 * @param values           every exported column in export order, pseudo-fields included
 */
public record RedcapRecord(String recordId, String eventName, String repeatInstrument, String repeatInstance,
                           Map<String, String> values) {

    public static final String EVENT_COLUMN = "redcap_event_name";
    public static final String REPEAT_INSTRUMENT_COLUMN = "redcap_repeat_instrument";
    public static final String REPEAT_INSTANCE_COLUMN = "redcap_repeat_instance";
    public static final String DATA_ACCESS_GROUP_COLUMN = "redcap_data_access_group";

    public RedcapRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(repeatInstrument, "repeatInstrument");
        Objects.requireNonNull(repeatInstance, "repeatInstance");
        // Rows built by this package's readers are already immutable; anything else is copied.
        values = values instanceof Row ? values : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Builds a row from its columns, taking the record ID from {@code recordIdField} and the event
     * and repeat information from REDCap's pseudo-field columns (absent columns give empty strings).
     */
    public static RedcapRecord of(String recordIdField, Map<String, String> columns) {
        String id = columns.get(recordIdField);
        if (id == null) {
            throw new IllegalArgumentException("The row has no record-ID column '" + recordIdField + "'; columns are "
                    + columns.keySet());
        }
        return new RedcapRecord(id, columns.getOrDefault(EVENT_COLUMN, ""),
                columns.getOrDefault(REPEAT_INSTRUMENT_COLUMN, ""), columns.getOrDefault(REPEAT_INSTANCE_COLUMN, ""),
                columns);
    }

    /** The value of a column, or {@code null} if the export has no such column. */
    public String value(String column) {
        return values.get(column);
    }

    /** The value of a column, or the empty string if the export has no such column. */
    public String valueOrEmpty(String column) {
        return values.getOrDefault(column, "");
    }

    /** The data access group's unique name, empty unless exported. */
    public String dataAccessGroup() {
        return valueOrEmpty(DATA_ACCESS_GROUP_COLUMN);
    }

    /** True for a row of a repeating instrument or event. */
    public boolean repeating() {
        return !repeatInstance.isEmpty();
    }
}
