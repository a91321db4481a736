package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import concord.connector.RedcapRecord;
import concord.connector.RowsAsMaps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte reader of JSON exports reads what {@link JsonRecordStream} reads, or declines (and the caller
 * uses {@link JsonRecordStream}): checked on random exports with escapes, numbers, literals, non-ASCII and
 * malformed bytes, nested values, repeated fields and damaged syntax.
 */
class JsonRowsTest {

    private static final String[] KEYS = {"record_id", "q1", "q2", "note", "redcap_repeat_instance"};
    private static final String[] VALUES = {"\"1\"", "\"\"", "\"9\"", "\"caf\\u00e9\"", "\"say \\\"hi\\\"\\n\"", "\"a\\/b\"",
            "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"é\"", "7", "-0", "1.5e3", "01", "true", "false", "null", "{}", "[1]",
            "\"tab\\there\"", "\"\\\\\"", "\"\u4e2d\"", "\"x\\q\"", "\"\\u12\"", "1.", "\"raw\ttab\""};

    private static byte[] export(SplittableRandom random) {
        StringBuilder s = new StringBuilder("[");
        int rows = random.nextInt(0, 5);
        for (int r = 0; r < rows; r++) {
            s.append(r == 0 ? "" : random.nextInt(10) == 0 ? " ,\n " : ",").append('{');
            int n = random.nextInt(1, KEYS.length + 1);
            for (int k = 0; k < n; k++) {
                String key = random.nextInt(12) == 0 ? KEYS[random.nextInt(KEYS.length)] : KEYS[k];
                s.append(k == 0 ? "" : ",").append(random.nextInt(15) == 0 ? " " : "").append('"').append(key)
                        .append("\":").append(VALUES[random.nextInt(VALUES.length)]);
            }
            s.append('}');
        }
        s.append(']');
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(4) == 0 && bytes.length > 2) { // damage one byte
            String damage = "\"{}[],: \\\u00ff";
            bytes[random.nextInt(bytes.length)] = (byte) damage.charAt(random.nextInt(damage.length()));
        }
        return bytes;
    }

    private static List<Map<String, String>> jackson(byte[] body) throws Exception {
        List<Map<String, String>> out = new ArrayList<>();
        JsonRecordStream.read(new ByteArrayInputStream(body), "record_id", (RedcapRecord r) -> out.add(new LinkedHashMap<>(r.values())));
        return out;
    }

    @Test
    void readsWhatJacksonReadsOrDeclines() {
        SplittableRandom random = new SplittableRandom(3);
        int plain = 0;
        for (int n = 0; n < 100_000; n++) {
            byte[] body = export(random);
            JsonRows rows = new JsonRows("record_id");
            byte[] copy = body.clone();
            if (!rows.parse(copy, copy.length)) {
                continue;
            }
            plain++;
            RowsAsMaps delivered = new RowsAsMaps();
            rows.deliver(delivered);
            try {
                assertEquals(jackson(body), delivered.rows(), new String(body, StandardCharsets.UTF_8));
            } catch (Exception e) {
                fail("JsonRows read what JsonRecordStream rejects (" + e.getMessage() + "): " + new String(body, StandardCharsets.UTF_8));
            }
        }
        assertTrue(plain > 10_000, plain + " plain answers");
    }

    @Test
    void aTypicalRedcapAnswerIsPlain() {
        byte[] body = ("[{\"record_id\":\"1\",\"redcap_repeat_instrument\":\"\",\"redcap_repeat_instance\":\"\",\"q1\":\"7\","
                + "\"note\":\"Caf\\u00e9 \\/ \\\"ok\\\"\"},\n{\"record_id\":\"2\",\"redcap_repeat_instrument\":\"results\","
                + "\"redcap_repeat_instance\":1,\"q1\":\"\",\"note\":\"\"}]").getBytes(StandardCharsets.UTF_8);
        JsonRows rows = new JsonRows("record_id");
        assertTrue(rows.parse(body, body.length));
        RowsAsMaps out = new RowsAsMaps();
        rows.deliver(out);
        assertEquals("Café / \"ok\"", out.rows().get(0).get("note"));
        assertEquals("1", out.rows().get(1).get("redcap_repeat_instance"));
        assertEquals(List.of("1", "2"), out.recordIds());
    }

    @Test
    void escapedRecordIdsAndRepeatedFieldsAreLeftToJackson() {
        byte[] escapedId = "[{\"record_id\":\"\\u00dc1\"}]".getBytes(StandardCharsets.UTF_8);
        assertFalse(new JsonRows("record_id").parse(escapedId, escapedId.length));
        byte[] repeated = "[{\"record_id\":\"1\",\"q\":\"1\",\"q\":\"2\"}]".getBytes(StandardCharsets.UTF_8);
        assertFalse(new JsonRows("record_id").parse(repeated, repeated.length));
        byte[] noId = "[{\"q\":\"1\"}]".getBytes(StandardCharsets.UTF_8);
        assertFalse(new JsonRows("record_id").parse(noId, noId.length));
    }

    @Test
    void columnListsAreSharedAcrossAnswers() {
        JsonRows rows = new JsonRows("record_id");
        List<Object> seen = new ArrayList<>();
        for (String body : List.of("[{\"record_id\":\"1\",\"q\":\"1\"}]", "[{\"record_id\":\"2\",\"q\":\"3\"}]")) {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            assertTrue(rows.parse(b, b.length));
            rows.deliver(new concord.connector.RecordRowSink() {
                @Override
                public void columns(concord.connector.ExportColumns columns) {
                    seen.add(columns);
                }

                @Override
                public void row(concord.connector.ExportRow row) {
                }
            });
        }
        assertEquals(2, seen.size());
        assertTrue(seen.get(0) == seen.get(1), "the same ExportColumns object, so a reader resolves it once");
    }
}
