package concord.connector;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a REDCap data dictionary, all 18 columns, with the choices column parsed.
 * Texts are REDCap's own (labels may contain HTML: escape them wherever they are shown); blank
 * cells are empty strings.
 *
 * @param fieldName       variable name; the first field of a project is its record-ID field
 * @param formName        unique instrument name
 * @param sectionHeader   header shown above the field
 * @param fieldType       the field type
 * @param fieldLabel      question text
 * @param selectChoicesOrCalculations the raw choices / calculation / slider column
 * @param choices         ordered code → label list for radio, dropdown and checkbox fields, and the implied
 *                        {@code 1 Yes, 0 No} / {@code 1 True, 0 False} for yes/no and true/false; empty otherwise
 * @param sliderLabels    the three labels of a slider, {@code null} for other types
 * @param fieldNote       small text under the field
 * @param validationType  text validation (e.g. {@code integer}, {@code date_ymd}); for sliders {@code number}
 *                        means the number is shown
 * @param validationMin   minimum as written in the dictionary
 * @param validationMax   maximum as written in the dictionary
 * @param identifier      flagged as identifying information (PHI)
 * @param branchingLogic  REDCap logic deciding when the field shows
 * @param required        must be answered
 * @param customAlignment {@code RV}, {@code RH}, {@code LV}, {@code LH} or empty
 * @param questionNumber  survey question number
 * @param matrixGroupName fields sharing a name form one matrix
 * @param matrixRanking   the matrix forbids two rows from taking the same column
 * @param fieldAnnotation free text and action tags such as {@code @HIDDEN}
 */
public record FieldMetadata(
        String fieldName,
        String formName,
        String sectionHeader,
        FieldType fieldType,
        String fieldLabel,
        String selectChoicesOrCalculations,
        List<Choice> choices,
        SliderLabels sliderLabels,
        String fieldNote,
        String validationType,
        String validationMin,
        String validationMax,
        boolean identifier,
        String branchingLogic,
        boolean required,
        String customAlignment,
        String questionNumber,
        String matrixGroupName,
        boolean matrixRanking,
        String fieldAnnotation) {

    public FieldMetadata {
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(formName, "formName");
        Objects.requireNonNull(fieldType, "fieldType");
        choices = List.copyOf(choices);
        if (fieldType == FieldType.SLIDER) {
            Objects.requireNonNull(sliderLabels, "sliderLabels of a slider");
        }
    }

    /** The formula of a calc field (or the query of an SQL field); empty for other types. */
    public String calculation() {
        return fieldType == FieldType.CALC || fieldType == FieldType.SQL ? selectChoicesOrCalculations : "";
    }

    /** The slider labels, present only for sliders. */
    public Optional<SliderLabels> slider() {
        return Optional.ofNullable(sliderLabels);
    }

    /** The choice with this raw code. */
    public Optional<Choice> choice(String code) {
        return choices.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The column a checkbox option is exported in: {@code <field>___<code>} with the code lower-cased
     * and every character other than a–z, 0–9 turned into {@code _} (so {@code -99} gives {@code race____99}).
     */
    public String checkboxColumn(String code) {
        if (fieldType != FieldType.CHECKBOX) {
            throw new IllegalStateException("Field '" + fieldName + "' is a " + fieldType.code()
                    + " field; only checkbox fields export one column per option");
        }
        return fieldName + "___" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }
}
