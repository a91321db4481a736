package concord.connector.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import concord.connector.RedcapException;
import concord.connector.RedcapRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a flat JSON record export ({@code [{"record_id":"1",...},...]}) one row at a time with
 * Jackson's streaming parser, so memory does not depend on the size of the answer. Values stay
 * text: numbers (REDCap sends {@code redcap_repeat_instance} as one) keep their written form,
 * {@code null} becomes the empty string.
 */
public final class JsonRecordStream {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String recordIdField;
    // The column list of the last row read, kept across answers: the batches of one export share it too.
    private Row.Columns columns;
    private SerializableString[] expected = new SerializableString[0];
    private int[] special; // positions of the record ID, event, repeat instrument and instance columns
    private final List<String> names = new ArrayList<>();
    private String[] values = new String[64];

    /** A reader for the answers of one export; not for concurrent use. */
    public JsonRecordStream(String recordIdField) {
        this.recordIdField = recordIdField;
    }

    /** Calls {@code sink} for every row; returns the number of rows. */
    public static long read(InputStream body, String recordIdField, Consumer<RedcapRecord> sink) throws IOException {
        return new JsonRecordStream(recordIdField).read(body, sink);
    }

    /** Calls {@code sink} for every row of one answer; returns the number of rows. */
    public long read(InputStream body, Consumer<RedcapRecord> sink) throws IOException {
        long rows = 0;
        try (JsonParser p = FACTORY.createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return 0;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new JsonParseException(p, "a record export must be a JSON array, found " + first);
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                // Rows of one export share their column list: each name is first matched byte for byte against
                // the previous row's (no symbol-table lookup); a row with other columns gets its own list.
                boolean sameColumns = columns != null;
                int n = 0;
                while (true) {
                    String column;
                    if (sameColumns && n < expected.length && p.nextFieldName(expected[n])) {
                        column = columns.name(n);
                    } else {
                        JsonToken name = sameColumns && n < expected.length ? p.currentToken() : p.nextToken();
                        if (name != JsonToken.FIELD_NAME) {
                            break;
                        }
                        if (sameColumns) {
                            sameColumns = false;
                            names.clear();
                            for (int i = 0; i < n; i++) {
                                names.add(columns.name(i));
                            }
                        }
                        column = p.currentName();
                    }
                    if (!sameColumns) {
                        names.add(column);
                    }
                    if (n == values.length) {
                        values = Arrays.copyOf(values, n * 2);
                    }
                    values[n++] = text(p, p.nextToken(), column);
                }
                if (sameColumns && n < columns.size()) {
                    sameColumns = false;
                    names.clear();
                    for (int i = 0; i < n; i++) {
                        names.add(columns.name(i));
                    }
                }
                if (!sameColumns) {
                    try {
                        columns = new Row.Columns(names);
                    } catch (IllegalArgumentException e) {
                        throw new JsonParseException(p, "a record row repeats a column: " + e.getMessage());
                    }
                    expected = new SerializableString[columns.size()];
                    for (int i = 0; i < expected.length; i++) {
                        expected[i] = new SerializedString(columns.name(i));
                    }
                    names.clear();
                    special = new int[] {columns.indexOf(recordIdField), columns.indexOf(RedcapRecord.EVENT_COLUMN),
                            columns.indexOf(RedcapRecord.REPEAT_INSTRUMENT_COLUMN),
                            columns.indexOf(RedcapRecord.REPEAT_INSTANCE_COLUMN)};
                }
                Row row = new Row(columns, Arrays.copyOf(values, n));
                if (special[0] < 0) {
                    throw new RedcapException("REDCap's record export has a row without the record-ID column '"
                            + recordIdField + "' (columns " + row.keySet() + "). Check that the token's user may export "
                            + "the record-ID field (form rights, de-identified export) and that '" + recordIdField
                            + "' is still the project's first field.", 200, "", null);
                }
                // What RedcapRecord.of finds by name, taken by the positions found once per column list.
                sink.accept(new RedcapRecord(row.at(special[0], null), row.at(special[1], ""), row.at(special[2], ""),
                        row.at(special[3], ""), row));
                rows++;
            }
            if (t != JsonToken.END_ARRAY) {
                throw new JsonParseException(p, "expected a record object or the end of the array, found " + t);
            }
        }
        return rows;
    }

    private static String text(JsonParser p, JsonToken value, String column) throws IOException {
        return switch (value) {
            case VALUE_STRING -> ShortStrings.text(p);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "1";
            case VALUE_FALSE -> "0";
            case VALUE_NULL -> "";
            default -> throw new JsonParseException(p, "column '" + column + "' holds " + value
                    + " where a flat export has text");
        };
    }
}
