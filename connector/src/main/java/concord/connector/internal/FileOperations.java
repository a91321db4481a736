package concord.connector.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.connector.FileFieldLocation;
import concord.connector.RedcapFile;
import concord.connector.RedcapInvalidRequestException;
import concord.connector.RepositoryEntry;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Response;

/** File Upload fields ({@code content=file}) and the File Repository ({@code content=fileRepository}). */
public final class FileOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code name="a.pdf"}, {@code name='a.pdf'} or {@code name=a.pdf}; REDCap has sent all three. */
    private static final Pattern NAME = Pattern.compile("(?i)(?:^|;)\\s*name\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^;]*))");

    private final ApiTransport transport;

    public FileOperations(ApiTransport transport) {
        this.transport = transport;
    }

    public RedcapFile exportFile(FileFieldLocation at) {
        ApiRequest request = located(ApiRequest.of("exporting the file in field '" + at.field() + "' of record '"
                + at.record() + "'", "file").param("action", "export"), at);
        return transport.execute(request, FileOperations::readFile);
    }

    public void importFile(FileFieldLocation at, RedcapFile file) {
        ApiRequest request = located(ApiRequest.of("uploading '" + file.name() + "' into field '" + at.field()
                + "' of record '" + at.record() + "'", "file").param("action", "import"), at)
                .file(new ApiRequest.FilePart(file.name(), file.contentType(), file.content()));
        transport.execute(request, r -> null);
    }

    public void deleteFile(FileFieldLocation at) {
        ApiRequest request = located(ApiRequest.of("deleting the file in field '" + at.field() + "' of record '"
                + at.record() + "'", "file").param("action", "delete"), at);
        transport.execute(request, r -> null);
    }

    public long createFolder(String name, long parentFolderId) {
        return createFolder(name, parentFolderId, 0);
    }

    /** {@code dagId > 0} restricts the folder to that data access group (REDCap's {@code dag_id}). */
    public long createFolder(String name, long parentFolderId, long dagId) {
        if (name == null || name.isBlank() || name.length() > 150) {
            throw new IllegalArgumentException("A File Repository folder name must have 1 to 150 characters, was '"
                    + name + "'");
        }
        ApiRequest request = ApiRequest.of("creating File Repository folder '" + name + "'", "fileRepository")
                .param("action", "createFolder").param("format", "json").param("returnFormat", "json")
                .param("name", name).optional("folder_id", parentFolderId > 0 ? Long.toString(parentFolderId) : "")
                .optional("dag_id", dagId > 0 ? Long.toString(dagId) : "")
                .notIdempotent();
        return transport.execute(request, response -> {
            JsonNode node = JSON.readTree(response.body().byteStream());
            JsonNode first = node != null && node.isArray() && node.size() > 0 ? node.get(0) : node;
            long id = first == null ? 0 : JsonMappers.integer(first, "folder_id");
            if (id <= 0) {
                throw new RedcapInvalidRequestException("REDCap did not report the id of the new File Repository "
                        + "folder '" + name + "' (answer: " + node + ")", response.code(), "", null);
            }
            return id;
        });
    }

    public List<RepositoryEntry> list(long folderId) {
        ApiRequest request = ApiRequest.of(folderId > 0 ? "listing File Repository folder " + folderId
                        : "listing the File Repository", "fileRepository")
                .param("action", "list").param("format", "json").param("returnFormat", "json")
                .optional("folder_id", folderId > 0 ? Long.toString(folderId) : "");
        return transport.execute(request, response -> {
            String body = response.body().string().strip();
            if (body.isEmpty()) {
                return List.of();
            }
            return List.copyOf(JsonMappers.list(JSON.readTree(body), "File Repository entries",
                    JsonMappers::repositoryEntry));
        });
    }

    public void importRepositoryFile(RedcapFile file, long folderId) {
        ApiRequest request = ApiRequest.of("uploading '" + file.name() + "' to the File Repository", "fileRepository")
                .param("action", "import").param("returnFormat", "json")
                .optional("folder_id", folderId > 0 ? Long.toString(folderId) : "")
                .file(new ApiRequest.FilePart(file.name(), file.contentType(), file.content()))
                .notIdempotent();
        transport.execute(request, r -> null);
    }

    public RedcapFile exportRepositoryFile(long docId) {
        ApiRequest request = ApiRequest.of("exporting File Repository document " + docId, "fileRepository")
                .param("action", "export").param("returnFormat", "json").param("doc_id", Long.toString(docId));
        return transport.execute(request, FileOperations::readFile);
    }

    public void deleteRepositoryFile(long docId) {
        ApiRequest request = ApiRequest.of("deleting File Repository document " + docId, "fileRepository")
                .param("action", "delete").param("returnFormat", "json").param("doc_id", Long.toString(docId));
        transport.execute(request, r -> null);
    }

    private static ApiRequest located(ApiRequest request, FileFieldLocation at) {
        return request.param("record", at.record()).param("field", at.field()).optional("event", at.event())
                .param("repeat_instance", Integer.toString(at.repeatInstance())).param("returnFormat", "json");
    }

    private static RedcapFile readFile(Response response) throws java.io.IOException {
        String header = response.header("Content-Type", "application/octet-stream");
        byte[] bytes = response.body().bytes();
        return new RedcapFile(fileName(header), mimeType(header), bytes);
    }

    /** The file name REDCap puts into the Content-Type header, or "" if it sent none. */
    static String fileName(String contentType) {
        Matcher m = NAME.matcher(contentType);
        while (m.find()) {
            String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3).strip();
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }

    static String mimeType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
