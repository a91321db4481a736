package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class SvgTest {

    @Test
    void producesWellFormedAccessibleSvgWithEscapedText() throws Exception {
        String svg = new Svg("chart 1", 200, 100.5, "Title <b>", "desc & more")
                .beginGroup("group \"x\"")
                .rect(1, 2, 3.333, -4, "#123456", "<script>alert(1)</script>")
                .text(10, 20, "疼痛 <i>\u0007", Canvas.Anchor.MIDDLE, 9, "#333", true)
                .endGroup()
                .build();
        Document doc = parse(svg);
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        assertEquals("chart_1-title chart_1-desc", doc.getDocumentElement().getAttribute("aria-labelledby"));
        assertEquals("Title <b>", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("疼痛 <i>\uFFFD", doc.getElementsByTagName("text").item(0).getTextContent());
        assertEquals("3.33", ((org.w3c.dom.Element) doc.getElementsByTagName("rect").item(0)).getAttribute("width"));
        assertEquals("0", ((org.w3c.dom.Element) doc.getElementsByTagName("rect").item(0)).getAttribute("height"));
        assertFalse(svg.contains("<script>"));
    }

    @Test
    void shortensLongLabelsByCodePoint() {
        assertEquals("ab\u2026", Svg.shorten("abcdef", 3));
        assertEquals("abc", Svg.shorten("abc", 3));
        assertTrue(Svg.shorten("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00", 2).startsWith("\uD83D\uDE00"));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
