package concord.connector;

import java.util.Objects;

/**
 * Where a File Upload field's file lives: record, field, and for longitudinal or repeating
 * projects the event and instance.
 *
 * @param event          unique event name, empty in classic projects
 * @param repeatInstance instance number, 1 for non-repeating data
 */
public record FileFieldLocation(String record, String field, String event, int repeatInstance) {

    public FileFieldLocation {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(field, "field");
        event = Objects.requireNonNullElse(event, "");
        if (record.isBlank() || field.isBlank()) {
            throw new IllegalArgumentException("A file field location needs a record and a field name");
        }
        if (repeatInstance < 1) {
            throw new IllegalArgumentException("repeatInstance starts at 1, was " + repeatInstance);
        }
    }

    public static FileFieldLocation of(String record, String field) {
        return new FileFieldLocation(record, field, "", 1);
    }

    public FileFieldLocation withEvent(String uniqueEventName) {
        return new FileFieldLocation(record, field, uniqueEventName, repeatInstance);
    }

    public FileFieldLocation withRepeatInstance(int instance) {
        return new FileFieldLocation(record, field, event, instance);
    }
}
