package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.StudyResult;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportRendererTest {

    private final HtmlReportRenderer renderer = HtmlReportRenderer.withDefaults();

    @Test
    void printsTable1NumbersAsThePaperDoes() {
        String html = renderer.html(StudyResults.handBuilt(), ReportContext.undated());
        assertTrue(html.contains("<td class=\"num\">88.5</td><td class=\"num\">11.5</td><td class=\"num\">0.0</td>"), html);
        assertTrue(html.contains("<td class=\"num\">7.9 (1.1)</td><td class=\"num\">8 (7.75, 9)</td><td class=\"num\">critical importance</td>"));
        assertTrue(html.contains(">0.517</td>"), "chi-square p to 3 decimals");
        assertTrue(html.contains(">0.764</td>"), "Mann–Whitney p to 3 decimals");
        assertTrue(html.contains(">&lt;0.001</td>"), "q below 0.001");
        assertTrue(html.contains("78.6"), "patients 22 of 28");
    }

    @Test
    void notComputableCellsShowADashAndTheReason() {
        String html = renderer.html(StudyResults.handBuilt(), ReportContext.undated());
        assertTrue(html.contains("7.0 (\u2014)<sup>"), "SD of a single answer");
        assertTrue(html.contains("needs at least 2 valid answers, has 1"));
        assertTrue(html.contains("no valid answers (30 missing)"));
        assertTrue(html.contains("fewer than 2 groups with answers"));
    }

    @Test
    void escapesEveryLabelFromTheStudy() {
        for (StudyResult result : new StudyResult[] {StudyResults.handBuilt(), StudyResults.fromEngine()}) {
            String html = renderer.html(result, ReportContext.undated().withProvenance("Project <x>", "a&b"));
            assertFalse(html.contains("<script>"), "raw script tag");
            assertFalse(html.contains("<b>") || html.contains("<i>study"), "raw markup from labels");
            assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Sleep"));
            assertTrue(html.contains("Project &lt;x&gt;</dt><dd>a&amp;b"));
        }
    }

    @Test
    void printsParticipantCharacteristicsPerGroup() {
        String table = HtmlTables.characteristics(StudyResults.fromEngine());
        assertTrue(table.contains("Age, years</th></tr>"), table);
        assertTrue(table.contains("Mean (SD)</th><td class=\"num\">42.5 (7.6)</td>"), table);
        assertTrue(table.contains("Female, n (%)</th><td class=\"num\">5 (19.2)</td>"), table);
        assertTrue(table.contains("Missing</th><td class=\"num\">0</td><td class=\"num\">1</td>"), table);
    }

    @Test
    void listsTheDifferingOutcomesWithTheirReasons() {
        var result = StudyResults.fromEngine();
        String table = HtmlTables.differingOutcomes(result);
        assertEquals(result.differingOutcomes().size(), count(table, "<tr><th scope=\"row\">"));
        assertTrue(table.contains(StudyResults.CYRILLIC));
        assertTrue(table.contains(escape(result.differingOutcomes().get(0).comparison().reasons().get(0))));
    }

    private static String escape(String text) {
        return concord.analysis.report.internal.Html.escape(text);
    }

    @Test
    void isSelfContained() {
        String html = renderer.html(StudyResults.fromEngine(), ReportContext.undated());
        assertFalse(Pattern.compile("(?i)(src|href)=\"(https?:)?//").matcher(html).find(), "external reference");
        assertFalse(html.contains("<link") || html.contains("<script"), "external stylesheet or script");
        assertTrue(html.contains("<style>"));
        assertEquals(3, count(html, "<svg "), "figure 2, consensus matrix and domain summary");
        assertTrue(html.contains(StudyResults.CHINESE) && html.contains(StudyResults.CYRILLIC));
    }

    @Test
    void everyChartIsWellFormedXml() throws Exception {
        String html = renderer.html(StudyResults.fromEngine(), ReportContext.undated());
        Matcher svg = Pattern.compile("(?s)<svg .*?</svg>").matcher(html);
        int charts = 0;
        while (svg.find()) {
            SvgChartsTest.parse(svg.group());
            charts++;
        }
        assertEquals(3, charts);
    }

    @Test
    void sameResultGivesTheSameBytes() {
        ReportContext context = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"));
        assertArrayEquals(renderer.render(StudyResults.fromEngine(), context), renderer.render(StudyResults.fromEngine(), context));
        assertTrue(renderer.html(StudyResults.fromEngine(), context).contains("2026-03-01T10:00:00Z"));
    }

    static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
