package concord.connector.internal;

import concord.connector.ExportSummary;
import concord.connector.IncompleteExportException;
import concord.connector.RecordQuery;
import concord.connector.RecordRowSink;
import concord.connector.RedcapException;
import concord.connector.RedcapRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports records the way REDCapR's {@code redcap_read()} does: first the record IDs alone (same
 * filters), then the records in batches named by a comma list of IDs, checking that every listed
 * ID came back. A batch is parsed into memory (at most {@code batchSize} records), checked, and
 * only then handed on, so a retried batch never delivers a row twice and a short batch delivers
 * nothing. Memory therefore grows with the batch size, never with the project.
 */
public final class RecordExporter {

    private static final Logger LOG = LoggerFactory.getLogger(RecordExporter.class);
    private static final int MISSING_IDS_SHOWN = 20;

    private final ApiTransport transport;
    private final int batchSize;
    private final Duration interBatchPause;
    private long lastRequestStart;

    public RecordExporter(ApiTransport transport, int batchSize, Duration interBatchPause) {
        this.transport = transport;
        this.batchSize = batchSize;
        this.interBatchPause = interBatchPause;
    }

    /** The distinct record IDs the query selects, in REDCap's order. */
    public List<String> recordIds(RecordQuery query, String recordIdField) {
        Set<String> ids = new LinkedHashSet<>();
        ApiRequest request = recordRequest("exporting record IDs", query, recordIdField)
                .list("fields", List.of(recordIdField))
                .list("records", query.records());
        paced();
        JsonRecordStream stream = new JsonRecordStream(recordIdField);
        transport.execute(request, response -> {
            ids.clear(); // a retried attempt starts over
            return stream.read(response.body().byteStream(), r -> ids.add(r.recordId()));
        });
        return new ArrayList<>(ids);
    }

    /**
     * The records as bytes: each batch's answer is read into one reused buffer, indexed and checked by
     * {@link JsonRows} (or, for an answer that is not a plain flat export, read by {@link JsonRecordStream} as
     * {@link #export} does), its record IDs checked as {@link #export} checks them, and only then handed on.
     */
    public ExportSummary exportRows(RecordQuery query, String recordIdField, RecordRowSink sink) {
        long start = System.nanoTime();
        int requestsBefore = transport.requestCount();
        List<String> ids = recordIds(query, recordIdField);
        int batches = (ids.size() + batchSize - 1) / batchSize;
        long rows = 0;
        long records = 0;
        BatchRows batch = new BatchRows(recordIdField);
        RecordRows fallback = new RecordRows(recordIdField, sink);
        for (int b = 0; b < batches; b++) {
            List<String> batchIds = ids.subList(b * batchSize, Math.min(ids.size(), (b + 1) * batchSize));
            String description = description(b + 1, batches, batchIds.size());
            paced();
            transport.execute(batchRequest(description, query, recordIdField, batchIds), batch::read);
            rows += batch.checkAndDeliver(batchIds, b + 1, batches, sink, fallback);
            records += batchIds.size();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Exported {} records ({} rows) in {} batches, {} requests, {} ms", records, rows, batches,
                transport.requestCount() - requestsBefore, elapsed.toMillis());
        return new ExportSummary(records, rows, batches, transport.requestCount() - requestsBefore, elapsed);
    }

    public ExportSummary export(RecordQuery query, String recordIdField, Consumer<RedcapRecord> sink) {
        long start = System.nanoTime();
        int requestsBefore = transport.requestCount();
        List<String> ids = recordIds(query, recordIdField);
        int batches = (ids.size() + batchSize - 1) / batchSize;
        long rows = 0;
        long records = 0;
        JsonRecordStream stream = new JsonRecordStream(recordIdField);
        for (int b = 0; b < batches; b++) {
            List<String> batchIds = ids.subList(b * batchSize, Math.min(ids.size(), (b + 1) * batchSize));
            List<RedcapRecord> batch = fetchBatch(stream, query, recordIdField, batchIds, b + 1, batches);
            for (RedcapRecord r : batch) {
                sink.accept(r);
            }
            rows += batch.size();
            records += batchIds.size();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        LOG.info("Exported {} records ({} rows) in {} batches, {} requests, {} ms", records, rows, batches,
                transport.requestCount() - requestsBefore, elapsed.toMillis());
        return new ExportSummary(records, rows, batches, transport.requestCount() - requestsBefore, elapsed);
    }

    private List<RedcapRecord> fetchBatch(JsonRecordStream stream, RecordQuery query, String recordIdField,
                                          List<String> batchIds, int batch, int batches) {
        ApiRequest request = batchRequest(description(batch, batches, batchIds.size()), query, recordIdField, batchIds);
        paced();
        List<RedcapRecord> rows = new ArrayList<>();
        transport.execute(request, response -> {
            rows.clear(); // a retried attempt starts over
            return stream.read(response.body().byteStream(), rows::add);
        });
        Set<String> wanted = new HashSet<>(batchIds);
        Set<String> seen = new HashSet<>();
        for (RedcapRecord r : rows) {
            if (!wanted.contains(r.recordId())) {
                throw foreign(r.recordId(), batch, batches);
            }
            seen.add(r.recordId());
        }
        if (seen.size() < wanted.size()) {
            throw incomplete(batchIds.stream().filter(id -> !seen.contains(id)).toList(), batchIds.size(), batch, batches);
        }
        return rows;
    }

    static RedcapException foreign(String recordId, int batch, int batches) {
        return new RedcapException("REDCap returned record '" + recordId + "' in batch " + batch + " of "
                + batches + " although it was not requested. The export was stopped so no foreign data gets "
                + "mixed in; run it again, and report it to the REDCap administrator if it repeats.", 200, "", null);
    }

    static IncompleteExportException incomplete(List<String> missing, int listed, int batch, int batches) {
        List<String> shown = missing.subList(0, Math.min(missing.size(), MISSING_IDS_SHOWN));
        return new IncompleteExportException("REDCap listed " + listed + " records for batch " + batch
                + " of " + batches + " but did not return " + missing.size() + " of them: " + shown
                + (missing.size() > shown.size() ? " and " + (missing.size() - shown.size()) + " more" : "")
                + ". Records deleted, renamed or moved out of the token's data access group during the export "
                + "cause this; otherwise REDCap dropped rows (lower batchSize). Nothing of this batch was used: "
                + "run the export again.", missing, batch);
    }

    private static String description(int batch, int batches, int records) {
        return "exporting records (batch " + batch + " of " + batches + ", " + records + " records)";
    }

    private ApiRequest batchRequest(String description, RecordQuery query, String recordIdField, List<String> batchIds) {
        return recordRequest(description, query, recordIdField)
                .list("fields", fieldsWithRecordId(query, recordIdField))
                .list("forms", query.forms())
                .list("records", batchIds)
                .param("exportSurveyFields", Boolean.toString(query.surveyFields()))
                .param("exportDataAccessGroups", Boolean.toString(query.dataAccessGroups()));
    }

    private ApiRequest recordRequest(String description, RecordQuery query, String recordIdField) {
        return ApiRequest.of(description, "record")
                .param("action", "export")
                .param("format", "json")
                .param("type", "flat")
                .param("rawOrLabel", "raw")
                .param("rawOrLabelHeaders", "raw")
                .param("exportCheckboxLabel", "false")
                .param("returnFormat", "json")
                .list("events", query.events())
                .optional("filterLogic", query.filterLogic())
                .optional("dateRangeBegin", query.dateRangeBegin())
                .optional("dateRangeEnd", query.dateRangeEnd());
    }

    /** REDCap leaves the record-ID column out when fields or forms are named without it. */
    static List<String> fieldsWithRecordId(RecordQuery query, String recordIdField) {
        if (query.fields().isEmpty() && query.forms().isEmpty()) {
            return List.of();
        }
        List<String> fields = new ArrayList<>();
        fields.add(recordIdField);
        query.fields().stream().filter(f -> !f.equals(recordIdField)).forEach(fields::add);
        return fields;
    }

    /** Keeps consecutive export requests at least {@code interBatchPause} apart (start to start). */
    private void paced() {
        long now = System.nanoTime();
        if (lastRequestStart != 0) {
            long wait = interBatchPause.toNanos() - (now - lastRequestStart);
            if (wait > 0) {
                transport.pause(Duration.ofNanos(wait));
            }
        }
        lastRequestStart = System.nanoTime();
    }
}
