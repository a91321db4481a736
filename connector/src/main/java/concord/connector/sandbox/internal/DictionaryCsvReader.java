package concord.connector.sandbox.internal;

import java.util.List;
import java.util.Locale;

/**
 * Reads a data dictionary CSV with REDCap's UI headers ({@code "Variable / Field Name"}, …) or the API's
 * ({@code field_name}, …); both list the 18 columns in the same order.
 */
public final class DictionaryCsvReader {
    private DictionaryCsvReader() {
    }

    public static Dictionary read(String csv, String source) {
        List<List<String>> rows = CsvRows.parse(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty; export the data dictionary from REDCap (Project Setup > Data Dictionary).");
        }
        String first = rows.get(0).get(0).trim().toLowerCase(Locale.ROOT);
        if (!first.equals("variable / field name") && !first.equals("field_name")) {
            throw new IllegalArgumentException(source + " does not start with the header 'Variable / Field Name' or 'field_name' (found '"
                    + rows.get(0).get(0) + "'); is it a REDCap data dictionary?");
        }
        if (rows.get(0).size() < 6) {
            throw new IllegalArgumentException(source + " has " + rows.get(0).size() + " columns; a REDCap data dictionary has 18.");
        }
        List<FieldDef> fields = rows.subList(1, rows.size()).stream()
                .filter(r -> !r.get(0).isBlank())
                .map(FieldDef::of)
                .toList();
        if (fields.isEmpty()) {
            throw new IllegalArgumentException(source + " has a header but no fields.");
        }
        return new Dictionary(fields, List.of());
    }
}
