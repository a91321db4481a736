package concord.connector.sandbox.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code content=record&action=delete} and {@code content=generateNextRecordName}. */
public final class RecordDeleter {
    private RecordDeleter() {
    }

    /**
     * Deletes whole records, or with {@code instrument} (and optionally {@code event}, {@code repeat_instance})
     * only that form's data; answers the number of records affected as a bare number.
     */
    public static Reply delete(Call call) {
        call.requireImport();
        if (!call.grant().user().recordDelete()) {
            throw ApiException.forbidden("You do not have Delete Record privileges");
        }
        ProjectData project = call.project();
        Dictionary d = project.dictionary();
        Params p = call.params();
        List<String> ids = p.list("records");
        if (ids.isEmpty()) {
            throw ApiException.badRequest("The parameter \"records\" is missing: name the records to delete");
        }
        String instrument = p.get("instrument", "");
        if (!instrument.isEmpty() && !d.hasForm(instrument)) {
            throw ApiException.badRequest("The value of the parameter \"instrument\" is not valid: '" + instrument + "'");
        }
        String event = p.get("event", "");
        if (!event.isEmpty() && project.event(event) == null) {
            throw ApiException.badRequest("The value of the parameter \"event\" is not valid: '" + event + "'");
        }
        String instance = p.get("repeat_instance", "");
        project.lock().writeLock().lock();
        try {
            List<String> missing = new ArrayList<>();
            for (String id : ids) {
                RecordEntry r = project.records().get(id);
                if (r == null || call.userDag() != null && !call.userDag().equals(r.dag())) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                throw ApiException.badRequest("One or more of the records provided cannot be deleted because they do not exist in the project. "
                        + "The following records do not exist: " + String.join(", ", missing));
            }
            int deleted = 0;
            for (String id : ids) {
                String dag = project.records().get(id).dag();
                if (instrument.isEmpty() && event.isEmpty()) {
                    project.records().remove(id);
                    project.files().keySet().removeIf(k -> k.startsWith(id + '\u0000'));
                    project.log().add(call.username(), "Delete record " + id, "record_id = '" + id + "'", id, dag);
                    deleted++;
                } else if (clear(project, project.records().get(id), instrument, event, instance)) {
                    project.log().add(call.username(), "Update record " + id, "Delete all record data for single form", id, dag);
                    deleted++;
                }
            }
            // As REDCap counts: a record counts when something was deleted (an instrument without data does not).
            return Reply.formatted(call.format(), String.valueOf(deleted));
        } finally {
            project.lock().writeLock().unlock();
        }
    }

    /** Clears the event's or instrument's data; true when there was some. */
    private static boolean clear(ProjectData project, RecordEntry r, String instrument, String event, String instance) {
        Dictionary d = project.dictionary();
        boolean changed = false;
        for (Iterator<RecordRow> it = r.rows().iterator(); it.hasNext(); ) {
            RecordRow row = it.next();
            if (!event.isEmpty() && !event.equals(row.event()) || !instance.isEmpty() && !instance.equals(String.valueOf(row.instance()))) {
                continue;
            }
            if (instrument.isEmpty()) {
                it.remove();
                changed = true;
                continue;
            }
            for (String column : d.formColumns(instrument)) {
                int i = d.index(column);
                if (i > 0 && !row.isBlank(i)) {
                    row.set(i, "");
                    changed = true;
                }
            }
            if (!row.repeatInstrument().isEmpty() && row.repeatInstrument().equals(instrument)) {
                it.remove();
                changed = true;
            }
        }
        r.touch(project.now());
        return changed;
    }

    /** The next record name: the largest integer ID plus one, prefixed {@code <dag id>-} for a DAG user. */
    public static Reply nextRecordName(Call call) {
        ProjectData project = call.project();
        DagDef dag = call.userDag() == null ? null : project.dag(call.userDag());
        String prefix = dag == null ? "" : dag.id() + "-";
        long max = 0;
        project.lock().readLock().lock();
        try {
            for (String id : project.records().keySet()) {
                String rest = id.startsWith(prefix) ? id.substring(prefix.length()) : null;
                if (rest != null && rest.matches("\\d{1,18}")) {
                    max = Math.max(max, Long.parseLong(rest));
                }
            }
        } finally {
            project.lock().readLock().unlock();
        }
        return Reply.formatted(call.returnFormat(), prefix + (max + 1));
    }
}
