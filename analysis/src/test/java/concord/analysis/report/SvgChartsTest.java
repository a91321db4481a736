package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.StudyResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SvgChartsTest {

    @Test
    void figure2HasABarPerBandAndGroupAndAMeanDotPerGroup() throws Exception {
        StudyResult result = StudyResults.fromEngine();
        Document svg = parse(SvgCharts.figure2(result, "t"));
        int differing = result.differingOutcomes().size();
        assertTrue(differing >= 2, "fixture has differing outcomes");
        NodeList groups = svg.getElementsByTagName("g");
        assertEquals(differing, groups.getLength());
        assertEquals(differing * 2, svg.getElementsByTagName("circle").getLength());
        Element root = svg.getDocumentElement();
        assertEquals("img", root.getAttribute("role"));
        assertTrue(svg.getElementsByTagName("title").item(0).getTextContent().contains("differ"));
    }

    @Test
    void chartsEscapeLabelsAndStayValidXml() throws Exception {
        StudyResult result = StudyResults.fromEngine();
        for (String chart : new String[] {SvgCharts.figure2(result, "a"), SvgCharts.consensusMatrix(result, "b"),
                SvgCharts.domainSummary(result, "c")}) {
            assertFalse(chart.contains("<script>"));
            assertFalse(chart.contains("<functioning>"));
            parse(chart);
        }
        String domains = SvgCharts.domainSummary(result, "c");
        assertTrue(domains.contains("Social &lt;functioning&gt;"));
        assertTrue(domains.contains("生理"));
    }

    @Test
    void consensusMatrixListsTheOutcomesOfEachCell() throws Exception {
        StudyResult result = StudyResults.fromEngine();
        Document svg = parse(SvgCharts.consensusMatrix(result, "m"));
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("Critical for both"), text);
        assertTrue(text.contains("Critical only for Doctor"), text);
        assertTrue(text.contains(StudyResults.CHINESE), "pain is critical for both");
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
