package concord.connector.sandbox.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One row of a REDCap data dictionary: the 18 metadata columns, in REDCap's order. */
public record FieldDef(
        String fieldName, String formName, String sectionHeader, String fieldType, String fieldLabel,
        String choices, String fieldNote, String validation, String validationMin, String validationMax,
        String identifier, String branchingLogic, String requiredField, String customAlignment,
        String questionNumber, String matrixGroupName, String matrixRanking, String fieldAnnotation) {

    /** The metadata export's column names, always these 18 in this order. */
    public static final List<String> COLUMNS = List.of(
            "field_name", "form_name", "section_header", "field_type", "field_label",
            "select_choices_or_calculations", "field_note", "text_validation_type_or_show_slider_number",
            "text_validation_min", "text_validation_max", "identifier", "branching_logic", "required_field",
            "custom_alignment", "question_number", "matrix_group_name", "matrix_ranking", "field_annotation");

    public FieldDef {
        fieldName = fieldName.trim().toLowerCase(Locale.ROOT);
        formName = formName.trim();
        fieldType = fieldType.trim().toLowerCase(Locale.ROOT);
    }

    /** Builds a definition from the 18 cells in {@link #COLUMNS} order (missing cells are blank). */
    public static FieldDef of(List<String> cells) {
        String[] c = new String[COLUMNS.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
        }
        return new FieldDef(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11],
                c[12], c[13], c[14], c[15], c[16], c[17]);
    }

    public List<String> cells() {
        return List.of(fieldName, formName, sectionHeader, fieldType, fieldLabel, choices, fieldNote, validation,
                validationMin, validationMax, identifier, branchingLogic, requiredField, customAlignment,
                questionNumber, matrixGroupName, matrixRanking, fieldAnnotation);
    }

    public boolean isCheckbox() {
        return fieldType.equals("checkbox");
    }

    /** Descriptive fields hold no data and have no export column. */
    public boolean hasData() {
        return !fieldType.equals("descriptive");
    }

    public boolean hasChoiceCodes() {
        return switch (fieldType) {
            case "radio", "dropdown", "checkbox", "yesno", "truefalse" -> true;
            default -> false;
        };
    }

    /** Choices of a radio, dropdown or checkbox field; the fixed codes of yesno and truefalse. */
    public List<Choice> choiceList() {
        if (fieldType.equals("yesno")) {
            return List.of(new Choice("1", "Yes"), new Choice("0", "No"));
        }
        if (fieldType.equals("truefalse")) {
            return List.of(new Choice("1", "True"), new Choice("0", "False"));
        }
        if (!hasChoiceCodes() || choices.isBlank()) {
            return List.of();
        }
        List<Choice> out = new ArrayList<>();
        for (String part : choices.split("\\|")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int comma = p.indexOf(',');
            out.add(comma < 0 ? new Choice(p, p) : new Choice(p.substring(0, comma).trim(), p.substring(comma + 1).trim()));
        }
        return out;
    }

    /** REDCap's checkbox column name: the code lower-cased, every non-alphanumeric character as {@code _}. */
    public static String checkboxColumn(String field, String code) {
        return field + "___" + code.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** The export columns of this field: one per checkbox option, else the field name itself. */
    public List<String> exportNames() {
        if (!hasData()) {
            return List.of();
        }
        if (!isCheckbox()) {
            return List.of(fieldName);
        }
        return choiceList().stream().map(c -> checkboxColumn(fieldName, c.code())).toList();
    }
}
