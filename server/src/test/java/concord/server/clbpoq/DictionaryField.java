package concord.server.clbpoq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a REDCap data dictionary, its 18 columns in REDCap's order. Empty strings, never null.
 */
record DictionaryField(String fieldName, String formName, String sectionHeader, String fieldType,
                       String fieldLabel, String choices, String fieldNote, String validation,
                       String validationMin, String validationMax, String identifier, String branchingLogic,
                       String required, String customAlignment, String questionNumber, String matrixGroupName,
                       String matrixRanking, String annotation) {

    /** The headers of REDCap's "Data Dictionary" download and upload, in order. */
    static final List<String> HEADERS = List.of("Variable / Field Name", "Form Name", "Section Header",
            "Field Type", "Field Label", "Choices, Calculations, OR Slider Labels", "Field Note",
            "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
            "Identifier?", "Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
            "Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation");

    static DictionaryField of(String name, String form, String type, String label) {
        return new DictionaryField(name, form, "", type, label, "", "", "", "", "", "", "", "", "", "", "", "", "");
    }

    List<String> cells() {
        return List.of(fieldName, formName, sectionHeader, fieldType, fieldLabel, choices, fieldNote, validation,
                validationMin, validationMax, identifier, branchingLogic, required, customAlignment, questionNumber,
                matrixGroupName, matrixRanking, annotation);
    }

    static DictionaryField fromCells(List<String> c) {
        return new DictionaryField(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7),
                c.get(8), c.get(9), c.get(10), c.get(11), c.get(12), c.get(13), c.get(14), c.get(15), c.get(16),
                c.get(17));
    }

    DictionaryField header(String text) {
        return with(2, text);
    }

    DictionaryField choices(String text) {
        return with(5, text);
    }

    DictionaryField note(String text) {
        return with(6, text);
    }

    DictionaryField validate(String type, String min, String max) {
        return with(7, type).with(8, min).with(9, max);
    }

    DictionaryField showIf(String logic) {
        return with(11, logic);
    }

    DictionaryField mandatory() {
        return with(12, "y");
    }

    DictionaryField matrix(String group) {
        return with(15, group);
    }

    DictionaryField annotate(String text) {
        return with(17, text);
    }

    /** Choices of a radio, dropdown or checkbox field: code → label, in order. */
    Map<String, String> choiceMap() {
        Map<String, String> map = new LinkedHashMap<>();
        if (choices.isBlank() || !List.of("radio", "dropdown", "checkbox").contains(fieldType)) {
            return map;
        }
        for (String part : choices.split("\\|")) {
            int comma = part.indexOf(',');
            map.put(part.substring(0, comma).trim(), part.substring(comma + 1).trim());
        }
        return map;
    }

    /** The columns this field has in a flat record export (checkboxes expand, descriptive fields have none). */
    List<String> exportColumns() {
        List<String> columns = new ArrayList<>();
        switch (fieldType) {
            case "descriptive" -> { }
            case "checkbox" -> choiceMap().keySet().forEach(code ->
                    columns.add(fieldName + "___" + code.toLowerCase().replaceAll("[^a-z0-9]", "_")));
            default -> columns.add(fieldName);
        }
        return columns;
    }

    private DictionaryField with(int index, String value) {
        List<String> c = new ArrayList<>(cells());
        c.set(index, value);
        return fromCells(c);
    }
}
