package concord.connector;

import java.util.List;

/**
 * A batch of a record export came back without some of the records REDCap had listed a moment
 * before. The export is abandoned rather than returned half-done.
 */
public class IncompleteExportException extends RedcapException {

    private final List<String> missingRecordIds;
    private final int batch;

    public IncompleteExportException(String message, List<String> missingRecordIds, int batch) {
        super(message, 200, "", null);
        this.missingRecordIds = List.copyOf(missingRecordIds);
        this.batch = batch;
    }

    /** The record IDs that were requested and listed, but not delivered. */
    public List<String> missingRecordIds() {
        return missingRecordIds;
    }

    /** The 1-based number of the batch that came back short. */
    public int batch() {
        return batch;
    }

    /** Usually records deleted or moved to another DAG during the export: trying again tends to work. */
    @Override
    public boolean transientFailure() {
        return true;
    }
}
