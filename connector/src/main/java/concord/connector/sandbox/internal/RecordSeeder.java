package concord.connector.sandbox.internal;

import java.util.List;

/**
 * Loads rows of a REDCap flat record export (raw values, as REDCap wrote them) into a project, without
 * validation: the export is taken as the truth.
 */
public final class RecordSeeder {
    private RecordSeeder() {
    }

    /**
     * Repeating instruments a classic flat export reveals: the distinct values of its
     * {@code redcap_repeat_instrument} column (a dictionary CSV does not record the repeating setup).
     */
    public static List<RepeatSetting> repeatingInstruments(String csv) {
        List<List<String>> rows = CsvRows.parse(csv);
        if (rows.isEmpty()) {
            return List.of();
        }
        int col = rows.get(0).indexOf("redcap_repeat_instrument");
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (col >= 0 && col < r.size() && !r.get(col).isEmpty()) {
                forms.add(r.get(col));
            }
        }
        return forms.stream().map(f -> new RepeatSetting(null, f, "")).toList();
    }

    public static int seedCsv(ProjectData project, String csv, String source) {
        List<List<String>> rows = CsvRows.parse(csv);
        if (rows.isEmpty()) {
            return 0;
        }
        return seed(project, rows.get(0), rows.subList(1, rows.size()), source);
    }

    /** Seeds rows under {@code header}; returns the number of rows loaded. Blank header cells (row names) are ignored. */
    public static int seed(ProjectData project, List<String> header, List<List<String>> rows, String source) {
        Dictionary d = project.dictionary();
        int[] target = new int[header.size()];
        int idCol = -1;
        int eventCol = -1;
        int instrumentCol = -1;
        int instanceCol = -1;
        int dagCol = -1;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            target[i] = -2;
            switch (h) {
                case "", "redcap_survey_identifier" -> { }
                case "redcap_event_name" -> eventCol = i;
                case "redcap_repeat_instrument" -> instrumentCol = i;
                case "redcap_repeat_instance" -> instanceCol = i;
                case "redcap_data_access_group" -> dagCol = i;
                default -> {
                    if (h.endsWith("_timestamp") && d.hasForm(h.substring(0, h.length() - "_timestamp".length()))) {
                        project.surveyForms().add(h.substring(0, h.length() - "_timestamp".length()));
                        break;
                    }
                    target[i] = d.index(h);
                    if (target[i] < 0) {
                        throw new IllegalArgumentException(source + ": column '" + h + "' is not a field of the project's data dictionary"
                                + " (checkbox columns are <field>___<code>); seed the matching dictionary or drop the column.");
                    }
                }
            }
            if (h.equals(d.recordIdName())) {
                idCol = i;
            }
        }
        if (idCol < 0) {
            throw new IllegalArgumentException(source + " has no column '" + d.recordIdName() + "', the record-ID field of the dictionary.");
        }
        if (eventCol < 0 && project.isLongitudinal()) {
            throw new IllegalArgumentException(source + " has no redcap_event_name column but the project is longitudinal.");
        }
        if (instrumentCol >= 0 && instanceCol >= 0) {
            project.markRepeatColumns();
        }
        int width = d.columns().size();
        for (List<String> r : rows) {
            String id = cell(r, idCol);
            if (id.isEmpty()) {
                continue;
            }
            String event = eventCol < 0 ? null : cell(r, eventCol);
            String instrument = instrumentCol < 0 ? "" : cell(r, instrumentCol);
            String inst = instanceCol < 0 ? "" : cell(r, instanceCol);
            RecordEntry entry = project.recordOrCreate(id);
            RecordRow row = entry.rowOrCreate(event, instrument, inst.isEmpty() ? 0 : Integer.parseInt(inst), width);
            for (int i = 0; i < header.size(); i++) {
                String v = cell(r, i);
                if (target[i] >= 0) {
                    row.set(target[i], v);
                } else if (i == dagCol) {
                    if (!v.isEmpty()) {
                        project.addDag(v, v);
                        entry.setDag(v);
                    }
                } else if (i != eventCol && i != instrumentCol && i != instanceCol && !header.get(i).isBlank()) {
                    row.setExtra(header.get(i).trim(), v);
                }
            }
        }
        return rows.size();
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i) : "";
    }
}
