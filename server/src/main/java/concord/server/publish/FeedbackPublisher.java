package concord.server.publish;

import concord.analysis.DelphiResult;
import concord.analysis.RoundResult;
import concord.analysis.feedback.FeedbackPdfRenderer;
import concord.analysis.feedback.FeedbackReport;
import concord.connector.FileFieldLocation;
import concord.connector.OverwriteBehavior;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapException;
import concord.connector.RedcapFile;
import concord.connector.RedcapRecord;
import concord.connector.ReturnContent;
import concord.server.load.ParticipantRatings;
import concord.server.publish.internal.FeedbackField;
import concord.server.publish.internal.FeedbackFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Publishes each Delphi participant's personal feedback on the latest answered round into their own record, all or
 * nothing, in two steps:
 * <ol>
 *   <li>{@link #prepare}: find the fields ({@link FeedbackFields}: the file-upload field and the text fields for pipe
 *       values, with their events) and produce every participant's PDF and values in memory. Any problem, in the
 *       project or with one participant, fails here, naming project, record and field, before anything is written;</li>
 *   <li>{@link #publish}: upload each PDF into the participant's file field (the file there before is kept), then import
 *       the values (the text fields' values before are kept). On any failure everything this call wrote is put back
 *       as it was, so participants see the previous feedback or none, never a mix.</li>
 * </ol>
 * A participant's feedback is built from the round's aggregated counts and their own ratings only; participants'
 * answers are never logged.
 */
public final class FeedbackPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(FeedbackPublisher.class);
    private static final int BATCH = 200;

    private final FeedbackPdfRenderer renderer;

    public FeedbackPublisher() {
        this(FeedbackPdfRenderer.withDefaults());
    }

    public FeedbackPublisher(FeedbackPdfRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * Every participant of the latest answered round's feedback, in memory.
     *
     * @throws PublishException naming project, record and field when a field is missing or misfits, or one
     *                          participant's feedback cannot be produced; nothing was written
     */
    public PreparedFeedback prepare(FeedbackRequest request) {
        String project = request.projectId();
        DelphiResult delphi = request.result().delphi().orElseThrow(() -> new PublishException("Project " + project
                + ": feedback.enabled is set, but the study has no rounds; configure rounds: events or round-field, or "
                + "set feedback.enabled to false. Nothing was published.", null));
        RoundResult round = delphi.lastStarted().orElse(null);
        if (round == null) {
            return new PreparedFeedback(project, 0, "", null, List.of(), List.of());
        }
        int k = round.round().number();
        FeedbackFields.Resolution fields = FeedbackFields.resolve(project, request.participants().study(), request.rounds(), k,
                request.fileFieldTemplate(), request.metadata(), request.mappings());
        if (!fields.problems().isEmpty()) {
            throw new PublishException(String.join(" ", fields.problems()) + " Nothing was published.", null);
        }
        int[] groups = new int[fields.values().size()];
        for (int j = 0; j < groups.length; j++) {
            String code = fields.values().get(j).groupCode();
            groups[j] = code == null ? -1 : request.participants().study().groupIndex(code);
        }
        ParticipantRatings participants = request.participants();
        List<PreparedFeedback.Item> items = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            if (participants.round(i) != k) {
                continue;
            }
            String record = participants.recordId(i);
            String field = fields.file().field();
            try {
                FeedbackReport report = FeedbackReport.of(round, participants.participant(i), request.minimumGroupSize());
                byte[] pdf = renderer.render(report, request.context());
                Map<String, String> lines = report.pipeValues(request.context().language());
                String[] values = new String[groups.length];
                for (int j = 0; j < groups.length; j++) {
                    field = fields.values().get(j).field();
                    values[j] = fields.values().get(j).value(report, lines, groups[j]);
                }
                items.add(new PreparedFeedback.Item(record, pdf, values));
            } catch (IOException | RuntimeException e) {
                throw new PublishException("Project " + project + ": the feedback of " + round.round().label() + " for record '"
                        + record + "' (field '" + field + "') could not be produced: " + sentence(e.getMessage())
                        + " Nothing was published: no participant's feedback, no report.", e);
            }
        }
        return new PreparedFeedback(project, k, project + "-round" + k + "-feedback.pdf", fields.file(), fields.values(), items);
    }

    /**
     * Uploads prepared feedback; on failure restores what it replaced.
     *
     * @throws PublishException with REDCap's text, the step, and whether everything was put back
     */
    public FeedbackReceipt publish(PreparedFeedback feedback, RedcapClient client) {
        if (feedback.participants() == 0) {
            return new FeedbackReceipt(feedback.round(), 0, feedback.file() == null ? "" : feedback.file().field(),
                    feedback.file() == null ? "" : feedback.file().event(), List.of());
        }
        String project = feedback.projectId();
        FeedbackFields.FileTarget file = feedback.file();
        List<FeedbackField> fields = feedback.fields();
        String step = "reading the record-ID field";
        List<FileFieldLocation> replaced = new ArrayList<>();
        Map<FileFieldLocation, RedcapFile> previousFiles = new HashMap<>();
        List<List<Map<String, String>>> imported = new ArrayList<>();
        Map<String, Map<String, String>> previousValues = new HashMap<>();
        String idField = null;
        try {
            idField = client.recordIdField();
            if (!fields.isEmpty()) {
                step = "reading the current feedback values of " + names(fields);
                previousValues = currentValues(client, feedback, idField);
            }
            for (PreparedFeedback.Item item : feedback.items()) {
                FileFieldLocation location = FileFieldLocation.of(item.record(), file.field()).withEvent(file.event());
                String where = "field '" + file.field() + "' of record '" + item.record() + "'"
                        + (file.event().isEmpty() ? "" : " (event " + file.event() + ")");
                step = "reading the feedback PDF in " + where;
                RedcapFile previous = FileFieldContent.exportIfPresent(client, location);
                step = "uploading the feedback PDF into " + where;
                client.importFile(location, new RedcapFile(feedback.fileName(), "application/pdf", item.pdf()));
                replaced.add(location);
                previousFiles.put(location, previous);
            }
            List<Map<String, String>> rows = rows(feedback, idField);
            for (int from = 0; from < rows.size(); from += BATCH) {
                List<Map<String, String>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
                step = "importing the feedback values " + names(fields) + " of records '" + batch.get(0).get(idField) + "' to '"
                        + batch.get(batch.size() - 1).get(idField) + "'";
                client.importRecords(batch, OverwriteBehavior.OVERWRITE, ReturnContent.COUNT);
                imported.add(batch);
            }
            LOG.info("Project {}: feedback of round {} published for {} participants into {} and {} value fields", project,
                    feedback.round(), feedback.participants(), file.field(), fields.size());
            return new FeedbackReceipt(feedback.round(), feedback.participants(), file.field(), file.event(),
                    fields.stream().map(FeedbackField::field).toList());
        } catch (RuntimeException e) {
            String undo = undo(client, idField, fields, replaced, previousFiles, imported, previousValues);
            String text = e instanceof RedcapException re && re.redcapMessage() != null && !re.redcapMessage().isBlank()
                    ? re.redcapMessage() : e.getMessage();
            throw new PublishException("Project " + project + ": publishing the feedback of round " + feedback.round()
                    + " failed while " + step + ": " + sentence(text) + " " + undo, e);
        }
    }

    /** One import row per participant and event of the value fields. */
    private static List<Map<String, String>> rows(PreparedFeedback feedback, String idField) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<FeedbackField> fields = feedback.fields();
        for (PreparedFeedback.Item item : feedback.items()) {
            Map<String, Map<String, String>> byEvent = new LinkedHashMap<>();
            for (int j = 0; j < fields.size(); j++) {
                FeedbackField f = fields.get(j);
                byEvent.computeIfAbsent(f.event(), e -> row(idField, item.record(), e)).put(f.field(), item.values()[j]);
            }
            rows.addAll(byEvent.values());
        }
        return rows;
    }

    private static Map<String, String> row(String idField, String record, String event) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put(idField, record);
        if (!event.isEmpty()) {
            row.put(RedcapRecord.EVENT_COLUMN, event);
        }
        return row;
    }

    /** record + event → value field → its value now. */
    private static Map<String, Map<String, String>> currentValues(RedcapClient client, PreparedFeedback feedback, String idField) {
        List<String> names = new ArrayList<>(List.of(idField));
        LinkedHashSet<String> events = new LinkedHashSet<>();
        feedback.fields().forEach(f -> {
            names.add(f.field());
            if (!f.event().isEmpty()) {
                events.add(f.event());
            }
        });
        RecordQuery query = RecordQuery.all().withRecords(feedback.items().stream().map(PreparedFeedback.Item::record).toList())
                .withFields(names);
        if (!events.isEmpty()) {
            query = query.withEvents(List.copyOf(events));
        }
        Map<String, Map<String, String>> values = new HashMap<>();
        client.exportRecords(query, r -> {
            if (r.repeatInstrument().isEmpty()) {
                Map<String, String> v = values.computeIfAbsent(key(r.recordId(), r.eventName()), k -> new HashMap<>());
                feedback.fields().forEach(f -> v.put(f.field(), r.values().getOrDefault(f.field(), "")));
            }
        });
        return values;
    }

    private static String key(String record, String event) {
        return record + '\u001f' + (event == null ? "" : event);
    }

    private static String undo(RedcapClient client, String idField, List<FeedbackField> fields, List<FileFieldLocation> replaced,
                               Map<FileFieldLocation, RedcapFile> previousFiles, List<List<Map<String, String>>> imported,
                               Map<String, Map<String, String>> previousValues) {
        List<String> left = new ArrayList<>();
        for (List<Map<String, String>> batch : imported) {
            List<Map<String, String>> restore = new ArrayList<>();
            for (Map<String, String> row : batch) {
                Map<String, String> back = new LinkedHashMap<>();
                back.put(idField, row.get(idField));
                String event = row.getOrDefault(RedcapRecord.EVENT_COLUMN, "");
                if (!event.isEmpty()) {
                    back.put(RedcapRecord.EVENT_COLUMN, event);
                }
                Map<String, String> before = previousValues.getOrDefault(key(row.get(idField), event), Map.of());
                row.keySet().stream().filter(k -> !k.equals(idField) && !k.equals(RedcapRecord.EVENT_COLUMN))
                        .forEach(k -> back.put(k, before.getOrDefault(k, "")));
                restore.add(back);
            }
            try {
                client.importRecords(restore, OverwriteBehavior.OVERWRITE, ReturnContent.COUNT);
            } catch (RuntimeException e) {
                left.add("the values " + names(fields) + " of records '" + batch.get(0).get(idField) + "' to '"
                        + batch.get(batch.size() - 1).get(idField) + "'");
            }
        }
        for (int i = replaced.size() - 1; i >= 0; i--) {
            FileFieldLocation location = replaced.get(i);
            RedcapFile previous = previousFiles.get(location);
            try {
                if (previous != null) {
                    client.importFile(location, previous);
                } else {
                    client.deleteFile(location);
                }
            } catch (RuntimeException e) {
                left.add("the PDF in field " + location.field() + " of record '" + location.record() + "'");
            }
        }
        if (left.isEmpty()) {
            return replaced.isEmpty() && imported.isEmpty() ? "No participant's feedback was changed."
                    : "Every participant's feedback was put back as it was before this run.";
        }
        LOG.warn("Could not restore {} feedback items after a failed publication", left.size());
        return "Could not put back " + left + ": the next published run replaces them.";
    }

    private static String sentence(String text) {
        return text != null && text.endsWith(".") ? text : text + ".";
    }

    private static List<String> names(List<FeedbackField> fields) {
        return fields.stream().map(FeedbackField::field).toList();
    }
}
