package concord.connector.sandbox.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns raw values into what {@code rawOrLabel=label} exports: choice labels, Checked/Unchecked, event labels. */
final class ValueLabels {
    private static final List<String> STATUS = List.of("Incomplete", "Unverified", "Complete");
    private final ProjectData project;
    private final boolean label;
    private final boolean checkboxLabel;
    private final Map<Integer, Map<String, String>> choiceLabels = new HashMap<>();
    private final Map<Integer, String> checkboxOption = new HashMap<>();

    private final boolean blankForGray;

    ValueLabels(ProjectData project, boolean label, boolean checkboxLabel, boolean blankForGray) {
        this.project = project;
        this.blankForGray = blankForGray;
        this.label = label;
        this.checkboxLabel = checkboxLabel;
        if (!label) {
            return;
        }
        Dictionary d = project.dictionary();
        for (FieldDef f : d.fields()) {
            if (!f.hasChoiceCodes()) {
                continue;
            }
            if (f.isCheckbox()) {
                f.choiceList().forEach(c -> checkboxOption.put(d.index(FieldDef.checkboxColumn(f.fieldName(), c.code())), c.label()));
            } else {
                Map<String, String> m = new HashMap<>();
                f.choiceList().forEach(c -> m.put(c.code(), c.label()));
                choiceLabels.put(d.index(f.fieldName()), m);
            }
        }
    }

    /**
     * The exported value. A never-saved form exports status 0 and unchecked boxes 0 on every row the form
     * belongs to, unless {@code exportBlankForGrayFormStatus} asks for blank statuses.
     */
    Object value(int index, String raw, RecordRow row) {
        if (raw.isEmpty() && index > 0) {
            Dictionary d = project.dictionary();
            String column = d.columns().get(index);
            FieldDef f = d.fieldOf(column);
            boolean status = f == null;
            if ((status && !blankForGray || f != null && f.isCheckbox()) && belongs(d.formOf(column), row)) {
                raw = "0";
            }
        }
        if (!label || raw.isEmpty()) {
            return raw;
        }
        String option = checkboxOption.get(index);
        if (option != null) {
            if (checkboxLabel) {
                return raw.equals("1") ? option : "";
            }
            return raw.equals("1") ? "Checked" : "Unchecked";
        }
        Map<String, String> m = choiceLabels.get(index);
        if (m != null) {
            return m.getOrDefault(raw, raw);
        }
        if (project.dictionary().isCompleteColumn(project.dictionary().columns().get(index))) {
            int status = raw.length() == 1 ? raw.charAt(0) - '0' : -1;
            return status >= 0 && status < 3 ? STATUS.get(status) : raw;
        }
        return raw;
    }

    private boolean belongs(String form, RecordRow row) {
        if (!project.formInEvent(form, row.event())) {
            return false;
        }
        return row.isRepeat() && !row.repeatInstrument().isEmpty() ? row.repeatInstrument().equals(form)
                : !project.isRepeatingForm(row.event(), form);
    }

    String event(String unique) {
        if (unique == null) {
            return "";
        }
        EventDef e = project.event(unique);
        if (!label || e == null) {
            return unique;
        }
        if (project.arms().size() > 1) {
            String arm = project.arms().stream().filter(a -> a.armNum() == e.armNum()).map(ArmDef::name).findFirst().orElse("");
            return e.eventName() + " (Arm " + e.armNum() + ": " + arm + ")";
        }
        return e.eventName();
    }

    String instrument(String form) {
        if (!label || form.isEmpty()) {
            return form;
        }
        return project.dictionary().forms().stream().filter(f -> f.name().equals(form)).map(FormDef::label).findFirst().orElse(form);
    }

    String dag(String unique) {
        if (unique == null) {
            return "";
        }
        DagDef d = project.dag(unique);
        return label && d != null ? d.label() : unique;
    }
}
