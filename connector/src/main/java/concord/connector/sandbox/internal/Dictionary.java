package concord.connector.sandbox.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's data dictionary and the flat export columns it implies: each field's columns in metadata order
 * (checkboxes expanded), with {@code <form>_complete} after each form's fields.
 */
public final class Dictionary {
    private final List<FieldDef> fields;
    private final List<FormDef> forms;
    private final Map<String, FieldDef> byName = new HashMap<>();
    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final Map<String, FieldDef> columnField = new HashMap<>();
    private final Map<String, String> columnForm = new HashMap<>();
    private final Map<String, List<String>> formColumns = new LinkedHashMap<>();

    public Dictionary(List<FieldDef> fields, List<FormDef> formLabels) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("The data dictionary has no fields; the first row must be the record-ID field.");
        }
        this.fields = List.copyOf(fields);
        Map<String, FormDef> labels = new HashMap<>();
        formLabels.forEach(f -> labels.put(f.name(), f));
        List<FormDef> formList = new ArrayList<>();
        for (FieldDef f : fields) {
            if (byName.putIfAbsent(f.fieldName(), f) != null) {
                throw new IllegalArgumentException("The data dictionary defines field '" + f.fieldName() + "' twice; rename one of them.");
            }
            if (!formColumns.containsKey(f.formName())) {
                formColumns.put(f.formName(), new ArrayList<>());
                formList.add(labels.getOrDefault(f.formName(), FormDef.fromName(f.formName())));
            }
        }
        this.forms = List.copyOf(formList);
        for (FormDef form : forms) {
            for (FieldDef f : fields) {
                if (f.formName().equals(form.name())) {
                    for (String column : f.exportNames()) {
                        addColumn(column, f, form.name());
                    }
                }
            }
            addColumn(form.name() + "_complete", null, form.name());
        }
    }

    private void addColumn(String column, FieldDef field, String form) {
        columnIndex.put(column, columns.size());
        columns.add(column);
        if (field != null) {
            columnField.put(column, field);
        }
        columnForm.put(column, form);
        formColumns.get(form).add(column);
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public List<FormDef> forms() {
        return forms;
    }

    public FieldDef recordIdField() {
        return fields.get(0);
    }

    public String recordIdName() {
        return fields.get(0).fieldName();
    }

    public FieldDef field(String name) {
        return byName.get(name);
    }

    public boolean hasForm(String form) {
        return formColumns.containsKey(form);
    }

    /** Every data column in export order, the record ID first. */
    public List<String> columns() {
        return Collections.unmodifiableList(columns);
    }

    /** The column's index in {@link RecordRow} value arrays, or -1 if the project has no such column. */
    public int index(String column) {
        Integer i = columnIndex.get(column);
        return i == null ? -1 : i;
    }

    /** The field behind a data column; null for {@code <form>_complete}. */
    public FieldDef fieldOf(String column) {
        return columnField.get(column);
    }

    public String formOf(String column) {
        return columnForm.get(column);
    }

    public List<String> formColumns(String form) {
        return formColumns.getOrDefault(form, List.of());
    }

    public boolean isCompleteColumn(String column) {
        return columnIndex.containsKey(column) && !columnField.containsKey(column);
    }

    public Set<String> formNames() {
        return formColumns.keySet();
    }
}
