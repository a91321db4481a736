package concord.connector.sandbox.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One flat export row of a record: an event (null in classic projects), a repeating instrument ({@code ""} for
 * none) and instance (0 for none). Values sit in an array indexed by {@link Dictionary#index(String)} so that
 * 100,000 records × 60 fields stay small; null means blank.
 */
public final class RecordRow {
    private final String event;
    private final String repeatInstrument;
    private final int instance;
    private final String[] values;
    private Map<String, String> extras;

    public RecordRow(String event, String repeatInstrument, int instance, int width) {
        this.event = event;
        this.repeatInstrument = repeatInstrument == null ? "" : repeatInstrument;
        this.instance = instance;
        this.values = new String[width];
    }

    public String event() {
        return event;
    }

    public String repeatInstrument() {
        return repeatInstrument;
    }

    public int instance() {
        return instance;
    }

    public boolean isRepeat() {
        return instance > 0;
    }

    public boolean matches(String event, String repeatInstrument, int instance) {
        return Objects.equals(this.event, event) && this.repeatInstrument.equals(repeatInstrument == null ? "" : repeatInstrument)
                && this.instance == instance;
    }

    /** The value at a column index, {@code ""} when blank. */
    public String get(int index) {
        String v = index < 0 ? null : values[index];
        return v == null ? "" : v;
    }

    public void set(int index, String value) {
        values[index] = value == null || value.isEmpty() ? null : value.intern();
    }

    public boolean isBlank(int index) {
        return values[index] == null;
    }

    /** Survey pseudo-columns ({@code redcap_survey_identifier}, {@code <form>_timestamp}) seeded from an export. */
    public String extra(String column) {
        return extras == null ? "" : extras.getOrDefault(column, "");
    }

    public void setExtra(String column, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (extras == null) {
            extras = new HashMap<>(4);
        }
        extras.put(column, value);
    }

    /** Copies the survey pseudo-columns to a row of the same record (a new dictionary's layout). */
    public void copyExtrasTo(RecordRow other) {
        if (extras != null) {
            extras.forEach(other::setExtra);
        }
    }
}
