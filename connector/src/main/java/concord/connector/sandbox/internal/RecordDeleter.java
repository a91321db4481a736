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
            for (String id : ids) {
                if (instrument.isEmpty() && event.isEmpty()) {
                    project.records().remove(id);
                    project.files().keySet().removeIf(k -> k.startsWith(id + '\u0000'));
                } else {
                    clear(project, project.records().get(id), instrument, event, instance);
                }
            }
            return Reply.formatted(call.format(), String.valueOf(ids.size()));
        } finally {
            project.lock().writeLock().unlock();
        }
    }

    private static void clear(ProjectData project, RecordEntry r, String instrument, String event, String instance) {
        Dictionary d = project.dictionary();
        for (Iterator<RecordRow> it = r.rows().iterator(); it.hasNext(); ) {
            RecordRow row = it.next();
            if (!event.isEmpty() && !event.equals(row.event()) || !instance.isEmpty() && !instance.equals(String.valueOf(row.instance()))) {
                continue;
            }
            if (instrument.isEmpty()) {
                it.remove();
                continue;
            }
            for (String column : d.formColumns(instrument)) {
                if (d.index(column) > 0) {
                    row.set(d.index(column), "");
                }
            }
            if (!row.repeatInstrument().isEmpty() && row.repeatInstrument().equals(instrument)) {
                it.remove();
            }
        }
        r.touch(project.now());
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
        return Reply.text(prefix + (max + 1));
    }
}
