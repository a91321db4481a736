package concord.connector.sandbox;

import java.util.Objects;

/**
 * A REDCap user of one sandbox project and the rights its API token carries.
 *
 * @param username        REDCap username, reported by {@code content=user}, Data Entry Triggers and authkeys
 * @param dataAccessGroup unique name of the user's data access group, or null: a DAG user sees and writes only
 *                        that group's records
 * @param apiExport       API Export right: every export (records, metadata, files, version…)
 * @param apiImport       API Import/Update right: record import, file upload, metadata import
 * @param fileRepository  File Repository right, for the File Repository methods
 * @param recordDelete    Delete Record right, for record delete and file delete (REDCap checks it for both)
 * @param recordRename    Rename Record right, for {@code content=record&action=rename}
 * @param projectDesign   Project Design and Setup right, for metadata (data dictionary) import
 */
public record SandboxUser(String username, String dataAccessGroup, boolean apiExport, boolean apiImport,
                          boolean fileRepository, boolean recordDelete, boolean recordRename, boolean projectDesign) {

    public SandboxUser {
        Objects.requireNonNull(username, "username");
        if (!username.matches("[A-Za-z0-9._@-]+")) {
            throw new IllegalArgumentException("Username '" + username + "' may use only letters, digits and . _ @ -");
        }
        if (dataAccessGroup != null && dataAccessGroup.isBlank()) {
            dataAccessGroup = null;
        }
    }

    /** A user with every right above, in no data access group. */
    public static SandboxUser withAllRights(String username) {
        return new SandboxUser(username, null, true, true, true, true, true, true);
    }

    /** A user who may only export through the API. */
    public static SandboxUser exportOnly(String username) {
        return new SandboxUser(username, null, true, false, false, false, false, false);
    }

    public SandboxUser withDataAccessGroup(String uniqueGroupName) {
        return new SandboxUser(username, uniqueGroupName, apiExport, apiImport, fileRepository, recordDelete, recordRename, projectDesign);
    }

    public SandboxUser withApiExport(boolean allowed) {
        return new SandboxUser(username, dataAccessGroup, allowed, apiImport, fileRepository, recordDelete, recordRename, projectDesign);
    }

    public SandboxUser withApiImport(boolean allowed) {
        return new SandboxUser(username, dataAccessGroup, apiExport, allowed, fileRepository, recordDelete, recordRename, projectDesign);
    }

    public SandboxUser withFileRepository(boolean allowed) {
        return new SandboxUser(username, dataAccessGroup, apiExport, apiImport, allowed, recordDelete, recordRename, projectDesign);
    }

    public SandboxUser withRecordDelete(boolean allowed) {
        return new SandboxUser(username, dataAccessGroup, apiExport, apiImport, fileRepository, allowed, recordRename, projectDesign);
    }

    public SandboxUser withRecordRename(boolean allowed) {
        return new SandboxUser(username, dataAccessGroup, apiExport, apiImport, fileRepository, recordDelete, allowed, projectDesign);
    }

    public SandboxUser withProjectDesign(boolean allowed) {
        return new SandboxUser(username, dataAccessGroup, apiExport, apiImport, fileRepository, recordDelete, recordRename, allowed);
    }
}
