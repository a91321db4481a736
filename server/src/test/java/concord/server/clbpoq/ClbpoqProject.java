package concord.server.clbpoq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole demo project: dictionary rows and records, with the column layout of a REDCap flat
 * record export (record ID, the repeat columns because the project has a repeating instrument,
 * then each instrument's fields followed by its {@code <form>_complete}); the qualitative instances are rows of
 * their own ({@link ClbpoqQualitative}).
 */
record ClbpoqProject(List<DictionaryField> fields, List<Map<String, String>> records, List<Map<String, String>> qualitative) {

    ClbpoqProject {
        fields = List.copyOf(fields);
        records = List.copyOf(records);
        qualitative = List.copyOf(qualitative);
    }

    ClbpoqProject(List<DictionaryField> fields, List<Map<String, String>> records) {
        this(fields, records, ClbpoqQualitative.rows(records));
    }

    /** The qualitative instances of one record, in instance order. */
    List<Map<String, String>> qualitativeOf(String recordId) {
        return qualitative.stream().filter(q -> q.get("record_id").equals(recordId)).toList();
    }

    /** Instrument unique name → its fields, in project order. */
    Map<String, List<DictionaryField>> forms() {
        Map<String, List<DictionaryField>> forms = new LinkedHashMap<>();
        for (String form : ClbpoqDictionary.INSTRUMENTS.keySet()) {
            forms.put(form, new ArrayList<>());
        }
        for (DictionaryField f : fields) {
            forms.get(f.formName()).add(f);
        }
        return forms;
    }

    List<String> exportColumns() {
        List<String> columns = new ArrayList<>();
        for (Map.Entry<String, List<DictionaryField>> form : forms().entrySet()) {
            for (DictionaryField f : form.getValue()) {
                columns.addAll(f.exportColumns());
                if (f.fieldName().equals("record_id")) {
                    columns.add("redcap_repeat_instrument");
                    columns.add("redcap_repeat_instance");
                }
            }
            columns.add(form.getKey() + "_complete");
        }
        return columns;
    }
}
