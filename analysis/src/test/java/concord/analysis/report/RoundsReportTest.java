package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.analysis.Consensus;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.analysis.report.internal.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "Delphi rounds" section of every report format shows the same rows and numbers as the
 * result's JSON ({@code stability}, {@code attrition}, {@code delphi}); single surveys have none.
 */
class RoundsReportTest {
    static final ReportContext CONTEXT = ReportContext.undated();

    static final StudyResult RESULT = RoundsExample.result();

    /** The rows every format must show, per table id, built from the JSON alone. */
    static Map<String, List<List<String>>> expected() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StudyResultJson.write(RESULT));
        List<String> roundLabels = new ArrayList<>();
        json.get("rounds").forEach(r -> roundLabels.add(r.get("label").asText()));
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        List<List<String>> consensus = new ArrayList<>();
        List<List<String>> stability = new ArrayList<>();
        for (JsonNode outcome : json.get("stability")) {
            String label = outcome.get("label").asText();
            outcome.get("groups").fields().forEachRemaining(g -> {
                JsonNode s = g.getValue();
                List<String> row = new ArrayList<>(List.of(label, g.getKey()));
                s.get("consensusByRound").forEach(c -> row.add(c.isNull() ? "no answers" : consensusLabel(c.asText())));
                row.add(s.get("consensusReachedInRound").isNull() ? "no consensus" : s.get("consensusReachedInRound").asText());
                consensus.add(row);
                JsonNode changes = s.get("changes");
                JsonNode last = changes.size() == 0 ? null : changes.get(changes.size() - 1);
                String verdict = s.get("stable").isNull() ? "not judged" : s.get("stable").asBoolean() ? "stable" : "not stable";
                String why = last == null ? "fewer than two rounds with answers" : last.get("stable").isNull()
                        ? last.get("notComputable").path("stable").asText() : join(last.get("reasons"));
                stability.add(List.of(label, g.getKey(), last == null ? "" : last.get("fromRound").asText() + "\u2192" + last.get("toRound").asText(),
                        last == null ? "0" : last.get("pairs").asText(), last == null ? Numbers.NOT_COMPUTABLE : p(last.path("wilcoxon").path("p")),
                        last == null ? Numbers.NOT_COMPUTABLE : percent(last.get("pctChangedBand")), verdict, why));
            });
        }
        tables.put("rounds-consensus", consensus);
        tables.put("rounds-stability", stability);
        List<JsonNode> attrition = new ArrayList<>();
        json.get("attrition").get("groups").forEach(attrition::add);
        attrition.add(json.get("attrition").get("all"));
        List<List<String>> response = new ArrayList<>();
        List<List<String>> summary = new ArrayList<>();
        List<List<String>> dropouts = new ArrayList<>();
        for (JsonNode g : attrition) {
            String group = g.get("group").isNull() ? "All participants" : g.get("group").asText();
            for (JsonNode r : g.get("rounds")) {
                response.add(List.of(group, roundLabels.get(r.get("round").asInt() - 1), g.get("panel").asText(), r.get("respondents").asText(),
                        percent(r.get("pctOfPanel")), percent(r.get("pctOfFirstRound")), percent(r.get("pctOfPrevious"))));
            }
            summary.add(List.of(group, g.get("panel").asText(), g.get("completers").asText(), g.get("dropouts").asText()));
            for (JsonNode c : g.get("comparisons")) {
                dropouts.add(List.of(group, c.get("label").asText(), c.get("completers").get("n").asText(), c.get("dropouts").get("n").asText(),
                        p(c.path("mannWhitney").path("p")), p(c.get("q")), c.get("flagged").asBoolean() ? "yes" : "no",
                        c.path("mannWhitney").isNull() ? c.get("notComputable").path("mannWhitney").asText() : ""));
            }
        }
        tables.put("rounds-response", response);
        tables.put("rounds-dropout-summary", summary);
        tables.put("rounds-dropouts", dropouts);
        return tables;
    }

    @Test
    void theExpectedRowsAreNotTrivial() throws Exception {
        var expected = expected();
        assertEquals(4, expected.get("rounds-consensus").size());
        assertEquals(9, expected.get("rounds-response").size());
        assertEquals(6, expected.get("rounds-dropouts").size());
        assertTrue(expected.get("rounds-stability").stream().anyMatch(r -> r.get(6).equals("not stable")));
    }

    @Test
    void htmlShowsTheJsonFiguresEscaped() throws Exception {
        String html = HtmlReportRenderer.withDefaults().html(RESULT, CONTEXT);
        assertTrue(html.contains("<h2 id=\"s-rounds\">Delphi rounds</h2>"));
        assertFalse(html.contains("<b>Alpha</b>"));
        assertTrue(html.contains("&lt;b&gt;Alpha&lt;/b&gt; &amp; co"));
        for (Map.Entry<String, List<List<String>>> table : expected().entrySet()) {
            assertEquals(table.getValue(), htmlRows(html, table.getKey()), table.getKey());
        }
        String advice = RESULT.delphi().orElseThrow().advice().text();
        assertTrue(html.contains("<p>Stopping advice: " + HtmlTables.escapeText(advice) + "</p>"), advice);
    }

    @Test
    void singleSurveyReportsHaveNoRoundsSection() throws Exception {
        for (StudyResult single : List.of(RoundsExample.singleSurvey(), StudyResults.fromEngine())) {
            String html = HtmlReportRenderer.withDefaults().html(single, CONTEXT);
            assertFalse(html.contains("Delphi rounds"));
            assertFalse(html.contains("rounds-"));
            assertEquals("", HtmlTables.rounds(single));
        }
    }

    /** The body rows of one table of the HTML, cells unescaped. */
    static List<List<String>> htmlRows(String html, String id) {
        Matcher table = Pattern.compile("<table class=\"concord-table " + id + "\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(table.find(), id);
        String body = table.group(1).substring(table.group(1).indexOf("<tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(unescape(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String consensusLabel(String code) {
        for (Consensus c : Consensus.values()) {
            if (c.code().equals(code)) {
                return c.label();
            }
        }
        throw new AssertionError(code);
    }

    private static String percent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? Numbers.NOT_COMPUTABLE : Numbers.percent(value.asDouble());
    }

    private static String p(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? Numbers.NOT_COMPUTABLE : Numbers.p(value.asDouble());
    }

    private static String join(JsonNode strings) {
        List<String> out = new ArrayList<>();
        strings.forEach(s -> out.add(s.asText()));
        return String.join("; ", out);
    }
}
