package concord.connector.sandbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A record: its ID, data access group, last change and flat rows. */
public final class RecordEntry {
    private final String id;
    private final long ordinal;
    private String dag;
    private Instant modified;
    private final List<RecordRow> rows = new ArrayList<>(1);

    /** {@code ordinal} orders records by creation: the order exports list them in. */
    public RecordEntry(String id, Instant modified, long ordinal) {
        this.id = id;
        this.modified = modified;
        this.ordinal = ordinal;
    }

    /** This record under another ID: same rows (record ID cells rewritten), group, change time and place in order. */
    public RecordEntry renamed(String newId, Instant when) {
        RecordEntry r = new RecordEntry(newId, when, ordinal);
        r.dag = dag;
        for (RecordRow row : rows) {
            row.set(0, newId);
            r.rows.add(row);
        }
        return r;
    }

    public String id() {
        return id;
    }

    public long ordinal() {
        return ordinal;
    }

    /** The unique name of the record's data access group, or null. */
    public String dag() {
        return dag;
    }

    public void setDag(String dag) {
        this.dag = dag == null || dag.isEmpty() ? null : dag;
    }

    public Instant modified() {
        return modified;
    }

    public void touch(Instant when) {
        modified = when;
    }

    public List<RecordRow> rows() {
        return rows;
    }

    public RecordRow row(String event, String repeatInstrument, int instance) {
        for (RecordRow r : rows) {
            if (r.matches(event, repeatInstrument, instance)) {
                return r;
            }
        }
        return null;
    }

    /** The row for the slot, created (with the record ID set) if absent. */
    public RecordRow rowOrCreate(String event, String repeatInstrument, int instance, int width) {
        RecordRow r = row(event, repeatInstrument, instance);
        if (r == null) {
            r = new RecordRow(event, repeatInstrument, instance, width);
            r.set(0, id);
            rows.add(r);
        }
        return r;
    }

    public int maxInstance(String event, String repeatInstrument) {
        int max = 0;
        for (RecordRow r : rows) {
            if (java.util.Objects.equals(r.event(), event) && r.repeatInstrument().equals(repeatInstrument)) {
                max = Math.max(max, r.instance());
            }
        }
        return max;
    }
}
