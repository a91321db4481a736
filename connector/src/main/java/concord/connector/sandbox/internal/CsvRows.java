package concord.connector.sandbox.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes REDCap's CSV (RFC 4180, multi-line cells, optional UTF-8 BOM). */
public final class CsvRows {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private CsvRows() {
    }

    /** All rows, the header first; blank lines are skipped. */
    public static List<List<String>> parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class).readValues(text)) {
            while (it.hasNext()) {
                List<String> row = it.next();
                if (row.size() == 1 && row.get(0).isBlank() || row.isEmpty()) {
                    continue;
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The CSV could not be read: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * One CSV line (with the trailing newline) quoting cells as REDCap does: a cell is quoted when it holds a
     * space, comma, quote or line break.
     */
    public static void appendLine(StringBuilder out, List<String> cells) {
        appendLine(out, cells, ',');
    }

    /** {@link #appendLine(StringBuilder, List)} with another delimiter ({@code csvDelimiter}: tab, ; | ^). */
    public static void appendLine(StringBuilder out, List<String> cells, char delimiter) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(delimiter);
            }
            appendCell(out, cells.get(i), delimiter);
        }
        out.append('\n');
    }

    public static void appendCell(StringBuilder out, String cell) {
        appendCell(out, cell, ',');
    }

    private static void appendCell(StringBuilder out, String cell, char delimiter) {
        String c = cell == null ? "" : cell;
        boolean quote = false;
        for (int i = 0; i < c.length() && !quote; i++) {
            char ch = c.charAt(i);
            quote = ch == delimiter || ch == ',' || ch == '"' || ch == '\n' || ch == '\r' || ch == ' ' || ch == '\t';
        }
        if (quote) {
            out.append('"').append(c.replace("\"", "\"\"")).append('"');
        } else {
            out.append(c);
        }
    }


}
