package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupAndQuotes() {
        assertEquals("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;",
                Html.escape("<script>alert(\"x\")</script> & 'y'"));
    }

    @Test
    void keepsCjkAndAstralCharactersButReplacesCharactersXmlForbids() {
        assertEquals("疼痛 Боль \uD83D\uDE00", Html.escape("疼痛 Боль \uD83D\uDE00"));
        assertEquals("a\uFFFDb\uFFFDc\tn", Html.escape("a\u0001b\uD800c\tn"));
        assertEquals("", Html.escape(null));
    }
}
