package concord.connector.sandbox.internal;

/**
 * {@code content=record&action=rename}: {@code record} becomes {@code new_record_name} (REDCap's
 * {@code API/record/rename.php} answers {@code 1}, the PHP {@code true} it echoes). The Rename Record right is
 * checked by {@link ApiRoute}. The optional {@code arm} is accepted; the sandbox renames the record in every arm.
 */
final class RecordRenamer {
    private RecordRenamer() {
    }

    static Reply rename(Call call) {
        Params p = call.params();
        String record = p.get("record", "").trim();
        String renamed = p.get("new_record_name", "").trim();
        if (record.isEmpty() || renamed.isEmpty()) {
            throw ApiException.badRequest("The parameters \"record\" and \"new_record_name\" are required to rename a record (sandbox wording)");
        }
        ProjectData project = call.project();
        project.lock().writeLock().lock();
        try {
            RecordEntry entry = project.records().get(record);
            if (entry == null || call.userDag() != null && !call.userDag().equals(entry.dag())) {
                throw ApiException.badRequest("The record '" + record + "' does not exist (sandbox wording)");
            }
            if (project.records().containsKey(renamed)) {
                throw ApiException.badRequest("The record '" + renamed + "' already exists, so record '" + record
                        + "' cannot be renamed to it (sandbox wording)");
            }
            project.renameRecord(record, renamed);
            project.log().add(call.username(), "Update record " + renamed, "old_record = '" + record + "',\nnew_record = '" + renamed + "'",
                    renamed, entry.dag());
        } finally {
            project.lock().writeLock().unlock();
        }
        return Reply.formatted(call.format(), "1");
    }
}
