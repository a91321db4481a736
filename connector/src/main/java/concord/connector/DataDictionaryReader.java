package concord.connector;

import concord.connector.internal.CsvFormatException;
import concord.connector.internal.CsvRows;
import concord.connector.internal.MetadataRows;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a REDCap data dictionary CSV into the same {@link FieldMetadata} the API gives, for users
 * without API access. Accepts the file REDCap's Online Designer downloads (header
 * {@code "Variable / Field Name", ...}, with or without a UTF-8 byte-order mark) and the API's
 * CSV form (header {@code field_name, ...}). Immutable; {@link #withMissingValueMarker(String)}
 * returns a changed copy.
 */
public final class DataDictionaryReader {

    private final String missingValueMarker;

    private DataDictionaryReader(String missingValueMarker) {
        this.missingValueMarker = missingValueMarker;
    }

    public static DataDictionaryReader create() {
        return new DataDictionaryReader("");
    }

    /**
     * Treats cells holding exactly {@code marker} as blank. REDCap never writes such markers, but a
     * dictionary saved by R's {@code write.csv} has {@code NA} in every blank cell.
     */
    public DataDictionaryReader withMissingValueMarker(String marker) {
        return new DataDictionaryReader(Objects.requireNonNull(marker, "marker"));
    }

    public List<FieldMetadata> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads UTF-8 (bad bytes become U+FFFD); {@code sourceName} names the file in error messages. */
    public List<FieldMetadata> read(InputStream in, String sourceName) throws IOException {
        return read(CsvRows.open(in), sourceName);
    }

    public List<FieldMetadata> read(Reader in, String sourceName) throws IOException {
        return read(CsvRows.open(in), sourceName);
    }

    private List<FieldMetadata> read(CsvRows rows, String source) throws IOException {
        try (rows) {
            String[] header = rows.next();
            if (header == null) {
                throw new RedcapFormatException(source + " is empty; a REDCap data dictionary starts with the header "
                        + "\"Variable / Field Name\",\"Form Name\",...", null);
            }
            List<String> columns = columnNames(header, source);
            List<FieldMetadata> fields = new ArrayList<>();
            Set<String> names = new HashSet<>();
            String[] row;
            while ((row = rows.next()) != null) {
                String where = source + " line " + rows.line();
                if (row.length > columns.size()) {
                    throw new RedcapFormatException(where + " has " + row.length + " cells but the header has "
                            + columns.size() + "; a cell with a comma or line break must be in double quotes", null);
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < row.length; i++) {
                    cells.put(columns.get(i), row[i].equals(missingValueMarker) ? "" : row[i]);
                }
                FieldMetadata field;
                try {
                    field = MetadataRows.toField(cells, where);
                } catch (IllegalArgumentException e) {
                    throw new RedcapFormatException(e.getMessage(), e);
                }
                if (!names.add(field.fieldName())) {
                    throw new RedcapFormatException(where + ": field '" + field.fieldName() + "' is defined twice; "
                            + "REDCap variable names are unique within a project", null);
                }
                fields.add(field);
            }
            if (fields.isEmpty()) {
                throw new RedcapFormatException(source + " has a header but no fields; export the data dictionary "
                        + "again from REDCap (Project Setup → Data Dictionary)", null);
            }
            return List.copyOf(fields);
        } catch (UncheckedIOException e) {
            throw new RedcapFormatException(source + " could not be read: " + e.getCause().getMessage(), e.getCause());
        } catch (CsvFormatException e) {
            throw RecordCsvScanner.unreadable(source, e);
        }
    }

    /** Maps each header cell to the API column name, by REDCap's fixed column order. */
    private static List<String> columnNames(String[] header, String source) {
        List<String> api = MetadataRows.API_COLUMNS;
        List<String> ui = MetadataRows.UI_COLUMNS;
        if (header.length > api.size()) {
            throw new RedcapFormatException(source + " has " + header.length + " columns; a REDCap data dictionary "
                    + "has " + api.size() + " (\"Variable / Field Name\" ... \"Field Annotation\")", null);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            String cell = normalize(header[i]);
            if (!cell.equals(normalize(api.get(i))) && !cell.equals(normalize(ui.get(i)))) {
                throw new RedcapFormatException(source + " line 1, column " + (i + 1) + " is \"" + header[i].strip()
                        + "\" where REDCap writes \"" + ui.get(i) + "\" (or \"" + api.get(i) + "\" in the API's form). "
                        + "Is this a REDCap data dictionary? Download it again from Project Setup → Data Dictionary.",
                        null);
            }
            names.add(api.get(i));
        }
        if (names.size() < 5) {
            throw new RedcapFormatException(source + " has only " + names.size() + " columns; a REDCap data "
                    + "dictionary needs at least the first five (field name, form, section header, type, label)", null);
        }
        return names;
    }

    private static String normalize(String header) {
        return header.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
