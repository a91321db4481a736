package concord.connector.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRowWriterTest {

    private static byte[] written(List<String> columns, List<Object[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonRowWriter w = new JsonRowWriter(out, columns);
        w.start();
        for (Object[] r : rows) {
            w.row(r);
        }
        w.end();
        return out.toByteArray();
    }

    /** What the sandbox wrote before: Jackson's generator, field by field, into text sent as UTF-8. */
    private static byte[] jackson(List<String> columns, List<Object[]> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new ObjectMapper().getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (Object[] r : rows) {
                g.writeStartObject();
                for (int i = 0; i < r.length; i++) {
                    if (r[i] instanceof Integer n) {
                        g.writeNumberField(columns.get(i), n);
                    } else {
                        g.writeStringField(columns.get(i), r[i] == null ? "" : r[i].toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesWhatJacksonWritesForEveryKindOfText() throws IOException {
        List<String> columns = List.of("record_id", "text", "redcap_repeat_instance", "odd \"name\"\\", "caf\u00e9");
        String huge = "x".repeat(70_000) + "\u00e9" + "y".repeat(40_000);
        List<Object[]> rows = List.of(
                new Object[] {"1", "plain", 1, "", "9"},
                new Object[] {"2", "quote \" backslash \\ slash /", "", null, "tab\tnew\nline\r\u0001\u001f"},
                new Object[] {"3", "\u00e9\u00e8 \u4e2d\u6587 \ud83d\ude00 emoji", 12345, "\u007f del", "<b>&amp;</b>"},
                new Object[] {"4", huge, -7, "x".repeat(40_000), "\""});
        byte[] expected = jackson(columns, rows);
        byte[] actual = written(columns, rows);
        int differs = java.util.Arrays.mismatch(expected, actual);
        assertEquals(-1, differs, () -> "first difference at byte " + differs + ": expected …"
                + new String(expected, Math.max(0, differs - 40), Math.min(80, expected.length - Math.max(0, differs - 40)), StandardCharsets.UTF_8)
                + "… but wrote …" + new String(actual, Math.max(0, differs - 40), Math.min(80, actual.length - Math.max(0, differs - 40)), StandardCharsets.UTF_8));
    }

    @Test
    void manyRowsAcrossBufferFlushesAndEmptyAnswers() throws IOException {
        List<String> columns = new ArrayList<>();
        for (int c = 0; c < 62; c++) {
            columns.add(c == 0 ? "record_id" : "q" + c);
        }
        List<Object[]> rows = new ArrayList<>();
        for (int r = 1; r <= 2_000; r++) {
            Object[] cells = new Object[columns.size()];
            cells[0] = Integer.toString(r);
            for (int c = 1; c < cells.length; c++) {
                cells[c] = (r * c) % 11 == 0 ? "" : Integer.toString((r + c) % 9 + 1);
            }
            rows.add(cells);
        }
        assertArrayEquals(jackson(columns, rows), written(columns, rows));
        assertEquals("[]", new String(written(columns, List.of()), StandardCharsets.UTF_8));
        assertArrayEquals(jackson(List.of(), List.<Object[]>of(new Object[0])), written(List.of(), List.<Object[]>of(new Object[0])));
    }
}
