package concord.connector.sandbox.internal;

/** A file held by the sandbox: in a File Upload field or in the File Repository. */
public record StoredFile(String name, String mimeType, byte[] content) {
}
