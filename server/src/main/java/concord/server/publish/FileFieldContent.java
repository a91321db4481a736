package concord.server.publish;

import concord.connector.FileFieldLocation;
import concord.connector.RedcapClient;
import concord.connector.RedcapException;
import concord.connector.RedcapFile;

/** What a file-upload field holds before Concord replaces it, so a failed publication can put it back. */
final class FileFieldContent {
    private FileFieldContent() {
    }

    /** The field's file, or null when it has none; a transient failure is rethrown (the run retries). */
    static RedcapFile exportIfPresent(RedcapClient client, FileFieldLocation location) {
        try {
            return client.exportFile(location);
        } catch (RedcapException e) {
            if (e.transientFailure()) {
                throw e;
            }
            return null; // no file yet (REDCap answers 400 for an empty field)
        }
    }
}
