package concord.connector.sandbox.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** {@code content=record&action=export}, flat type: REDCap's columns, filters, raw/label values and DAG limits. */
public final class RecordExporter {
    static final String OUT_OF_MEMORY = "REDCap ran out of server memory. The request cannot be processed. "
            + "Please try importing/exporting a smaller amount of data.";
    private static final DateTimeFormatter RANGE = DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm[:ss]]");

    private RecordExporter() {
    }

    public static Reply export(Call call, FaultInjector faults) {
        call.requireExport();
        Params p = call.params();
        if (!p.lower("type", "flat").equals("flat")) {
            throw ApiException.badRequest("The sandbox exports records only as type=flat");
        }
        ProjectData project = call.project();
        Dictionary d = project.dictionary();
        List<String> fields = p.list("fields");
        List<String> forms = p.list("forms");
        List<String> events = p.list("events");
        invalid("fields", fields.stream().filter(f -> d.field(f) == null && d.index(f) < 0).toList());
        invalid("forms", forms.stream().filter(f -> !d.hasForm(f)).toList());
        invalid("events", events.stream().filter(e -> project.event(e) == null).toList());
        Set<Integer> selected = selectedColumns(d, fields, forms);
        boolean label = p.lower("rawOrLabel", "raw").equals("label");
        ValueLabels labels = new ValueLabels(project, label, p.bool("exportCheckboxLabel"), p.bool("exportBlankForGrayFormStatus"));
        List<Column> plan = plan(project, selected, selected.contains(0), p.bool("exportDataAccessGroups") && call.userDag() == null,
                p.bool("exportSurveyFields"));
        List<String> recordIds = p.list("records");
        RowFilter rows = new RowFilter(call, selected, new HashSet<>(events), filter(p.get("filterLogic"), d),
                instant(p.get("dateRangeBegin"), "dateRangeBegin"), instant(p.get("dateRangeEnd"), "dateRangeEnd"),
                new HashSet<>(recordIds));

        List<String> names = plan.stream().map(Column::name).toList();
        Column[] columns = plan.toArray(new Column[0]);
        // Listing record IDs is cheap in REDCap too; clients do it before batching, so it never runs out of memory.
        int limit = selected.equals(Set.of(0)) ? 0 : faults.plan().outOfMemoryAboveRecords();
        Table table;
        project.lock().readLock().lock();
        try {
            table = new Table(names, recordIds.isEmpty() ? project.records().size() : recordIds.size());
            int recordCount = 0;
            // A record in several arms is, in REDCap, one record per arm: exports list arm by arm.
            List<Integer> arms = project.arms().size() > 1 ? project.arms().stream().map(ArmDef::armNum).toList() : List.of(0);
            Collection<RecordEntry> candidates = recordIds.isEmpty() ? project.records().values() : project.recordsNamed(recordIds);
            for (int arm : arms) {
                for (RecordEntry r : candidates) {
                    List<RecordRow> kept = rows.rowsOf(r, arm);
                    if (kept.isEmpty() || faults.dropRecord()) {
                        continue;
                    }
                    if (limit > 0 && ++recordCount > limit) {
                        throw new ApiException(500, OUT_OF_MEMORY);
                    }
                    for (RecordRow row : kept) {
                        Object[] cells = new Object[columns.length];
                        for (int i = 0; i < cells.length; i++) {
                            cells[i] = columns[i].cell(r, row, labels);
                        }
                        table.add(cells);
                    }
                }
            }
        } finally {
            project.lock().readLock().unlock();
        }
        if (call.format().equals("csv")) {
            boolean labelHeaders = p.lower("rawOrLabelHeaders", "raw").equals("label");
            return Reply.csv(table.csv(labelHeaders ? plan.stream().map(c -> c.header(project)).toList() : names, delimiter(p)));
        }
        return table.reply(call.format());
    }

    /** REDCap's {@code csvDelimiter} choices; anything else (or nothing) is a comma, as in REDCap. */
    private static char delimiter(Params p) {
        return switch (p.get("csvDelimiter", ",")) {
            case "tab", "TAB", "\t" -> '\t';
            case ";" -> ';';
            case "|" -> '|';
            case "^" -> '^';
            default -> ',';
        };
    }

    private static void invalid(String parameter, List<String> bad) {
        if (!bad.isEmpty()) {
            throw ApiException.badRequest("The following values in the parameter \"" + parameter + "\" are not valid: '"
                    + String.join("', '", bad) + "'");
        }
    }

    /** Which records and rows an export request keeps: records, DAG, date range, events, selected data, filter logic. */
    private record RowFilter(Call call, int[] selected, Set<String> events, Predicate<Function<String, String>> logic,
                             Instant begin, Instant end, Set<String> records, Comparator<RecordRow> order) {

        RowFilter(Call call, Set<Integer> selected, Set<String> events, Predicate<Function<String, String>> logic,
                  Instant begin, Instant end, Set<String> records) {
            this(call, selected.stream().mapToInt(Integer::intValue).sorted().toArray(), events, logic, begin, end, records,
                    rowOrder(call.project()));
        }

        List<RecordRow> rowsOf(RecordEntry r, int arm) {
            ProjectData project = call.project();
            if (!records.isEmpty() && !records.contains(r.id()) || call.userDag() != null && !call.userDag().equals(r.dag())
                    || begin != null && r.modified().isBefore(begin) || end != null && r.modified().isAfter(end)) {
                return List.of();
            }
            List<RecordRow> kept = new ArrayList<>();
            for (RecordRow row : r.rows()) {
                EventDef event = row.event() == null ? null : project.event(row.event());
                if (arm != 0 && (event == null || event.armNum() != arm)
                        || !events.isEmpty() && !events.contains(row.event()) || !hasSelectedData(project, row, selected)
                        || logic != null && !logic.test(column -> lookup(project, r, row, column))) {
                    continue;
                }
                kept.add(row);
            }
            if (kept.size() > 1) {
                kept.sort(order);
            }
            return kept;
        }
    }

    /**
     * The raw value filter logic sees: the row's own value as exported (unchecked boxes 0), falling back to the
     * base row of the same event for fields not on a repeating row.
     */
    private static String lookup(ProjectData project, RecordEntry r, RecordRow row, String column) {
        int index = project.dictionary().index(column);
        ValueLabels raw = new ValueLabels(project, false, false, false);
        String v = raw.value(index, row.get(index), row).toString();
        if (v.isEmpty() && row.isRepeat()) {
            RecordRow base = r.row(row.event(), "", 0);
            if (base != null) {
                v = raw.value(index, base.get(index), base).toString();
            }
        }
        return v;
    }

    private static Set<Integer> selectedColumns(Dictionary d, List<String> fields, List<String> forms) {
        Set<Integer> out = new HashSet<>();
        if (fields.isEmpty() && forms.isEmpty()) {
            for (int i = 0; i < d.columns().size(); i++) {
                out.add(i);
            }
            return out;
        }
        for (String f : fields) {
            FieldDef def = d.field(f);
            if (def != null) {
                def.exportNames().forEach(c -> out.add(d.index(c)));
            } else {
                out.add(d.index(f));
            }
        }
        for (String form : forms) {
            d.formColumns(form).forEach(c -> out.add(d.index(c)));
        }
        return out;
    }

    private static List<Column> plan(ProjectData project, Set<Integer> selected, boolean withId, boolean withDag, boolean withSurvey) {
        Dictionary d = project.dictionary();
        List<Column> plan = new ArrayList<>();
        if (withId) {
            plan.add(Column.data(d.recordIdName(), 0));
            if (project.isLongitudinal()) {
                plan.add(Column.special("redcap_event_name"));
            }
            if (project.hasRepeating()) {
                plan.add(Column.special("redcap_repeat_instrument"));
                plan.add(Column.special("redcap_repeat_instance"));
            }
        }
        if (withDag) {
            plan.add(Column.special("redcap_data_access_group"));
        }
        if (withSurvey && withId) {
            plan.add(Column.special("redcap_survey_identifier"));
        }
        for (String form : d.formNames()) {
            boolean stamped = !withSurvey || !project.surveyForms().contains(form);
            for (String column : d.formColumns(form)) {
                int index = d.index(column);
                if (index == 0) {
                    continue;
                }
                if (!stamped && selected.contains(index)) {
                    plan.add(Column.extra(form + "_timestamp"));
                    stamped = true;
                }
                if (selected.contains(index)) {
                    plan.add(Column.data(column, index));
                }
            }
        }
        return plan;
    }

    private static boolean hasSelectedData(ProjectData project, RecordRow row, int[] selected) {
        Dictionary d = project.dictionary();
        for (int i : selected) {
            if (i != 0 && !row.isBlank(i)) {
                return true;
            }
        }
        if (row.isRepeat()) {
            return false;
        }
        for (int i : selected) {
            String form = d.formOf(d.columns().get(i));
            if (i != 0 && project.formInEvent(form, row.event())) {
                return true;
            }
        }
        return selected.length == 1 && selected[0] == 0;
    }

    private static Comparator<RecordRow> rowOrder(ProjectData project) {
        List<String> forms = List.copyOf(project.dictionary().formNames());
        return Comparator.<RecordRow>comparingInt(r -> r.event() == null ? 0 : project.eventOrder(r.event()))
                .thenComparingInt(r -> r.repeatInstrument().isEmpty() ? -1 : forms.indexOf(r.repeatInstrument()))
                .thenComparingInt(RecordRow::instance);
    }

    private static Predicate<Function<String, String>> filter(String logic, Dictionary d) {
        if (logic == null || logic.isBlank()) {
            return null;
        }
        return FilterLogic.parse(logic, ref -> {
            int paren = ref.indexOf('(');
            String column = paren < 0 ? ref : FieldDef.checkboxColumn(ref.substring(0, paren), ref.substring(paren + 1, ref.length() - 1));
            return d.index(column) < 0 ? null : column;
        });
    }

    private static Instant instant(String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var parsed = RANGE.parseBest(text.trim(), LocalDateTime::from, java.time.LocalDate::from);
            LocalDateTime t = parsed instanceof LocalDateTime ldt ? ldt : ((java.time.LocalDate) parsed).atStartOfDay();
            return t.toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("The value of the parameter \"" + name + "\" is not a valid date: use YYYY-MM-DD HH:MM:SS");
        }
    }
}
