package concord.connector;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file going to or coming from REDCap (File Upload field or File Repository).
 *
 * @param name        file name, as REDCap stores it
 * @param contentType MIME type, e.g. {@code application/pdf}
 * @param content     the bytes (copied in and out: the record stays immutable)
 */
public record RedcapFile(String name, String contentType, byte[] content) {

    public RedcapFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RedcapFile f && name.equals(f.name) && contentType.equals(f.contentType)
                && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "RedcapFile[name=" + name + ", contentType=" + contentType + ", " + content.length + " bytes]";
    }
}
