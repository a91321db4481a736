package concord.connector;

/**
 * A folder or a file in the project's File Repository.
 *
 * @param id   the folder id for folders, the document id for files
 * @param role unique name of the role the entry is restricted to, empty if none
 * @param dag  unique name of the DAG the entry is restricted to, empty if none
 */
public record RepositoryEntry(boolean folder, long id, String name, String role, String dag) {
}
