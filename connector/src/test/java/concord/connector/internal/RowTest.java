package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowTest {

    private final Row.Columns columns = new Row.Columns(List.of("record_id", "q1", "q2"));

    @Test
    void behavesLikeAnOrderedMap() {
        Row row = new Row(columns, new String[] {"7", "9", ""});
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("record_id", "7");
        expected.put("q1", "9");
        expected.put("q2", "");
        assertEquals(expected, row);
        assertEquals(row, expected);
        assertEquals(expected.hashCode(), row.hashCode());
        assertEquals(List.of("record_id", "q1", "q2"), List.copyOf(row.keySet()));
        assertEquals("9", row.get("q1"));
        assertNull(row.get("q3"));
        assertTrue(row.containsKey("q2"));
    }

    @Test
    void isImmutableAndChecked() {
        Row row = new Row(columns, new String[] {"7", "9", ""});
        assertThrows(UnsupportedOperationException.class, () -> row.put("q1", "1"));
        assertThrows(UnsupportedOperationException.class, () -> row.entrySet().iterator().next().setValue("x"));
        assertThrows(IllegalArgumentException.class, () -> new Row(columns, new String[] {"7"}));
        assertThrows(IllegalArgumentException.class, () -> new Row.Columns(List.of("a", "a")));
    }
}
