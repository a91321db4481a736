package concord.connector.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Record import ({@code content=record} with {@code data}; REDCap ignores {@code action} here): JSON or CSV flat
 * rows, validated value by value and applied all-or-nothing, answered per {@code returnFormat}
 * ({@link ImportAnswer}). An API import never fires the Data Entry Trigger, as in REDCap.
 */
public final class RecordImporter {
    private static final Set<String> PSEUDO = Set.of("redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
            "redcap_data_access_group");

    private RecordImporter() {
    }

    public static Reply importRecords(Call call) {
        call.requireImport();
        Params p = call.params();
        String data = p.get("data");
        if (data == null || data.isBlank()) {
            throw ApiException.badRequest("No data was provided");
        }
        if (!p.lower("type", "flat").equals("flat")) {
            throw ApiException.badRequest("The sandbox imports records only as type=flat");
        }
        List<Map<String, String>> rows = switch (call.format()) {
            case "json" -> json(data);
            case "csv" -> csv(data);
            default -> throw ApiException.badRequest("The sandbox imports records as format=json or format=csv");
        };
        convertDates(call.project().dictionary(), rows, p.get("dateFormat", "YMD"));
        boolean overwrite = p.lower("overwriteBehavior", "normal").equals("overwrite");
        boolean autoNumber = p.bool("forceAutoNumber");
        ProjectData project = call.project();
        Dictionary d = project.dictionary();
        Set<String> unknown = new LinkedHashSet<>();
        rows.forEach(r -> r.keySet().stream().filter(k -> d.index(k) < 0 && !PSEUDO.contains(k)).forEach(unknown::add));
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("The following fields were not found in the project as real data fields: " + String.join(", ", unknown));
        }
        project.lock().writeLock().lock();
        try {
            List<String> errors = validate(call, rows);
            if (!errors.isEmpty()) {
                throw ApiException.badRequest(String.join("\n", errors));
            }
            Map<String, String> ids = new LinkedHashMap<>();
            Set<String> created = new java.util.HashSet<>();
            Map<String, List<String>> changes = new LinkedHashMap<>();
            int next = autoNumber ? nextRecordId(project) : 0;
            for (Map<String, String> row : rows) {
                String given = row.get(d.recordIdName());
                String id = autoNumber ? ids.computeIfAbsent(given, g -> "") : given;
                if (autoNumber && id.isEmpty()) {
                    id = String.valueOf(next++);
                    ids.put(given, id);
                } else if (!autoNumber) {
                    ids.put(id, id);
                }
                if (!project.records().containsKey(id)) {
                    created.add(id);
                }
                apply(call, row, id, overwrite);
                List<String> changed = changes.computeIfAbsent(id, k -> new ArrayList<>());
                row.forEach((field, value) -> {
                    if (d.index(field) > 0 && !value.isEmpty()) {
                        changed.add(field + " = '" + value + "'");
                    }
                });
            }
            changes.forEach((saved, changed) -> project.log().add(call.username(),
                    (created.contains(saved) ? "Create record (import) " : "Update record (import) ") + saved, String.join(", ", changed), saved,
                    project.records().get(saved).dag()));
            return ImportAnswer.of(call.returnFormat(), p.lower("returnContent", "count"), autoNumber, ids);
        } finally {
            project.lock().writeLock().unlock();
        }
    }

    private static List<String> validate(Call call, List<Map<String, String>> rows) {
        ProjectData project = call.project();
        Dictionary d = project.dictionary();
        List<String> errors = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String id = row.getOrDefault(d.recordIdName(), "");
            if (id.isBlank()) {
                errors.add(line("", d.recordIdName(), "", "The record ID is missing: every row needs a value in " + d.recordIdName()));
                continue;
            }
            String event = row.get("redcap_event_name");
            if (project.isLongitudinal() && (event == null || project.event(event) == null)) {
                errors.add(line(id, "redcap_event_name", event == null ? "" : event, "The value is not a valid unique event name"));
                continue;
            }
            RecordEntry existing = project.records().get(id);
            String dag = row.get("redcap_data_access_group");
            if (call.userDag() != null && existing != null && !call.userDag().equals(existing.dag())) {
                errors.add(line(id, d.recordIdName(), id, "The record belongs to a different data access group, so you cannot modify it"));
            }
            if (dag != null && !dag.isEmpty() && (project.dag(dag) == null || call.userDag() != null && !call.userDag().equals(dag))) {
                errors.add(line(id, "redcap_data_access_group", dag, "The value is not a valid data access group you may assign"));
            }
            int before = errors.size();
            RepeatRowRules.check(project, id, event, row, errors);
            if (errors.size() > before) {
                continue;
            }
            for (Map.Entry<String, String> e : row.entrySet()) {
                int index = d.index(e.getKey());
                if (index <= 0 || e.getValue().isEmpty()) {
                    continue;
                }
                String form = d.formOf(e.getKey());
                if (project.isLongitudinal() && !project.formInEvent(form, event)) {
                    EventDef ev = project.event(event);
                    errors.add(line(id, e.getKey(), e.getValue(), "This field ('" + e.getKey() + "') exists on an instrument that is not designated for the event named '"
                            + ev.eventName() + "'. You are not allowed to import data for this field into this event."));
                    continue;
                }
                String message = ValueValidator.check(d, e.getKey(), e.getValue());
                if (message != null) {
                    errors.add(line(id, e.getKey(), e.getValue(), message));
                }
            }
        }
        return errors;
    }

    private static void apply(Call call, Map<String, String> row, String id, boolean overwrite) {
        ProjectData project = call.project();
        Dictionary d = project.dictionary();
        boolean isNew = !project.records().containsKey(id);
        RecordEntry entry = project.recordOrCreate(id);
        if (isNew && call.userDag() != null) {
            entry.setDag(call.userDag());
        }
        String dag = row.get("redcap_data_access_group");
        if (dag != null && call.userDag() == null) {
            entry.setDag(dag.isEmpty() && !overwrite ? entry.dag() : dag);
        }
        String event = project.isLongitudinal() ? row.get("redcap_event_name") : null;
        String instrument = row.getOrDefault("redcap_repeat_instrument", "").trim();
        String instanceText = row.getOrDefault("redcap_repeat_instance", "").trim();
        int instance;
        if (instanceText.equalsIgnoreCase("new")) {
            instance = entry.maxInstance(event, instrument) + 1;
        } else {
            instance = instanceText.isEmpty() ? (instrument.isEmpty() && !project.isRepeatingEvent(event) ? 0 : 1) : Integer.parseInt(instanceText);
        }
        RecordRow target = project.rowForSave(entry, event, instrument, instance);
        Set<String> touchedForms = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : row.entrySet()) {
            int index = d.index(e.getKey());
            if (index <= 0 || e.getValue().isEmpty() && !overwrite) {
                continue;
            }
            target.set(index, e.getValue());
            touchedForms.add(d.formOf(e.getKey()));
        }
        fillDefaults(d, target, touchedForms);
        entry.touch(project.now());
    }

    /** A form that received data gets status 0 and unchecked boxes 0, as a REDCap save does. */
    static void fillDefaults(Dictionary d, RecordRow row, Set<String> forms) {
        for (String form : forms) {
            for (String column : d.formColumns(form)) {
                int i = d.index(column);
                FieldDef f = d.fieldOf(column);
                if (row.isBlank(i) && (f == null || f.isCheckbox())) {
                    row.set(i, "0");
                }
            }
        }
    }

    private static int nextRecordId(ProjectData project) {
        int max = 0;
        for (String id : project.records().keySet()) {
            if (id.matches("\\d{1,9}")) {
                max = Math.max(max, Integer.parseInt(id));
            }
        }
        return max + 1;
    }

    static String line(String record, String field, String value, String message) {
        StringBuilder sb = new StringBuilder();
        for (String cell : List.of(record, field, value, message)) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern SLASHED = java.util.regex.Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})(.*)$");

    /**
     * {@code dateFormat=MDY} or {@code DMY}: dates and datetimes sent as {@code 12/31/2016} or {@code 31/12/2016}
     * become REDCap's stored {@code 2016-12-31} before validation (REDCap's default is YMD).
     */
    static void convertDates(Dictionary d, List<Map<String, String>> rows, String dateFormat) {
        boolean mdy = dateFormat.equals("MDY");
        if (!mdy && !dateFormat.equals("DMY")) {
            return;
        }
        for (Map<String, String> row : rows) {
            row.replaceAll((field, value) -> {
                FieldDef f = d.field(field);
                java.util.regex.Matcher m = SLASHED.matcher(value.trim());
                if (f == null || !f.validation().startsWith("date") || !m.matches()) {
                    return value;
                }
                String month = mdy ? m.group(1) : m.group(2);
                String day = mdy ? m.group(2) : m.group(1);
                return m.group(3) + "-" + (month.length() == 1 ? "0" : "") + month + "-" + (day.length() == 1 ? "0" : "") + day + m.group(4);
            });
        }
    }

    private static List<Map<String, String>> json(String data) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(data);
        } catch (Exception e) {
            // REDCap's RestUtility words it so (PHP's json_last_error_msg() in the middle).
            throw ApiException.badRequest("The data being imported is not formatted correctly. PHP error from JSON decoder: Syntax error. "
                    + "The JSON must be in an array, as in [{ ... }].");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (root == null || !root.isArray()) {
            return rows;
        }
        for (JsonNode item : root) {
            Map<String, String> row = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                row.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, String>> csv(String data) {
        List<List<String>> table;
        try {
            table = CsvRows.parse(data);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (table.isEmpty()) {
            return rows;
        }
        List<String> header = table.get(0);
        for (List<String> cells : table.subList(1, table.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i).trim(), i < cells.size() ? cells.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
