package concord.connector.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamsTest {
    @Test
    void arraysInAllThreeFormsInOrder() {
        assertEquals(List.of("a", "b", "c"), Params.parseForm("x%5B1%5D=b&x%5B0%5D=a&x%5B2%5D=c").list("x"));
        assertEquals(List.of("a", "b"), Params.parseForm("x[]=a&x[]=b").list("x"));
        assertEquals(List.of("a", "b"), Params.parseForm("x=a%2Cb").list("x"));
        assertEquals(List.of("a", "b"), Params.parseForm("x=a&x[1]=b&x[]=a").list("x"), "merged, duplicates removed");
        assertEquals(List.of(), Params.parseForm("y=1").list("x"));
    }

    @Test
    void booleansAreCaseInsensitive() {
        Params p = Params.parseForm("a=True&b=FALSE&c=1&d=0&e=true");
        assertTrue(p.bool("a"));
        assertFalse(p.bool("b"));
        assertTrue(p.bool("c"));
        assertFalse(p.bool("d"));
        assertTrue(p.bool("e"));
        assertFalse(p.bool("missing"));
    }

    @Test
    void decodesFormEncoding() {
        Params p = Params.parseForm("data=%5B%7B%22a%22%3A%221+2%22%7D%5D&empty=&flag");
        assertEquals("[{\"a\":\"1 2\"}]", p.get("data"));
        assertEquals("", p.get("empty"));
        assertEquals("fallback", p.get("empty", "fallback"));
        assertEquals("", p.get("flag"));
    }
}
