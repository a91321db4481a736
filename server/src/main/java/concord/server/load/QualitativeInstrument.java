package concord.server.load;

import concord.connector.FieldMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The project's qualitative instrument (coded focus-group or interview excerpts, docs/service.md "Qualitative data"):
 * its name and which of Concord's fields it has. Found in the data dictionary by name; a project without it reads no
 * quotes and makes no extra API call.
 *
 * @param name   the instrument's unique name, e.g. {@code qualitative_data}
 * @param fields the instrument's Concord fields present in the dictionary, in {@link #FIELDS} order
 */
public record QualitativeInstrument(String name, List<String> fields) {
    public static final String DEFAULT_NAME = "qualitative_data";
    /** The configuration value that switches quotes off. */
    public static final String NONE = "none";
    public static final String THEME = "qual_theme";
    public static final String OUTCOMES = "qual_outcomes";
    public static final String GROUP = "qual_group";
    public static final String SPEAKER = "qual_speaker";
    public static final String QUOTE = "qual_quote";
    public static final String CORE_AREA = "qual_core_area";
    /** Every field Concord reads, required ones first. */
    public static final List<String> FIELDS = List.of(THEME, OUTCOMES, GROUP, QUOTE, SPEAKER, CORE_AREA);
    static final List<String> REQUIRED = List.of(THEME, OUTCOMES, GROUP, QUOTE);

    public QualitativeInstrument {
        fields = List.copyOf(fields);
    }

    /**
     * The instrument named {@code configured} (null or blank: {@value #DEFAULT_NAME}; {@value #NONE}: switched off) when
     * the dictionary has it.
     *
     * @throws StudyConfigurationException when the instrument exists but lacks a required field, or a configured
     *                                     (non-default) instrument is not in the dictionary
     */
    public static Optional<QualitativeInstrument> find(List<FieldMetadata> dictionary, String configured, String projectId) {
        String name = configured == null || configured.isBlank() ? DEFAULT_NAME : configured.trim();
        if (name.equalsIgnoreCase(NONE)) {
            return Optional.empty();
        }
        Set<String> onForm = dictionary.stream().filter(f -> f.formName().equals(name)).map(FieldMetadata::fieldName)
                .collect(Collectors.toSet());
        String where = "Project " + projectId + ": ";
        if (onForm.isEmpty()) {
            if (!name.equals(DEFAULT_NAME)) {
                throw new StudyConfigurationException(projectId, List.of(where + "qualitative.instrument '" + name
                        + "' is not an instrument of the data dictionary; correct the name, or set it to none."));
            }
            return Optional.empty();
        }
        List<String> missing = REQUIRED.stream().filter(f -> !onForm.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new StudyConfigurationException(projectId, List.of(where + "the qualitative instrument '" + name
                    + "' lacks the field(s) " + missing + "; add them (deploy/redcap/README.md), or set "
                    + "qualitative.instrument to none."));
        }
        List<String> present = new ArrayList<>(FIELDS.stream().filter(onForm::contains).toList());
        return Optional.of(new QualitativeInstrument(name, present));
    }

    /** The fields to export: the record ID, then the instrument's fields. */
    public List<String> exportFields(String recordIdField) {
        List<String> out = new ArrayList<>();
        out.add(recordIdField);
        out.addAll(fields);
        return List.copyOf(out);
    }
}
