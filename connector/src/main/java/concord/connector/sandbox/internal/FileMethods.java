package concord.connector.sandbox.internal;

import java.util.List;

/**
 * {@code content=file} (File Upload fields) and {@code content=fileRepository} (the project File Repository).
 * {@link ApiRoute} has checked the action and the API rights (file delete needs the Delete Record right, as in
 * REDCap); successful uploads and deletions answer an empty body typed by {@code returnFormat}.
 */
public final class FileMethods {
    static final String UPLOAD_FAILED = "The file could not be uploaded because of a server error. Please try again.";
    static final String NO_FILE_REPOSITORY = "The API request cannot complete because currently you do not have \"File Repository\" rights, "
            + "which are required for this operation.";

    private FileMethods() {
    }

    public static Reply file(Call call, String action, FaultInjector faults) {
        ProjectData project = call.project();
        Dictionary d = project.dictionary();
        Params p = call.params();
        String record = p.get("record", "");
        String field = p.get("field", "");
        if (action.equals("delete")) {
            checkDeleteTarget(call, record, field);
        }
        FieldDef def = d.field(field);
        if (def == null || !def.fieldType().equals("file")) {
            throw ApiException.badRequest("The field '" + field + "' does not exist or is not a 'file' field");
        }
        String event = project.isLongitudinal() ? p.get("event", "") : null;
        if (project.isLongitudinal() && project.event(event) == null) {
            throw ApiException.badRequest("The event '" + event + "' is not a valid unique event name");
        }
        int instance = Integer.parseInt(p.get("repeat_instance", "1"));
        String form = def.formName();
        boolean repeating = project.isRepeatingForm(event, form);
        int rowInstance = repeating || project.isRepeatingEvent(event) ? instance : 0;
        String key = ProjectData.fileKey(record, event, field, repeating || project.isRepeatingEvent(event) ? instance : 0);
        switch (action) {
            case "export" -> {
                call.requireExport();
                project.lock().readLock().lock();
                try {
                    RecordEntry entry = visibleRecord(call, record);
                    StoredFile f = project.files().get(key);
                    if (entry == null || f == null) {
                        throw ApiException.badRequest("There is no file to download for this record");
                    }
                    return Reply.file(f);
                } finally {
                    project.lock().readLock().unlock();
                }
            }
            case "import" -> {
                call.requireImport();
                StoredFile upload = p.file("file");
                if (upload == null) {
                    throw ApiException.badRequest("No valid file was uploaded: send it as the multipart part 'file'");
                }
                if (faults.uploadFails()) {
                    throw new ApiException(500, UPLOAD_FAILED);
                }
                project.lock().writeLock().lock();
                try {
                    RecordEntry existing = project.records().get(record);
                    if (existing != null && call.userDag() != null && !call.userDag().equals(existing.dag())) {
                        throw ApiException.forbidden("You do not have permission to modify record " + record);
                    }
                    RecordEntry entry = project.recordOrCreate(record);
                    if (existing == null && call.userDag() != null) {
                        entry.setDag(call.userDag());
                    }
                    RecordRow row = project.rowForSave(entry, event, repeating ? form : "", rowInstance);
                    row.set(d.index(field), upload.name());
                    RecordImporter.fillDefaults(d, row, java.util.Set.of(form));
                    project.files().put(key, upload);
                    entry.touch(project.now());
                    project.log().add(call.username(), "Update record " + record, field + " = '" + upload.name() + "'", record, entry.dag());
                } finally {
                    project.lock().writeLock().unlock();
                }
                return Reply.formatted(call.returnFormat(), "");
            }
            case "delete" -> {
                project.lock().writeLock().lock();
                try {
                    RecordEntry entry = visibleRecord(call, record);
                    if (entry == null || project.files().remove(key) == null) {
                        throw ApiException.badRequest("There is no file to delete for this record");
                    }
                    RecordRow row = entry.row(event, repeating ? form : "", rowInstance);
                    if (row != null) {
                        row.set(d.index(field), "");
                    }
                    entry.touch(project.now());
                    project.log().add(call.username(), "Update record " + record, field + " = ''", record, entry.dag());
                } finally {
                    project.lock().writeLock().unlock();
                }
                return Reply.formatted(call.returnFormat(), "");
            }
            default -> throw new ApiRoute("file", action).notServed();
        }
    }

    /** REDCap's {@code API/file/delete.php} checks, in its order: the event, the record, then the field. */
    private static void checkDeleteTarget(Call call, String record, String field) {
        ProjectData project = call.project();
        String event = call.params().get("event", "");
        if (project.isLongitudinal() && project.event(event) == null) {
            throw ApiException.badRequest("invalid event");
        }
        project.lock().readLock().lock();
        try {
            RecordEntry entry = visibleRecord(call, record);
            boolean inEvent = entry != null && entry.rows().stream().anyMatch(r -> java.util.Objects.equals(r.event(), project.isLongitudinal() ? event : null));
            if (!inEvent) {
                throw ApiException.badRequest("The record '" + record + "' does not exist");
            }
        } finally {
            project.lock().readLock().unlock();
        }
        FieldDef def = project.dictionary().field(field);
        if (def == null || !def.fieldType().equals("file")) {
            throw ApiException.badRequest("The field '" + field + "' does not exist or is not a 'file' field");
        }
    }

    private static RecordEntry visibleRecord(Call call, String record) {
        RecordEntry entry = call.project().records().get(record);
        if (entry == null || call.userDag() != null && !call.userDag().equals(entry.dag())) {
            return null;
        }
        return entry;
    }

    public static Reply repository(Call call, String action, FaultInjector faults) {
        if (!call.grant().user().fileRepository()) {
            throw ApiException.forbidden(NO_FILE_REPOSITORY);
        }
        FileRepositoryStore repo = call.project().fileRepository();
        Params p = call.params();
        int folder = parseId(p.get("folder_id", "0"), "folder_id");
        if (!action.equals("export") && !action.equals("delete") && !repo.visible(folder, call.userDag())) {
            throw ApiException.badRequest("The File Repository folder folder_id=" + folder
                    + " does not exist or else you do not have permission to that folder because it is DAG-restricted or Role-restricted.");
        }
        switch (action) {
            case "createFolder" -> {
                call.requireImport();
                String name = p.get("name", "");
                if (name.isBlank() || name.length() > 150) {
                    throw ApiException.badRequest("The folder name must have 1 to 150 characters");
                }
                FileRepositoryStore.Folder f = repo.createFolder(name, folder, restrictedDag(call, p.get("dag_id", "")),
                        p.get("role_id", ""));
                Table t = new Table(List.of("folder_id"));
                t.add(f.id());
                return t.reply(call.format());
            }
            case "list" -> {
                // REDCap checks no API right for the listing (API/index.php, API/fileRepository/list.php), only File Repository.
                Table t = new Table(List.of("folder_id", "doc_id", "name", "role", "dag"));
                repo.folders(folder).stream().filter(f -> repo.visible(f.id(), call.userDag()))
                        .forEach(f -> t.add(f.id(), "", f.name(), f.role(), f.dag()));
                repo.documents(folder).forEach(doc -> t.add("", doc.id(), doc.file().name(), "", ""));
                return t.reply(call.format());
            }
            case "import" -> {
                call.requireImport();
                StoredFile upload = p.file("file");
                if (upload == null) {
                    throw ApiException.badRequest("No valid file was uploaded: send it as the multipart part 'file'");
                }
                if (faults.uploadFails()) {
                    throw new ApiException(500, UPLOAD_FAILED);
                }
                repo.add(folder, upload);
                return Reply.formatted(call.returnFormat(), "");
            }
            case "export", "delete" -> {
                int docId = parseId(p.get("doc_id", ""), "doc_id");
                FileRepositoryStore.Document doc = repo.document(docId);
                if (doc == null || !repo.visible(doc.folder(), call.userDag())) {
                    throw ApiException.badRequest("The doc_id " + docId + " does not exist in the File Repository");
                }
                if (action.equals("export")) {
                    call.requireExport();
                    return Reply.file(doc.file());
                }
                call.requireImport();
                repo.delete(docId);
                return Reply.formatted(call.returnFormat(), "");
            }
            default -> throw ApiException.badRequest(ApiRoute.INVALID_ACTION);
        }
    }

    /**
     * The unique name of the data access group {@code createFolder}'s {@code dag_id} names ("" for none), as the
     * listing's {@code dag} column reports it. A user in a group may only restrict a folder to their own group.
     */
    private static String restrictedDag(Call call, String dagId) {
        if (dagId.isBlank()) {
            return "";
        }
        int id = parseId(dagId, "dag_id");
        DagDef dag = call.project().dags().stream().filter(d -> d.id() == id).findFirst().orElse(null);
        if (dag == null) {
            throw ApiException.badRequest("The dag_id " + id + " is not a valid data access group ID for this project");
        }
        if (call.userDag() != null && !call.userDag().equals(dag.uniqueName())) {
            throw ApiException.forbidden("You do not have permission to restrict a folder to the data access group "
                    + dag.uniqueName());
        }
        return dag.uniqueName();
    }

    private static int parseId(String text, String name) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The parameter \"" + name + "\" must be an integer, was '" + text + "'");
        }
    }
}
