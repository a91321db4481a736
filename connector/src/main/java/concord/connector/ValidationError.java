package concord.connector;

/**
 * One value REDCap refused during an import, in REDCap's own words.
 *
 * @param record  record ID
 * @param field   field name
 * @param value   the refused value
 * @param message REDCap's explanation
 */
public record ValidationError(String record, String field, String value, String message) {

    @Override
    public String toString() {
        return "record '" + record + "', field '" + field + "', value '" + value + "': " + message;
    }
}
