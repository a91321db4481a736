package concord.connector.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A save of one data-entry form, as a REDCap user pressing "Save" would make it: the values entered and the
 * form status. Saving fires the project's Data Entry Trigger, unlike an API import.
 *
 * @param record     record name; created if absent
 * @param instrument unique instrument name
 * @param event      unique event name (longitudinal projects), else null
 * @param instance   repeat instance (1 for non-repeating forms)
 * @param values     raw values by field (checkboxes as {@code field___code}); the status goes in {@code status}
 * @param status     form status: 0 Incomplete, 1 Unverified, 2 Complete
 * @param username   who saves
 */
public record FormSave(String record, String instrument, String event, int instance, Map<String, String> values,
                       int status, String username) {

    public FormSave {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(username, "username");
        values = Map.copyOf(values);
        if (status < 0 || status > 2) {
            throw new IllegalArgumentException("Form status must be 0, 1 or 2, was " + status);
        }
        if (instance < 1) {
            throw new IllegalArgumentException("Repeat instance must be 1 or more, was " + instance);
        }
    }

    /** An empty, complete save of {@code instrument} for {@code record} by user {@code site_admin}. */
    public static FormSave of(String record, String instrument) {
        return new FormSave(record, instrument, null, 1, Map.of(), 2, "site_admin");
    }

    public FormSave withValue(String field, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(field, value);
        return new FormSave(record, instrument, event, instance, v, status, username);
    }

    public FormSave withValues(Map<String, String> more) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.putAll(more);
        return new FormSave(record, instrument, event, instance, v, status, username);
    }

    public FormSave withEvent(String uniqueEventName) {
        return new FormSave(record, instrument, uniqueEventName, instance, values, status, username);
    }

    public FormSave withInstance(int repeatInstance) {
        return new FormSave(record, instrument, event, repeatInstance, values, status, username);
    }

    public FormSave withStatus(int formStatus) {
        return new FormSave(record, instrument, event, instance, values, formStatus, username);
    }

    public FormSave withUsername(String user) {
        return new FormSave(record, instrument, event, instance, values, status, user);
    }
}
