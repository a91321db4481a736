package concord.connector.sandbox.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** The project's File Repository: folders (ids from 1) and documents (ids from 1); 0 is the top level. */
public final class FileRepositoryStore {
    /** A folder; parent 0 is the top level. */
    public record Folder(int id, String name, int parent, String dag, String role) {
    }

    /** A document in a folder (0 = top level). */
    public record Document(int id, int folder, StoredFile file) {
    }

    private final Map<Integer, Folder> folders = new LinkedHashMap<>();
    private final Map<Integer, Document> documents = new LinkedHashMap<>();
    private int nextFolder = 1;
    private int nextDocument = 1;

    public synchronized Folder createFolder(String name, int parent, String dag, String role) {
        Folder f = new Folder(nextFolder++, name, parent, dag, role);
        folders.put(f.id(), f);
        return f;
    }

    public synchronized boolean folderExists(int id) {
        return id == 0 || folders.containsKey(id);
    }

    /**
     * Whether a user of data access group {@code userDag} (null: no group) may see the folder: a user in a group
     * sees neither folders restricted to another group nor anything inside them. Users in no group see all.
     */
    public synchronized boolean visible(int id, String userDag) {
        for (Folder f = folders.get(id); f != null; f = folders.get(f.parent())) {
            if (userDag != null && !f.dag().isEmpty() && !f.dag().equals(userDag)) {
                return false;
            }
        }
        return id == 0 || folders.containsKey(id);
    }

    public synchronized Document add(int folder, StoredFile file) {
        Document d = new Document(nextDocument++, folder, file);
        documents.put(d.id(), d);
        return d;
    }

    public synchronized Document document(int id) {
        return documents.get(id);
    }

    public synchronized boolean delete(int id) {
        return documents.remove(id) != null;
    }

    public synchronized java.util.List<Folder> folders(int parent) {
        return folders.values().stream().filter(f -> f.parent() == parent).toList();
    }

    public synchronized java.util.List<Document> documents(int folder) {
        return documents.values().stream().filter(d -> d.folder() == folder).toList();
    }
}
