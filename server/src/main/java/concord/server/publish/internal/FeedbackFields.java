package concord.server.publish.internal;

import concord.analysis.Study;
import concord.connector.FieldMetadata;
import concord.connector.FieldType;
import concord.connector.FormEventMapping;
import concord.server.load.StudyRounds;
import concord.server.load.internal.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where a round's feedback goes in the project: the file-upload field for the PDF and the text fields for pipe
 * values, each with its event. Every misfit is a problem naming the field and the fix.
 *
 * <p><b>Value fields.</b> A text or notes field whose Field Annotation carries
 * {@code @CONCORD-FEEDBACK=<outcome field>[:<value>[:<group code>]]} receives that value: {@code line} (the default:
 * "You: 7 · Doctor 61.5% 7–9 (median 8) · …"), {@code own} (the participant's score), {@code median},
 * {@code pct_top} (alias {@code pct_7_9}) or {@code n} of the participant's own group, or of the group with that code.
 * Without tags, a text field named {@code fb_<outcome field>} receives the line.
 *
 * <p><b>Events.</b> In a longitudinal project whose rounds are events, a field goes into the next round's event when
 * its instrument is designated there (so the next round's survey can pipe it), else into the round's own event; in
 * other longitudinal projects into the first event its instrument is designated for; in classic projects there is
 * no event.
 */
public final class FeedbackFields {
    public static final String TAG = "@CONCORD-FEEDBACK";
    public static final String DEFAULT_PREFIX = "fb_";

    /** The file field and its event. */
    public record FileTarget(String field, String event) {
    }

    private final String projectId;
    private final Study study;
    private final StudyRounds rounds;
    private final int round;
    private final Map<String, FieldMetadata> byName;
    private final List<FormEventMapping> mappings;
    private final List<String> problems = new ArrayList<>();

    private FeedbackFields(String projectId, Study study, StudyRounds rounds, int round, List<FieldMetadata> metadata,
                           List<FormEventMapping> mappings) {
        this.projectId = projectId;
        this.study = study;
        this.rounds = rounds;
        this.round = round;
        this.byName = metadata.stream().collect(Collectors.toMap(FieldMetadata::fieldName, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
        this.mappings = mappings;
    }

    /** The resolved fields, or the problems found. */
    public record Resolution(FileTarget file, List<FeedbackField> values, List<String> problems) {
    }

    /**
     * @param fileFieldTemplate the file field's name, {@code {round}} replaced by the round number
     * @param round             the round whose feedback is published (1, 2, …)
     * @param mappings          the form-event mapping; empty in a classic project
     */
    public static Resolution resolve(String projectId, Study study, StudyRounds rounds, int round, String fileFieldTemplate,
                                     List<FieldMetadata> metadata, List<FormEventMapping> mappings) {
        FeedbackFields f = new FeedbackFields(projectId, study, rounds, round, metadata, mappings);
        FileTarget file = f.file(fileFieldTemplate.replace("{round}", Integer.toString(round)));
        List<FeedbackField> values = f.values();
        return new Resolution(file, values, List.copyOf(f.problems));
    }

    private FileTarget file(String name) {
        FieldMetadata field = byName.get(name);
        if (field == null) {
            problems.add("Project " + projectId + ": the feedback file field '" + name + "' (feedback.file-field) is not in the "
                    + "data dictionary; add a File Upload field of that name (deploy/redcap's Delphi demo has one per round) or "
                    + "correct feedback.file-field.");
            return null;
        }
        if (field.fieldType() != FieldType.FILE) {
            problems.add("Project " + projectId + ": the feedback file field '" + name + "' has type " + field.fieldType().code()
                    + "; it must be a File Upload field.");
            return null;
        }
        String event = event(field);
        return event == null ? null : new FileTarget(name, event);
    }

    private List<FeedbackField> values() {
        List<FeedbackField> out = new ArrayList<>();
        boolean tagged = byName.values().stream().anyMatch(f -> Texts.hasTag(f.fieldAnnotation(), TAG));
        for (FieldMetadata f : byName.values()) {
            if (tagged) {
                if (Texts.hasTag(f.fieldAnnotation(), TAG)) {
                    FeedbackField v = tagged(f);
                    if (v != null) {
                        out.add(v);
                    }
                }
                continue;
            }
            if (f.fieldName().startsWith(DEFAULT_PREFIX)) {
                int outcome = outcome(f.fieldName().substring(DEFAULT_PREFIX.length()));
                if (outcome >= 0 && textField(f)) {
                    String event = event(f);
                    if (event != null) {
                        out.add(new FeedbackField(f.fieldName(), event, outcome, FeedbackField.Kind.LINE, null));
                    }
                }
            }
        }
        return out;
    }

    private FeedbackField tagged(FieldMetadata f) {
        String where = "Project " + projectId + ": field '" + f.fieldName() + "' carries " + TAG;
        String value = Texts.tagValue(f.fieldAnnotation(), TAG);
        if (value == null || value.isBlank()) {
            problems.add(where + " without a value; write " + TAG + "=<outcome field>[:line|own|median|pct_top|n[:<group code>]], "
                    + "e.g. " + TAG + "=" + study.outcomes().get(0).field() + ":median.");
            return null;
        }
        String[] parts = value.split(":", -1);
        int outcome = outcome(parts[0].trim());
        if (outcome < 0) {
            problems.add(where + "=" + value + ", but '" + parts[0].trim() + "' is not one of the study's outcome fields; "
                    + "name an outcome field.");
            return null;
        }
        FeedbackField.Kind kind = parts.length > 1 ? FeedbackField.Kind.parse(parts[1]) : FeedbackField.Kind.LINE;
        if (kind == null || parts.length > 3) {
            problems.add(where + "=" + value + ", which is not understood; the value after the outcome is one of line, own, "
                    + "median, pct_top (or pct_7_9), n, optionally followed by :<group code>.");
            return null;
        }
        String group = parts.length > 2 ? parts[2].trim() : null;
        if (group != null && (kind == FeedbackField.Kind.LINE || kind == FeedbackField.Kind.OWN)) {
            problems.add(where + "=" + value + ": a group code goes only with median, pct_top or n.");
            return null;
        }
        if (group != null && study.groupIndex(group) < 0) {
            problems.add(where + "=" + value + ", but '" + group + "' is not one of the group codes "
                    + study.groups().stream().map(g -> g.code()).toList() + ".");
            return null;
        }
        if (!textField(f)) {
            problems.add(where + " but has type " + f.fieldType().code() + "; feedback values go into text or notes fields.");
            return null;
        }
        String event = event(f);
        return event == null ? null : new FeedbackField(f.fieldName(), event, outcome, kind, group);
    }

    private static boolean textField(FieldMetadata f) {
        return f.fieldType() == FieldType.TEXT || f.fieldType() == FieldType.NOTES;
    }

    private int outcome(String field) {
        for (int o = 0; o < study.outcomes().size(); o++) {
            if (study.outcomes().get(o).field().equals(field)) {
                return o;
            }
        }
        return -1;
    }

    /** The event a field is written in (see the class comment), or null with a problem. */
    private String event(FieldMetadata field) {
        if (mappings.isEmpty()) {
            return "";
        }
        String form = field.formName();
        List<String> carrying = mappings.stream().filter(m -> m.form().equals(form)).map(FormEventMapping::uniqueEventName)
                .distinct().toList();
        if (rounds.byEvent()) {
            String own = rounds.rounds().get(round - 1).code();
            String next = round < rounds.rounds().size() ? rounds.rounds().get(round).code() : null;
            if (next != null && carrying.contains(next)) {
                return next;
            }
            if (carrying.contains(own)) {
                return own;
            }
            problems.add("Project " + projectId + ": field '" + field.fieldName() + "' is on instrument '" + form + "', which is "
                    + "not designated for " + (next == null ? "event '" + own + "'" : "event '" + next + "' or '" + own + "'")
                    + "; designate it there in Define My Events (the next round's event, so that its survey can show the feedback).");
            return null;
        }
        if (carrying.isEmpty()) {
            problems.add("Project " + projectId + ": field '" + field.fieldName() + "' is on instrument '" + form
                    + "', which is designated for no event; designate it in Define My Events.");
            return null;
        }
        return carrying.get(0);
    }
}
