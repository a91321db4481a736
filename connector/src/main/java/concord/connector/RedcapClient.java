package concord.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.connector.internal.ApiRequest;
import concord.connector.internal.ApiTransport;
import concord.connector.internal.FileOperations;
import concord.connector.internal.JsonMappers;
import concord.connector.internal.RecordExporter;
import concord.connector.internal.Sleeper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.Response;

/**
 * A client for one REDCap project's API, built from a {@link RedcapClientConfiguration}. Thread-safe;
 * close it to release its connections.
 *
 * <pre>{@code
 * try (RedcapClient redcap = RedcapClient.create(RedcapClientConfiguration.of(url, token))) {
 *     List<FieldMetadata> dictionary = redcap.metadata();
 *     ExportSummary summary = redcap.exportRecords(RecordQuery.all(), record -> counts.add(record));
 * }
 * }</pre>
 *
 * Every failure is a {@link RedcapException} subclass whose message quotes REDCap and says what to do.
 */
public final class RedcapClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RedcapClientConfiguration configuration;
    private final ApiTransport transport;
    private final FileOperations files;

    private RedcapClient(RedcapClientConfiguration configuration, Sleeper sleeper) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.transport = new ApiTransport(configuration, sleeper);
        this.files = new FileOperations(transport);
    }

    public static RedcapClient create(RedcapClientConfiguration configuration) {
        return new RedcapClient(configuration, Sleeper.SYSTEM);
    }

    /** For tests: a client whose back-off and pacing waits go to {@code sleeper}. */
    static RedcapClient create(RedcapClientConfiguration configuration, Sleeper sleeper) {
        return new RedcapClient(configuration, sleeper);
    }

    public RedcapClientConfiguration configuration() {
        return configuration;
    }

    /** REDCap's version, e.g. {@code 14.5.3}. */
    public String version() {
        return transport.execute(ApiRequest.of("exporting the REDCap version", "version")
                .param("format", "json").param("returnFormat", "json"), r -> r.body().string().strip());
    }

    public ProjectInfo project() {
        return exportJson("exporting project information", "project", JsonMappers::project);
    }

    /** The data dictionary, in project order; the first field is the record-ID field. */
    public List<FieldMetadata> metadata() {
        return exportJson("exporting the data dictionary", "metadata", JsonMappers::fields);
    }

    public List<Instrument> instruments() {
        return exportList("exporting instruments", "instrument", JsonMappers::instrument);
    }

    public List<ExportFieldName> exportFieldNames() {
        return exportList("exporting export field names", "exportFieldNames", JsonMappers::exportFieldName);
    }

    /** The events; empty for a classic (not longitudinal) project. */
    public List<RedcapEvent> events() {
        return classicIsEmpty(() -> exportList("exporting events", "event", JsonMappers::event));
    }

    /** The arms; empty for a classic project. */
    public List<Arm> arms() {
        return classicIsEmpty(() -> exportList("exporting arms", "arm", JsonMappers::arm));
    }

    /** Which instrument belongs to which event; empty for a classic project. */
    public List<FormEventMapping> formEventMappings() {
        return classicIsEmpty(() -> exportList("exporting form-event mappings", "formEventMapping",
                JsonMappers::formEventMapping));
    }

    public List<RepeatingFormEvent> repeatingFormsEvents() {
        return classicIsEmpty(() -> exportList("exporting repeating instruments and events", "repeatingFormsEvents",
                JsonMappers::repeatingFormEvent));
    }

    public List<DataAccessGroup> dags() {
        return exportList("exporting data access groups", "dag", JsonMappers::dag);
    }

    /** The project's users and their rights as the token's user may see them. */
    public List<UserRights> users() {
        return exportList("exporting users", "user", JsonMappers::user);
    }

    /** The name of the record-ID field: the first field of the data dictionary. */
    public String recordIdField() {
        List<FieldMetadata> fields = metadata();
        if (fields.isEmpty()) {
            throw new RedcapInvalidRequestException("REDCap at " + configuration.apiUrl() + " sent an empty data "
                    + "dictionary, so the project has no record-ID field. Check that the token's project has "
                    + "instruments and that its user has rights to them.", 200, "", null);
        }
        return fields.get(0).fieldName();
    }

    /**
     * Streams the selected records to {@code sink}, one flat row at a time, in batches of
     * {@code batchSize} record IDs (record IDs are read first, then every listed ID is checked to
     * have come back). The record-ID field is always included. If this throws, discard what
     * {@code sink} received: the export is incomplete.
     */
    public ExportSummary exportRecords(RecordQuery query, Consumer<RedcapRecord> sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        return exporter().export(query, recordIdField(), sink);
    }

    /**
     * As {@link #exportRecords}, but hands the rows on as bytes ({@link ExportRow}s, no strings or maps per
     * row): the way in for analyses. Each batch is checked before any of its rows is delivered.
     */
    public ExportSummary exportRecordRows(RecordQuery query, RecordRowSink sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        return exporter().exportRows(query, recordIdField(), sink);
    }

    /** The distinct record IDs the query selects, in REDCap's order. */
    public List<String> exportRecordIds(RecordQuery query) {
        return exporter().recordIds(query, recordIdField());
    }

    /** Imports flat rows (raw values, checkboxes as {@code field___code}), blanks ignored, count returned. */
    public ImportResult importRecords(List<? extends Map<String, String>> rows) {
        return importRecords(rows, OverwriteBehavior.NORMAL, ReturnContent.COUNT);
    }

    /**
     * Imports flat rows as one JSON array in one request. Refused values raise a
     * {@link RedcapValidationException} listing every one of them.
     */
    public ImportResult importRecords(List<? extends Map<String, String>> rows, OverwriteBehavior overwrite,
                                      ReturnContent returnContent) {
        String data;
        try {
            data = JSON.writeValueAsString(rows);
        } catch (IOException e) {
            throw new IllegalArgumentException("The rows cannot be written as JSON: " + e.getMessage(), e);
        }
        ApiRequest request = ApiRequest.of("importing " + rows.size() + " records", "record")
                .param("action", "import").param("format", "json").param("type", "flat")
                .param("overwriteBehavior", overwrite.parameter()).param("forceAutoNumber", "false")
                .param("returnContent", returnContent.parameter()).param("returnFormat", "json").param("data", data);
        return transport.execute(request, response -> {
            JsonNode node = JSON.readTree(response.body().byteStream());
            if (returnContent == ReturnContent.IDS) {
                List<String> ids = new ArrayList<>();
                if (node != null && node.isArray()) {
                    node.forEach(n -> ids.add(n.isObject() ? JsonMappers.text(n, "id") : n.asText()));
                }
                return new ImportResult(ids.size(), ids);
            }
            long count = node == null ? 0 : node.isObject() ? JsonMappers.integer(node, "count") : node.asLong();
            return new ImportResult((int) count, List.of());
        });
    }

    /**
     * Deletes one repeat instance of a repeating instrument in one record ({@code content=record&action=delete}
     * with {@code instrument} and {@code repeat_instance}); the rest of the record stays. {@code event} names the
     * event in a longitudinal project and is {@code null} or empty in a classic one. Needs the Delete Record
     * right besides API Import; REDCap answers the number of records affected (1). Safe to repeat: deleting an
     * instance that is already gone changes nothing and answers 0.
     */
    public int deleteRecordInstance(String recordId, String instrument, String event, int repeatInstance) {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(instrument, "instrument");
        if (instrument.isBlank() || repeatInstance < 1) {
            throw new IllegalArgumentException("An instrument and a repeat instance of at least 1 are needed to delete an"
                    + " instance (got '" + instrument + "', " + repeatInstance + ")");
        }
        ApiRequest request = ApiRequest.of("deleting instance " + repeatInstance + " of instrument '" + instrument
                        + "' in record '" + recordId + "'", "record")
                .param("action", "delete").param("records[0]", recordId).param("instrument", instrument)
                .optional("event", event).param("repeat_instance", Integer.toString(repeatInstance))
                .param("format", "json").param("returnFormat", "json");
        return transport.execute(request, response -> {
            JsonNode node = JSON.readTree(response.body().byteStream());
            return node == null ? 0 : node.isObject() ? (int) JsonMappers.integer(node, "count") : node.asInt();
        });
    }

    /** Downloads the file stored in a File Upload field. */
    public RedcapFile exportFile(FileFieldLocation location) {
        return files.exportFile(location);
    }

    /** Uploads a file into a File Upload field, replacing any file there. */
    public void importFile(FileFieldLocation location, RedcapFile file) {
        files.importFile(location, file);
    }

    public void deleteFile(FileFieldLocation location) {
        files.deleteFile(location);
    }

    /** Creates a File Repository folder at the top level and returns its id. */
    public long createFolder(String name) {
        return files.createFolder(name, 0);
    }

    /** Creates a File Repository folder inside {@code parentFolderId} and returns its id. */
    public long createFolder(String name, long parentFolderId) {
        return files.createFolder(name, parentFolderId);
    }

    /**
     * Creates a File Repository folder inside {@code parentFolderId} (0: top level) that only users of the data
     * access group with id {@code dataAccessGroupId} (and users in no group) can see, and returns its id.
     */
    public long createFolder(String name, long parentFolderId, long dataAccessGroupId) {
        if (dataAccessGroupId <= 0) {
            throw new IllegalArgumentException("A data access group id is positive, was " + dataAccessGroupId);
        }
        return files.createFolder(name, parentFolderId, dataAccessGroupId);
    }

    /** The File Repository's top level. */
    public List<RepositoryEntry> listRepository() {
        return files.list(0);
    }

    public List<RepositoryEntry> listRepository(long folderId) {
        return files.list(folderId);
    }

    /** Uploads a file to the File Repository's top level. */
    public void importRepositoryFile(RedcapFile file) {
        files.importRepositoryFile(file, 0);
    }

    public void importRepositoryFile(RedcapFile file, long folderId) {
        files.importRepositoryFile(file, folderId);
    }

    public RedcapFile exportRepositoryFile(long docId) {
        return files.exportRepositoryFile(docId);
    }

    /** Moves a File Repository file to REDCap's recycle bin (kept there up to 30 days). */
    public void deleteRepositoryFile(long docId) {
        files.deleteRepositoryFile(docId);
    }

    /**
     * Asks REDCap who opened an advanced project bookmark. {@code authkey} is the value REDCap
     * posted to the bookmark's URL; the check is sent without the token. Empty when REDCap answers
     * {@code 0} (unknown key or expired session).
     */
    public Optional<BookmarkIdentity> validateAuthkey(String authkey) {
        if (authkey == null || authkey.isBlank()) {
            return Optional.empty();
        }
        ApiRequest request = ApiRequest.bare("validating a bookmark authkey").withoutToken()
                .param("authkey", authkey.strip()).param("format", "json").param("returnFormat", "json");
        return transport.execute(request, response -> {
            String body = response.body().string().strip();
            if (body.isEmpty() || body.equals("0") || body.equals("\"0\"")) {
                return Optional.empty();
            }
            return Optional.of(JsonMappers.bookmark(JSON.readTree(body)));
        });
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Names the server, never the token. */
    @Override
    public String toString() {
        return "RedcapClient[" + configuration.apiUrl() + "]";
    }

    private RecordExporter exporter() {
        return new RecordExporter(transport, configuration.batchSize(), configuration.interBatchPause());
    }

    private <T> List<T> exportList(String description, String content, Function<JsonNode, T> mapper) {
        return exportJson(description, content, node -> List.copyOf(JsonMappers.list(node, content, mapper)));
    }

    private <T> T exportJson(String description, String content, Function<JsonNode, T> mapper) {
        ApiRequest request = ApiRequest.of(description, content).param("format", "json").param("returnFormat", "json");
        return transport.execute(request, response -> mapJson(description, response, mapper));
    }

    private <T> T mapJson(String description, Response response, Function<JsonNode, T> mapper) throws IOException {
        JsonNode node = JSON.readTree(response.body().byteStream());
        try {
            return mapper.apply(node);
        } catch (IllegalArgumentException e) {
            throw new RedcapInvalidRequestException("REDCap at " + configuration.apiUrl() + " answered " + description
                    + " with data this client cannot read: " + e.getMessage(), response.code(), "", e);
        }
    }

    /** REDCap answers 400 "You cannot export ... for classic projects": no events, arms or mappings. */
    private static <T> List<T> classicIsEmpty(java.util.function.Supplier<List<T>> call) {
        try {
            return call.get();
        } catch (RedcapInvalidRequestException e) {
            if (e.redcapMessage().contains("for classic projects")) {
                return List.of();
            }
            throw e;
        }
    }
}
