package concord.connector;

import java.util.List;

/**
 * REDCap's answer to a record import.
 *
 * @param count     records imported (created or updated)
 * @param recordIds their IDs when {@link ReturnContent#IDS} was asked for, otherwise empty
 */
public record ImportResult(int count, List<String> recordIds) {
    public ImportResult {
        recordIds = List.copyOf(recordIds);
    }
}
