package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParseException;
import concord.connector.RedcapException;
import concord.connector.RedcapRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonRecordStreamTest {

    private static List<RedcapRecord> read(String json) throws IOException {
        List<RedcapRecord> out = new ArrayList<>();
        long n = JsonRecordStream.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "record_id", out::add);
        assertEquals(out.size(), n);
        return out;
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void rowsWithTheSameColumnsKeepOrderAndValues() throws IOException {
        List<RedcapRecord> rows = read("[{\"record_id\":\"1\",\"q1\":\"9\",\"q2\":\"\",\"note\":\"long text\"},"
                + " {\"record_id\" : \"2\", \"q1\":\"10\",\"q2\":\"7\",\"note\":\"caf\u00e9 \\\"quoted\\\"\"}]");
        assertEquals(map("record_id", "1", "q1", "9", "q2", "", "note", "long text"), rows.get(0).values());
        assertEquals(map("record_id", "2", "q1", "10", "q2", "7", "note", "caf\u00e9 \"quoted\""), rows.get(1).values());
        assertEquals(List.of("record_id", "q1", "q2", "note"), List.copyOf(rows.get(1).values().keySet()));
        assertEquals("2", rows.get(1).recordId());
    }

    @Test
    void rowsWithOtherColumnsGetTheirOwnColumnList() throws IOException {
        List<RedcapRecord> rows = read("[{\"record_id\":\"1\",\"a\":\"x\",\"b\":\"y\"},"
                + "{\"record_id\":\"2\",\"a\":\"x\"},"                       // fewer
                + "{\"record_id\":\"3\",\"a\":\"x\",\"c\":\"z\"},"           // differs in the middle
                + "{\"record_id\":\"4\",\"a\":\"x\",\"c\":\"z\",\"d\":\"w\"}," // more
                + "{\"b\":\"y\",\"record_id\":\"5\"},"                       // another order
                + "{\"record_id\":\"6\",\"a\":\"x\",\"c\":\"z\",\"d\":\"w\"}]");
        assertEquals(map("record_id", "1", "a", "x", "b", "y"), rows.get(0).values());
        assertEquals(map("record_id", "2", "a", "x"), rows.get(1).values());
        assertEquals(map("record_id", "3", "a", "x", "c", "z"), rows.get(2).values());
        assertEquals(map("record_id", "4", "a", "x", "c", "z", "d", "w"), rows.get(3).values());
        assertEquals(List.of("b", "record_id"), List.copyOf(rows.get(4).values().keySet()));
        assertEquals("5", rows.get(4).recordId());
        assertEquals(map("record_id", "6", "a", "x", "c", "z", "d", "w"), rows.get(5).values());
    }

    @Test
    void answersReadByOneStreamShareTheirColumnList() throws IOException {
        JsonRecordStream stream = new JsonRecordStream("record_id");
        List<RedcapRecord> rows = new ArrayList<>();
        for (String answer : List.of("[{\"record_id\":\"1\",\"a\":\"x\"}]", "[{\"record_id\":\"2\",\"a\":\"y\"}]",
                "[{\"record_id\":\"3\",\"b\":\"z\"}]")) {
            assertEquals(1, stream.read(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)), rows::add));
        }
        assertSame(((Row) rows.get(0).values()).columns(), ((Row) rows.get(1).values()).columns());
        assertEquals(map("record_id", "3", "b", "z"), rows.get(2).values());
        assertEquals("3", rows.get(2).recordId());
    }

    @Test
    void escapedColumnNamesMatchTheirPlainSpelling() throws IOException {
        List<RedcapRecord> rows = read("[{\"record_id\":\"1\",\"q1\":\"a\"},{\"record_id\":\"2\",\"q\\u0031\":\"b\"}]");
        assertEquals(map("record_id", "2", "q1", "b"), rows.get(1).values());
    }

    @Test
    void numbersBooleansAndNullBecomeText() throws IOException {
        RedcapRecord r = read("[{\"record_id\":\"1\",\"redcap_event_name\":\"v1_arm_1\",\"redcap_repeat_instrument\":\"bp\","
                + "\"redcap_repeat_instance\":2,\"f\":1.50,\"t\":true,\"n\":false,\"z\":null}]").get(0);
        assertEquals("v1_arm_1", r.eventName());
        assertEquals("bp", r.repeatInstrument());
        assertEquals("2", r.repeatInstance());
        assertEquals("1.50", r.value("f"));
        assertEquals("1", r.value("t"));
        assertEquals("0", r.value("n"));
        assertEquals("", r.value("z"));
        assertEquals(r, RedcapRecord.of("record_id", r.values()), "the same record RedcapRecord.of builds");
    }

    @Test
    void shortValuesAreSharedAndLongerOnesIntact() throws IOException {
        List<RedcapRecord> rows = read("[{\"record_id\":\"100\",\"a\":\"7\",\"b\":\"12\",\"c\":\"\u00e9\",\"d\":\"abc\"},"
                + "{\"record_id\":\"101\",\"a\":\"7\",\"b\":\"12\",\"c\":\"\u00e9\",\"d\":\"abc\"}]");
        assertSame(rows.get(0).value("a"), rows.get(1).value("a"));
        assertSame(rows.get(0).value("b"), rows.get(1).value("b"));
        assertEquals("\u00e9", rows.get(1).value("c"));
        assertEquals("abc", rows.get(1).value("d"));
        assertEquals("101", rows.get(1).recordId());
    }

    @Test
    void wideExportsAcrossParserBuffers() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int r = 1; r <= 300; r++) {
            json.append(r > 1 ? "," : "").append("{\"record_id\":\"").append(r).append('"');
            for (int q = 1; q <= 120; q++) {
                json.append(",\"question_").append(q).append("\":\"").append((r + q) % 9 + 1).append('"');
            }
            json.append('}');
        }
        List<RedcapRecord> rows = read(json.append(']').toString());
        assertEquals(300, rows.size());
        for (RedcapRecord row : rows) {
            int r = Integer.parseInt(row.recordId());
            assertEquals(121, row.values().size());
            for (int q = 1; q <= 120; q++) {
                assertEquals(String.valueOf((r + q) % 9 + 1), row.value("question_" + q));
            }
        }
    }

    @Test
    void emptyAnswersAndBadShapes() throws IOException {
        assertEquals(0, read("").size());
        assertEquals(0, read("[]").size());
        assertThrows(JsonParseException.class, () -> read("{\"record_id\":\"1\"}"));
        assertThrows(JsonParseException.class, () -> read("[{\"record_id\":\"1\",\"a\":[1]}]"));
        JsonParseException repeated = assertThrows(JsonParseException.class,
                () -> read("[{\"record_id\":\"1\",\"a\":\"1\"},{\"record_id\":\"2\",\"a\":\"1\",\"a\":\"2\"}]"));
        assertTrue(repeated.getMessage().contains("repeats a column"), repeated.getMessage());
        RedcapException noId = assertThrows(RedcapException.class, () -> read("[{\"a\":\"1\"}]"));
        assertTrue(noId.getMessage().contains("without the record-ID column 'record_id'"), noId.getMessage());
    }
}
