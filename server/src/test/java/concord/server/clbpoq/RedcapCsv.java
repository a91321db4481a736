package concord.server.clbpoq;

import java.util.List;
import java.util.Map;

/**
 * Writes CSV the way REDCap does: LF line ends, no BOM. REDCap's data dictionary download quotes
 * every cell containing a space, comma, quote or line break (so "Study ID" is quoted, {@code E-mail}
 * is not); its record export quotes only cells that need it (comma, quote, line break).
 */
final class RedcapCsv {

    private RedcapCsv() {
    }

    static String dictionary(List<DictionaryField> fields) {
        StringBuilder out = new StringBuilder();
        line(out, DictionaryField.HEADERS, true);
        for (DictionaryField f : fields) {
            line(out, f.cells(), true);
        }
        return out.toString();
    }

    static String records(List<String> columns, List<Map<String, String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, columns, false);
        for (Map<String, String> row : rows) {
            line(out, columns.stream().map(c -> row.getOrDefault(c, "")).toList(), false);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, boolean quoteSpaces) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            boolean quote = c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")
                    || quoteSpaces && c.contains(" ");
            out.append(quote ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        out.append('\n');
    }
}
