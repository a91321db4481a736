package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportRendererTest {

    private final CsvReportRenderer renderer = CsvReportRenderer.withDefaults();

    @Test
    void writesOneRowPerOutcomeAndGroupWithBom() {
        byte[] bytes = renderer.render(StudyResults.fromEngine(), ReportContext.undated());
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(bytes, 3));
        List<List<String>> rows = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertEquals(1 + 6 * 2, rows.size());
        int width = rows.get(0).size();
        rows.forEach(r -> assertEquals(width, r.size(), () -> "ragged row " + r));
    }

    @Test
    void numbersArePlainDecimalsAndMissingValuesEmptyWithAReason() {
        List<List<String>> rows = parse(text(StudyResults.handBuilt()));
        List<String> header = rows.get(0);
        List<String> doctor = rows.get(1);
        assertEquals("88.46153846153847", doctor.get(header.indexOf("pct_7_9")));
        assertEquals("0.5168", doctor.get(header.indexOf("chi_square_p")));
        assertEquals("-0.3", doctor.get(header.indexOf("rank_test_z")));
        assertEquals("0.00049", doctor.get(header.indexOf("q_rank_test")));
        List<String> silentPatient = rows.get(4);
        assertEquals("", silentPatient.get(header.indexOf("mean")));
        assertTrue(silentPatient.get(header.indexOf("not_computable")).contains("Patient mean: no valid answers (30 missing)"));
    }

    @Test
    void quotesAndNeutralisesHostileLabels() {
        String csv = text(StudyResults.fromEngine());
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","), csv);
        assertTrue(csv.contains(StudyResults.CHINESE) && csv.contains(StudyResults.CYRILLIC));
        List<List<String>> rows = parse(csv);
        rows.stream().skip(1).flatMap(List::stream).forEach(field -> assertTrue(
                field.isEmpty() || "=+@\t\r".indexOf(field.charAt(0)) < 0
                        || field.charAt(0) == '-' && field.matches("-[0-9.]+"), () -> "unsafe field " + field));
    }

    @Test
    void sameResultGivesTheSameBytes() {
        assertArrayEquals(renderer.render(StudyResults.fromEngine(), ReportContext.undated()),
                renderer.render(StudyResults.fromEngine(), ReportContext.undated()));
    }

    private String text(concord.analysis.StudyResult result) {
        byte[] bytes = renderer.render(result, ReportContext.undated());
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return rows;
    }
}
