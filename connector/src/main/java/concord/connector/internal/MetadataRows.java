package concord.connector.internal;

import concord.connector.Choice;
import concord.connector.FieldMetadata;
import concord.connector.FieldType;
import concord.connector.SliderLabels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns one data-dictionary row, keyed by the API's column names, into {@link FieldMetadata}. Shared
 * by the API client ({@code content=metadata}) and the reader of the UI's dictionary CSV.
 */
public final class MetadataRows {

    /** The API's 18 columns, in REDCap's order. */
    public static final List<String> API_COLUMNS = List.of("field_name", "form_name", "section_header", "field_type",
            "field_label", "select_choices_or_calculations", "field_note", "text_validation_type_or_show_slider_number",
            "text_validation_min", "text_validation_max", "identifier", "branching_logic", "required_field",
            "custom_alignment", "question_number", "matrix_group_name", "matrix_ranking", "field_annotation");

    /** The same columns as the "Data Dictionary" CSV of REDCap's web interface names them. */
    public static final List<String> UI_COLUMNS = List.of("Variable / Field Name", "Form Name", "Section Header",
            "Field Type", "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note",
            "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max", "Identifier?",
            "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
            "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation");

    private MetadataRows() {
    }

    /**
     * @param row   cells by API column name; missing columns count as blank
     * @param where names the row in error messages, e.g. {@code "dictionary.csv line 7"}
     */
    public static FieldMetadata toField(Map<String, String> row, String where) {
        String name = cell(row, "field_name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException(where + ": the field name (first column) is empty; every data "
                    + "dictionary row needs a variable name");
        }
        String typeText = cell(row, "field_type");
        FieldType type;
        try {
            type = FieldType.fromCode(typeText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ", field '" + name + "': " + e.getMessage(), e);
        }
        String choicesText = cell(row, "select_choices_or_calculations");
        List<Choice> choices = switch (type) {
            case RADIO, DROPDOWN, CHECKBOX -> parseChoices(choicesText, where, name);
            case YESNO -> List.of(new Choice("1", "Yes"), new Choice("0", "No"));
            case TRUEFALSE -> List.of(new Choice("1", "True"), new Choice("0", "False"));
            default -> List.of();
        };
        SliderLabels slider = type == FieldType.SLIDER ? parseSlider(choicesText) : null;
        return new FieldMetadata(name, cell(row, "form_name"), cell(row, "section_header"), type,
                cell(row, "field_label"), choicesText, choices, slider, cell(row, "field_note"),
                cell(row, "text_validation_type_or_show_slider_number"), cell(row, "text_validation_min"),
                cell(row, "text_validation_max"), yes(cell(row, "identifier")), cell(row, "branching_logic"),
                yes(cell(row, "required_field")), cell(row, "custom_alignment"), cell(row, "question_number"),
                cell(row, "matrix_group_name"), yes(cell(row, "matrix_ranking")), cell(row, "field_annotation"));
    }

    /**
     * {@code "0, Female | 1, Male"}: options separated by {@code |}, code and label by the first comma.
     * An option without a comma is its own code and label, as REDCap treats it.
     */
    public static List<Choice> parseChoices(String text, String where, String field) {
        List<Choice> choices = new ArrayList<>();
        if (text.isBlank()) {
            return choices;
        }
        for (String option : text.split("\\|")) {
            String o = option.strip();
            if (o.isEmpty()) {
                continue;
            }
            int comma = o.indexOf(',');
            String code = comma < 0 ? o : o.substring(0, comma).strip();
            String label = comma < 0 ? o : o.substring(comma + 1).strip();
            if (code.isEmpty()) {
                throw new IllegalArgumentException(where + ", field '" + field + "': the choice '" + o
                        + "' has no code before its comma; write choices as 'code, label | code, label'");
            }
            choices.add(new Choice(code, label));
        }
        return choices;
    }

    /** {@code "left | middle | right"}; fewer labels fill from the left, as REDCap shows them. */
    static SliderLabels parseSlider(String text) {
        String[] parts = text.isBlank() ? new String[0] : text.split("\\|", -1);
        String left = parts.length > 0 ? parts[0].strip() : "";
        String middle = parts.length > 1 ? parts[1].strip() : "";
        String right = parts.length > 2 ? parts[2].strip() : "";
        return new SliderLabels(left, middle, right);
    }

    private static String cell(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? "" : v.strip();
    }

    private static boolean yes(String flag) {
        String f = flag.toLowerCase(Locale.ROOT);
        return f.equals("y") || f.equals("yes") || f.equals("1");
    }
}
