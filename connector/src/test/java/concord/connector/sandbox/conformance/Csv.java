package concord.connector.sandbox.conformance;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** CSV as the clients read it (readr, read.csv, pandas): a header, then rows; here with Jackson's CSV reader. */
final class Csv {
    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private Csv() {
    }

    static List<Map<String, String>> rows(String text) {
        List<List<String>> lines = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class).readValues(text)) {
            it.forEachRemaining(lines::add);
        } catch (IOException e) {
            throw new AssertionError("not CSV: " + text, e);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        List<String> header = lines.get(0);
        for (List<String> line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < line.size() ? line.get(i) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    static List<String> header(String text) {
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class).readValues(text)) {
            return it.hasNext() ? it.next() : List.of();
        } catch (IOException e) {
            throw new AssertionError("not CSV: " + text, e);
        }
    }
}
