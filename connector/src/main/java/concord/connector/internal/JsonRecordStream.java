package concord.connector.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import concord.connector.RedcapException;
import concord.connector.RedcapRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
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

    private JsonRecordStream() {
    }

    /** Calls {@code sink} for every row; returns the number of rows. */
    public static long read(InputStream body, String recordIdField, Consumer<RedcapRecord> sink) throws IOException {
        long rows = 0;
        Row.Columns columns = null;
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
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
                names.clear();
                values.clear();
                boolean sameColumns = columns != null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String column = p.currentName();
                    int i = names.size();
                    sameColumns = sameColumns && i < columns.size() && column.equals(columns.name(i));
                    names.add(column);
                    values.add(text(p, p.nextToken(), column));
                }
                // Rows of one export share their column list; a row with other columns gets its own.
                if (!sameColumns || names.size() != columns.size()) {
                    try {
                        columns = new Row.Columns(names);
                    } catch (IllegalArgumentException e) {
                        throw new JsonParseException(p, "a record row repeats a column: " + e.getMessage());
                    }
                }
                Row row = new Row(columns, values.toArray(new String[0]));
                if (!row.containsKey(recordIdField)) {
                    throw new RedcapException("REDCap's record export has a row without the record-ID column '"
                            + recordIdField + "' (columns " + names + "). Check that the token's user may export "
                            + "the record-ID field (form rights, de-identified export) and that '" + recordIdField
                            + "' is still the project's first field.", 200, "", null);
                }
                sink.accept(RedcapRecord.of(recordIdField, row));
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
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
            case VALUE_TRUE -> "1";
            case VALUE_FALSE -> "0";
            case VALUE_NULL -> "";
            default -> throw new JsonParseException(p, "column '" + column + "' holds " + value
                    + " where a flat export has text");
        };
    }
}
