package concord.connector.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class FilterLogicTest {
    static final Map<String, String> ROW = Map.of("age", "42", "name", "Ann", "race___2", "1", "blank", "");

    static boolean eval(String logic) {
        Predicate<Function<String, String>> p = FilterLogic.parse(logic, ref -> {
            String column = ref.contains("(") ? ref.replace("(", "___").replace(")", "") : ref;
            return ROW.containsKey(column) ? column : null;
        });
        return p.test(ROW::get);
    }

    @Test
    void comparesNumbersNumericallyAndTextAsText() {
        assertTrue(eval("[age] > 9"), "42 > 9 numerically, not as text");
        assertTrue(eval("[age] = '42'"));
        assertTrue(eval("[age] >= 42 and [age] <= 42.0"));
        assertTrue(eval("[name] = \"Ann\""));
        assertTrue(eval("[name] <> 'Bob' and [name] != 'Cy'"));
        assertFalse(eval("[blank] < 5"), "a blank never satisfies an ordering");
        assertTrue(eval("[blank] = ''"));
    }

    @Test
    void combinesWithAndOrParenthesesAndCheckboxOptions() {
        assertTrue(eval("[race(2)] = '1'"));
        assertTrue(eval("[age] < 10 or ([name] = 'Ann' AND [race(2)] = 1)"));
        assertFalse(eval("([age] < 10 or [name] = 'Bob') and [race(2)] = 1"));
    }

    @Test
    void rejectsUnknownFieldsAndBadSyntax() {
        ApiException unknown = assertThrows(ApiException.class, () -> eval("[shoe] = 1"));
        assertEquals(400, unknown.status());
        assertTrue(unknown.getMessage().contains("unknown field [shoe]"));
        assertThrows(ApiException.class, () -> eval("[age] >"));
        assertThrows(ApiException.class, () -> eval("([age] > 1"));
        assertThrows(ApiException.class, () -> eval("[age] ~ 1"));
    }
}
