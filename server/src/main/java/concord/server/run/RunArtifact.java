package concord.server.run;

import java.util.Arrays;

/** A file a run produced (a report or the result JSON), kept in the database with the run. */
public record RunArtifact(String name, String mediaType, byte[] content) {

    public RunArtifact {
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
        return o instanceof RunArtifact a && a.name.equals(name) && a.mediaType.equals(mediaType)
                && Arrays.equals(a.content, content);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "RunArtifact[" + name + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
