package concord.server.load;

import concord.analysis.DemographicVariable;
import concord.analysis.Outcome;
import concord.analysis.RatingScale;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.connector.Choice;
import concord.connector.FieldMetadata;
import concord.connector.FieldType;
import concord.connector.FormEventMapping;
import concord.connector.RedcapEvent;
import concord.server.config.OutcomeSelection;
import concord.server.load.internal.Texts;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the analysis model from a REDCap data dictionary: outcomes with their labels and domains,
 * groups with the group field's choice labels, characteristics. Every misfit is collected and reported
 * at once, each naming the project, the field and the fix.
 */
public final class StudyLoader {
    /** Action tag that names an outcome's domain: {@code @CONCORD-DOMAIN="Physical functioning"}. */
    public static final String DOMAIN_TAG = "@CONCORD-DOMAIN";
    /** Action tag that marks the stakeholder-group field when {@code group-field} is not configured. */
    public static final String GROUP_TAG = "@CONCORD-GROUP";
    private static final Set<FieldType> RATING_TYPES = Set.of(FieldType.RADIO, FieldType.DROPDOWN, FieldType.SLIDER,
            FieldType.TEXT);
    private static final Set<FieldType> GROUP_TYPES = Set.of(FieldType.RADIO, FieldType.DROPDOWN, FieldType.YESNO,
            FieldType.TRUEFALSE);

    private final RatingScale scale;

    private StudyLoader(RatingScale scale) {
        this.scale = scale;
    }

    /** A loader for the GRADE 1–9 scale. */
    public static StudyLoader grade() {
        return new StudyLoader(RatingScale.grade());
    }

    /**
     * @param dictionary    the project's data dictionary in project order
     * @param projectTitle  REDCap's project title (used when the spec has none)
     * @param mappings      form/event mapping of a longitudinal project; empty for classic projects
     * @throws StudyConfigurationException listing every misfit
     */
    public LoadedStudy load(StudySpec configured, List<FieldMetadata> dictionary, String projectTitle,
                            List<FormEventMapping> mappings) {
        return load(configured, dictionary, projectTitle, mappings, List.of());
    }

    /**
     * As {@link #load(StudySpec, List, String, List)}, with the project's events (in REDCap's order, for the
     * rounds of {@code rounds: events} and their labels; empty for classic projects).
     */
    public LoadedStudy load(StudySpec configured, List<FieldMetadata> dictionary, String projectTitle,
                            List<FormEventMapping> mappings, List<RedcapEvent> events) {
        StudySpec spec = configured;
        String where = "Project " + spec.projectId() + ": ";
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (dictionary.isEmpty()) {
            throw new StudyConfigurationException(spec.projectId(), List.of(where + "the data dictionary is empty."));
        }
        Map<String, FieldMetadata> byName = new LinkedHashMap<>();
        dictionary.forEach(f -> byName.put(f.fieldName(), f));
        Set<String> forms = new LinkedHashSet<>();
        dictionary.forEach(f -> forms.add(f.formName()));
        String recordIdField = dictionary.get(0).fieldName();
        String groupField = groupField(spec, dictionary, problems, warnings, where);
        if (groupField != null) {
            spec = spec.withGroupField(groupField);
        }

        List<FieldMetadata> ratingFields = selectOutcomes(spec, dictionary, byName, forms, problems, where);
        Map<String, FieldMetadata> ratings = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, String> sectionOf = sections(dictionary);
        for (FieldMetadata f : ratingFields) {
            if (f.fieldName().equals(groupField)) {
                String tag = spec.outcomes().tag();
                problems.add(where + "field '" + f.fieldName() + "' is both the group field and an outcome; "
                        + (tag == null ? "remove it from outcomes" : "remove " + tag + " from its Field Annotation")
                        + ", or choose another group field.");
                continue;
            }
            checkRatingField(f, problems, warnings, where);
            ratings.put(f.fieldName(), f);
            outcomes.add(new Outcome(f.fieldName(), label(f), domain(spec, f, sectionOf)));
        }

        List<StakeholderGroup> groups = groups(spec, byName, problems, where);
        List<DemographicVariable> demographics = new ArrayList<>();
        for (String name : spec.demographicFields()) {
            FieldMetadata f = byName.get(name);
            if (f == null) {
                problems.add(where + "demographic field '" + name + "' is not in the data dictionary; "
                        + "correct demographic-fields or add the field.");
            } else if (f.fieldType() == FieldType.CHECKBOX) {
                problems.add(where + "demographic field '" + name + "' is a checkbox; use a radio, dropdown or "
                        + "number field.");
            } else if (f.fieldType().hasChoices()) {
                Map<String, String> choices = new LinkedHashMap<>();
                f.choices().forEach(c -> choices.put(c.code(), Texts.plain(c.label())));
                demographics.add(DemographicVariable.categorical(name, label(f), choices));
            } else {
                demographics.add(DemographicVariable.continuous(name, label(f)));
            }
        }

        List<String> ratingForms = ratingFields.stream().map(FieldMetadata::formName).distinct().toList();
        String event = spec.rounds().kind() == RoundSource.Kind.EVENTS ? null
                : chooseEvent(spec, mappings, ratingForms, problems, where);
        StudyRounds rounds = RoundReader.resolve(spec, byName, ratingForms, mappings, events, problems, warnings, where);
        if (!problems.isEmpty()) {
            throw new StudyConfigurationException(spec.projectId(), problems);
        }
        String title = spec.title() != null && !spec.title().isBlank() ? spec.title()
                : projectTitle == null || projectTitle.isBlank() ? spec.projectId() : Texts.plain(projectTitle);
        Study study = new Study(title, outcomes, groups, scale, spec.rule(), demographics);
        return new LoadedStudy(study, recordIdField, spec.groupField(), ratings, ratingForms, event, warnings, rounds);
    }

    private List<FieldMetadata> selectOutcomes(StudySpec spec, List<FieldMetadata> dictionary,
                                               Map<String, FieldMetadata> byName, Set<String> forms,
                                               List<String> problems, String where) {
        OutcomeSelection selection = spec.outcomes();
        List<FieldMetadata> out = new ArrayList<>();
        if (selection.kind() == OutcomeSelection.Kind.ACTION_TAG) {
            for (FieldMetadata f : dictionary) {
                if (Texts.hasTag(f.fieldAnnotation(), selection.tag())) {
                    out.add(f);
                }
            }
            if (out.isEmpty()) {
                problems.add(where + "no field carries the action tag " + selection.tag() + " in its Field Annotation; "
                        + "tag the rating fields, or set outcomes to the rating instrument's name or a list of fields.");
            }
            return out;
        }
        List<String> values = selection.values();
        if (values.isEmpty()) {
            problems.add(where + "outcomes is empty; set it to an instrument name, a list of fields or an action tag.");
            return out;
        }
        if (values.size() == 1 && forms.contains(values.get(0)) && !byName.containsKey(values.get(0))) {
            String form = values.get(0);
            for (FieldMetadata f : dictionary) {
                if (f.formName().equals(form) && RATING_TYPES.contains(f.fieldType()) && !f.fieldName().equals(spec.groupField())
                        && !spec.demographicFields().contains(f.fieldName()) && !f.fieldName().equals(dictionary.get(0).fieldName())
                        && isScaleCandidate(f)) {
                    out.add(f);
                }
            }
            if (out.isEmpty()) {
                problems.add(where + "instrument '" + form + "' has no rating fields (radio, dropdown, slider or integer "
                        + "text fields on the " + scale.min() + "–" + scale.max() + " scale).");
            }
            return out;
        }
        for (String name : values) {
            FieldMetadata f = byName.get(name);
            if (f == null) {
                problems.add(where + "outcome field '" + name + "' is not in the data dictionary"
                        + (forms.contains(name) ? " (it is an instrument: give the instrument alone, not in a list)" : "")
                        + "; correct the outcomes list.");
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** Instrument selection picks only fields that can hold the scale, so descriptive/other fields are skipped. */
    private boolean isScaleCandidate(FieldMetadata f) {
        if (f.fieldType() == FieldType.TEXT) {
            return "integer".equals(f.validationType()) || "number".equals(f.validationType());
        }
        return true;
    }

    private void checkRatingField(FieldMetadata f, List<String> problems, List<String> warnings, String where) {
        String name = "rating field '" + f.fieldName() + "'";
        switch (f.fieldType()) {
            case RADIO, DROPDOWN -> {
                for (Choice c : f.choices()) {
                    Integer code = integer(c.code());
                    if (code == null || !scale.contains(code)) {
                        problems.add(where + name + " has the choice code '" + c.code() + "' (" + Texts.plain(c.label())
                                + "), which is not a score " + scale.min() + "–" + scale.max()
                                + "; recode its choices as " + scale.min() + ", label | … | " + scale.max() + ", label.");
                    }
                }
            }
            case SLIDER -> {
                Integer min = integer(f.validationMin());
                Integer max = integer(f.validationMax());
                if (min == null || max == null || min != scale.min() || max != scale.max()) {
                    problems.add(where + name + " is a slider with range " + (min == null ? "0 (default)" : min) + "–"
                            + (max == null ? "100 (default)" : max) + "; set its minimum to " + scale.min()
                            + " and maximum to " + scale.max() + " in the Online Designer.");
                }
            }
            case TEXT -> {
                if (!"integer".equals(f.validationType())) {
                    warnings.add(where + name + " is a text field without integer validation; non-integer answers "
                            + "will be excluded and counted. Add validation 'integer' with min " + scale.min()
                            + " and max " + scale.max() + ".");
                }
            }
            default -> problems.add(where + name + " has type " + f.fieldType().code() + "; ratings must be radio, "
                    + "dropdown, slider or integer text fields.");
        }
    }

    private List<StakeholderGroup> groups(StudySpec spec, Map<String, FieldMetadata> byName, List<String> problems,
                                          String where) {
        List<StakeholderGroup> groups = new ArrayList<>();
        if (spec.groupFieldByTag()) {
            return groups; // groupField(...) has said why
        }
        FieldMetadata g = byName.get(spec.groupField());
        if (g == null) {
            problems.add(where + "group field '" + spec.groupField() + "' is not in the data dictionary; correct group-field.");
        } else if (!GROUP_TYPES.contains(g.fieldType())) {
            problems.add(where + "group field '" + spec.groupField() + "' has type " + g.fieldType().code()
                    + "; it must be a radio, dropdown or yes/no field whose choices are the groups.");
        } else {
            Set<String> labels = new LinkedHashSet<>();
            for (Choice c : g.choices()) {
                String label = Texts.plain(c.label());
                if (!labels.add(label)) {
                    label = label + " (" + c.code() + ")";
                }
                groups.add(new StakeholderGroup(c.code(), label));
            }
            if (groups.size() < 2) {
                problems.add(where + "group field '" + spec.groupField() + "' has " + groups.size()
                        + " choice(s); comparing needs at least two groups.");
            }
        }
        return groups;
    }

    /**
     * The configured group field, or else the one field tagged {@value #GROUP_TAG}; null (with a problem
     * saying what to do) when the tag is on no field or on several.
     */
    private static String groupField(StudySpec spec, List<FieldMetadata> dictionary, List<String> problems,
                                     List<String> warnings, String where) {
        List<String> tagged = dictionary.stream().filter(f -> Texts.hasTag(f.fieldAnnotation(), GROUP_TAG))
                .map(FieldMetadata::fieldName).toList();
        if (!spec.groupFieldByTag()) {
            String configured = spec.groupField().trim();
            if (!tagged.isEmpty() && !tagged.equals(List.of(configured))) {
                warnings.add(where + "group-field is '" + configured + "' but " + GROUP_TAG + " is on " + quoted(tagged)
                        + "; the configured group-field is used. Move the tag to '" + configured + "' or remove it, "
                        + "so that the dictionary and the configuration agree.");
            }
            return configured;
        }
        if (tagged.size() == 1) {
            return tagged.get(0);
        }
        if (tagged.isEmpty()) {
            problems.add(where + "no group field: group-field is not set and no field carries the action tag " + GROUP_TAG
                    + " in its Field Annotation. Add " + GROUP_TAG + " to the Field Annotation of the field holding the "
                    + "stakeholder group (radio or dropdown) in the Online Designer, or set group-field to its name.");
        } else {
            problems.add(where + "group-field is not set and " + tagged.size() + " fields carry the action tag " + GROUP_TAG
                    + ": " + quoted(tagged) + ". Keep the tag on exactly one field (the one holding the stakeholder "
                    + "group), or set group-field to the field to use.");
        }
        return null;
    }

    private static String quoted(List<String> fields) {
        return String.join(", ", fields.stream().map(f -> "'" + f + "'").toList());
    }

    private static String chooseEvent(StudySpec spec, List<FormEventMapping> mappings, List<String> ratingForms,
                                      List<String> problems, String where) {
        if (mappings.isEmpty()) {
            if (spec.event() != null && !spec.event().isBlank()) {
                problems.add(where + "event '" + spec.event() + "' is configured but the project is not longitudinal; "
                        + "remove the event setting.");
            }
            return null;
        }
        if (spec.event() != null && !spec.event().isBlank()) {
            boolean exists = mappings.stream().anyMatch(m -> m.uniqueEventName().equals(spec.event()));
            boolean carries = mappings.stream().anyMatch(m -> m.uniqueEventName().equals(spec.event())
                    && ratingForms.contains(m.form()));
            if (!exists || !carries) {
                problems.add(where + "event '" + spec.event() + "' " + (exists ? "does not carry the rating form "
                        + ratingForms : "does not exist") + "; events with the rating form: "
                        + mappings.stream().filter(m -> ratingForms.contains(m.form())).map(FormEventMapping::uniqueEventName)
                        .distinct().toList() + ".");
            }
            return spec.event();
        }
        return mappings.stream().filter(m -> ratingForms.contains(m.form())).map(FormEventMapping::uniqueEventName)
                .findFirst().orElseGet(() -> {
                    problems.add(where + "no event carries the rating form " + ratingForms
                            + "; designate it for an event in Define My Events.");
                    return null;
                });
    }

    private static Map<String, String> sections(List<FieldMetadata> dictionary) {
        Map<String, String> out = new LinkedHashMap<>();
        String form = null;
        String current = "";
        for (FieldMetadata f : dictionary) {
            if (!f.formName().equals(form)) {
                form = f.formName();
                current = "";
            }
            if (f.sectionHeader() != null && !f.sectionHeader().isBlank()) {
                current = Texts.plain(f.sectionHeader());
            }
            out.put(f.fieldName(), current);
        }
        return out;
    }

    private static String domain(StudySpec spec, FieldMetadata f, Map<String, String> sectionOf) {
        return switch (spec.domains()) {
            case ANNOTATION -> {
                String v = Texts.tagValue(f.fieldAnnotation(), DOMAIN_TAG);
                yield v == null ? "" : v;
            }
            case SECTION_HEADER -> sectionOf.getOrDefault(f.fieldName(), "");
            case MATRIX_GROUP -> f.matrixGroupName() == null ? "" : f.matrixGroupName();
            case NONE -> "";
        };
    }

    private static String label(FieldMetadata f) {
        String label = Texts.plain(f.fieldLabel());
        return label.isEmpty() ? f.fieldName() : label;
    }

    static @Nullable Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
