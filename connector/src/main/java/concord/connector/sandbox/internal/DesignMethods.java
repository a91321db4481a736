package concord.connector.sandbox.internal;

import concord.connector.sandbox.SandboxUser;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exports of the project's design: project info, metadata, instruments, field names, events, arms, DAGs, users. */
public final class DesignMethods {
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private DesignMethods() {
    }

    public static Reply project(Call call) {
        ProjectData p = call.project();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("project_id", p.projectId());
        info.put("project_title", p.title());
        info.put("creation_time", STAMP.format(p.created()));
        info.put("production_time", "");
        info.put("in_production", 0);
        info.put("project_language", "English");
        info.put("purpose", 4);
        info.put("purpose_other", "");
        info.put("project_notes", "");
        info.put("custom_record_label", "");
        info.put("secondary_unique_field", "");
        info.put("is_longitudinal", p.isLongitudinal() ? 1 : 0);
        info.put("has_repeating_instruments_or_events", p.hasRepeating() ? 1 : 0);
        info.put("surveys_enabled", p.surveyForms().isEmpty() ? 0 : 1);
        info.put("scheduling_enabled", 0);
        info.put("record_autonumbering_enabled", 0);
        info.put("randomization_enabled", 0);
        info.put("ddp_enabled", 0);
        info.put("project_irb_number", "");
        info.put("project_grant_number", "");
        info.put("project_pi_firstname", "");
        info.put("project_pi_lastname", "");
        info.put("display_today_now_button", 1);
        info.put("bypass_branching_erase_field_prompt", 0);
        if (call.format().equals("json")) {
            return Reply.json(Json.write(info));
        }
        Table t = new Table(new ArrayList<>(info.keySet()));
        t.add(info.values().stream().map(String::valueOf).toArray());
        return t.reply(call.format());
    }

    public static Reply metadata(Call call) {
        Dictionary d = call.project().dictionary();
        List<String> fields = call.params().list("fields");
        List<String> forms = call.params().list("forms");
        checkFields(d, fields);
        checkForms(d, forms);
        Table t = new Table(FieldDef.COLUMNS);
        for (FieldDef f : d.fields()) {
            boolean all = fields.isEmpty() && forms.isEmpty();
            if (all || fields.contains(f.fieldName()) || forms.contains(f.formName())) {
                t.add(f.cells().toArray());
            }
        }
        return t.reply(call.format());
    }

    static void checkFields(Dictionary d, List<String> fields) {
        List<String> bad = fields.stream().filter(f -> d.field(f) == null).toList();
        if (!bad.isEmpty()) {
            throw ApiException.badRequest("The following values in the parameter \"fields\" are not valid: '" + String.join("', '", bad) + "'");
        }
    }

    static void checkForms(Dictionary d, List<String> forms) {
        List<String> bad = forms.stream().filter(f -> !d.hasForm(f)).toList();
        if (!bad.isEmpty()) {
            throw ApiException.badRequest("The following values in the parameter \"forms\" are not valid: '" + String.join("', '", bad) + "'");
        }
    }

    public static Reply instruments(Call call) {
        Table t = new Table(List.of("instrument_name", "instrument_label"));
        call.project().dictionary().forms().forEach(f -> t.add(f.name(), f.label()));
        return t.reply(call.format());
    }

    public static Reply exportFieldNames(Call call) {
        Dictionary d = call.project().dictionary();
        String only = call.params().get("field");
        if (only != null && !only.isEmpty() && d.field(only) == null && !d.isCompleteColumn(only)) {
            throw ApiException.badRequest("The field '" + only + "' does not exist in the project");
        }
        Table t = new Table(List.of("original_field_name", "choice_value", "export_field_name"));
        for (String form : d.formNames()) {
            for (FieldDef f : d.fields()) {
                if (!f.formName().equals(form) || !f.hasData() || f.fieldType().equals("calc") || f.fieldType().equals("file")
                        || only != null && !only.isEmpty() && !only.equals(f.fieldName())) {
                    continue;
                }
                if (f.isCheckbox()) {
                    f.choiceList().forEach(c -> t.add(f.fieldName(), c.code(), FieldDef.checkboxColumn(f.fieldName(), c.code())));
                } else {
                    t.add(f.fieldName(), "", f.fieldName());
                }
            }
            String complete = form + "_complete";
            if (only == null || only.isEmpty() || only.equals(complete)) {
                t.add(complete, "", complete);
            }
        }
        return t.reply(call.format());
    }

    private static void requireLongitudinal(Call call, String what) {
        if (!call.project().isLongitudinal()) {
            throw ApiException.badRequest("You cannot export " + what + " for classic projects");
        }
    }

    public static Reply events(Call call) {
        requireLongitudinal(call, "events");
        List<String> arms = call.params().list("arms");
        Table t = new Table(List.of("event_name", "arm_num", "unique_event_name", "custom_event_label", "event_id", "day_offset",
                "offset_min", "offset_max"));
        for (EventDef e : call.project().events()) {
            if (arms.isEmpty() || arms.contains(String.valueOf(e.armNum()))) {
                t.add(e.eventName(), e.armNum(), e.uniqueEventName(), e.customEventLabel(), e.eventId(), e.dayOffset(), e.offsetMin(),
                        e.offsetMax());
            }
        }
        return t.reply(call.format());
    }

    public static Reply arms(Call call) {
        requireLongitudinal(call, "arms");
        List<String> arms = call.params().list("arms");
        Table t = new Table(List.of("arm_num", "name"));
        call.project().arms().stream().filter(a -> arms.isEmpty() || arms.contains(String.valueOf(a.armNum())))
                .forEach(a -> t.add(a.armNum(), a.name()));
        return t.reply(call.format());
    }

    public static Reply formEventMapping(Call call) {
        requireLongitudinal(call, "form/event mappings");
        List<String> arms = call.params().list("arms");
        Table t = new Table(List.of("arm_num", "unique_event_name", "form"));
        for (EventDef e : call.project().events()) {
            if (arms.isEmpty() || arms.contains(String.valueOf(e.armNum()))) {
                call.project().formEventMapping().getOrDefault(e.uniqueEventName(), List.of())
                        .forEach(form -> t.add(e.armNum(), e.uniqueEventName(), form));
            }
        }
        return t.reply(call.format());
    }

    public static Reply repeatingFormsEvents(Call call) {
        ProjectData p = call.project();
        Table t = p.isLongitudinal() ? new Table(List.of("event_name", "form_name", "custom_form_label"))
                : new Table(List.of("form_name", "custom_form_label"));
        for (RepeatSetting r : p.repeating()) {
            if (p.isLongitudinal()) {
                t.add(r.event(), r.form(), r.customLabel());
            } else {
                t.add(r.form(), r.customLabel());
            }
        }
        return t.reply(call.format());
    }

    public static Reply dags(Call call) {
        Table t = new Table(List.of("data_access_group_name", "unique_group_name", "data_access_group_id"));
        call.project().dags().forEach(d -> t.add(d.label(), d.uniqueName(), d.id()));
        return t.reply(call.format());
    }

    /** The project's users: everyone holding a token for it, with rights as JSON numbers. */
    public static Reply users(Call call) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SandboxUser u : call.state().users(call.project())) {
            rows.add(userRow(call, u));
        }
        if (call.format().equals("json")) {
            return Reply.json(Json.write(rows));
        }
        Table t = new Table(new ArrayList<>(rows.get(0).keySet()));
        for (Map<String, Object> row : rows) {
            Object forms = row.get("forms");
            row.put("forms", String.join(",", ((Map<?, ?>) forms).keySet().stream().map(f -> f + ":1").toList()));
            t.add(row.values().stream().map(String::valueOf).toArray());
        }
        return t.reply(call.format());
    }

    private static Map<String, Object> userRow(Call call, SandboxUser u) {
        DagDef dag = u.dataAccessGroup() == null ? null : call.project().dag(u.dataAccessGroup());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("username", u.username());
        row.put("email", u.username() + "@example.org");
        row.put("firstname", "");
        row.put("lastname", "");
        row.put("expiration", "");
        row.put("data_access_group", dag == null ? "" : dag.uniqueName());
        row.put("data_access_group_id", dag == null ? "" : String.valueOf(dag.id()));
        row.put("data_access_group_label", dag == null ? "" : dag.label());
        row.put("design", 0);
        row.put("user_rights", 0);
        row.put("data_access_groups", 0);
        row.put("reports", 1);
        row.put("file_repository", u.fileRepository() ? 1 : 0);
        row.put("api_export", u.apiExport() ? 1 : 0);
        row.put("api_import", u.apiImport() ? 1 : 0);
        row.put("record_create", u.apiImport() ? 1 : 0);
        row.put("record_rename", 0);
        row.put("record_delete", u.recordDelete() ? 1 : 0);
        Map<String, Integer> forms = new LinkedHashMap<>();
        call.project().dictionary().forms().forEach(f -> forms.put(f.name(), 1));
        row.put("forms", forms);
        return row;
    }
}
