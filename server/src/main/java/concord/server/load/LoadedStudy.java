package concord.server.load;

import concord.analysis.Study;
import concord.connector.FieldMetadata;
import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A study built from a data dictionary, with what is needed to read its records.
 *
 * @param study          the analysis model (labels, domains, groups from the dictionary)
 * @param recordIdField  the project's record-ID field
 * @param groupField     the stakeholder-group field
 * @param ratingFields   rating field → its dictionary row
 * @param ratingForms    instruments holding the rating fields
 * @param event          the event read (null: classic project, or read every event's rows)
 * @param warnings       fit problems that do not stop a run (e.g. a text field without validation)
 * @param rounds         the rounds of a Delphi study; null for a single survey
 */
public record LoadedStudy(Study study, String recordIdField, String groupField, Map<String, FieldMetadata> ratingFields,
                          List<String> ratingForms, @Nullable String event, List<String> warnings,
                          @Nullable StudyRounds rounds) {

    public LoadedStudy {
        ratingFields = Map.copyOf(ratingFields);
        ratingForms = List.copyOf(ratingForms);
        warnings = List.copyOf(warnings);
    }

    /** A single survey. */
    public LoadedStudy(Study study, String recordIdField, String groupField, Map<String, FieldMetadata> ratingFields,
                       List<String> ratingForms, @Nullable String event, List<String> warnings) {
        this(study, recordIdField, groupField, ratingFields, ratingForms, event, warnings, null);
    }

    /** Every column an export needs: record ID, group, ratings, characteristics, and the round field if any. */
    public List<String> exportFields() {
        LinkedHashSet<String> fields = new LinkedHashSet<>();
        fields.add(recordIdField);
        fields.add(groupField);
        study.outcomes().forEach(o -> fields.add(o.field()));
        study.demographics().forEach(d -> fields.add(d.field()));
        if (rounds != null && rounds.field() != null) {
            fields.add(rounds.field());
        }
        return List.copyOf(fields);
    }
}
