package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import concord.analysis.CodedQuote;
import concord.analysis.JointDisplay;
import concord.analysis.JointDisplayRow;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/** The joint display (the paper's Table 2): the model, its JSON and its HTML, DOCX and PDF renderings. */
class JointDisplayReportTest {
    private static final Path WQY = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
    private static final String HOSTILE_QUOTE = "<img src=x onerror=alert(1)> 我睡不好 & \"worse\"";
    private static final ReportContext CONTEXT = ReportContext.undated();

    static StudyResult withQuotes() {
        StudyResult result = StudyResults.fromEngine();
        return result.withQuotes(List.of(
                new CodedQuote("Patients stress sleep", List.of("sleep", "pain"), "2", "P27", HOSTILE_QUOTE),
                new CodedQuote("Doctors treat the whole person", List.of("pain"), "1", "D7", "We look at the whole life."),
                new CodedQuote("Patients stress sleep", List.of("pain"), "1", "", "Sleep matters to them.")),
                Map.of("pain", "Life impact 生活影响", "sleep", "Physiological/clinical"));
    }

    @Test
    void rowsFollowStudyOrderThemesAndQuotesEntryOrderAndTheRestIsListed() {
        JointDisplay display = withQuotes().jointDisplay().orElseThrow();
        assertEquals(List.of("pain", "sleep"), display.rows().stream().map(r -> r.outcome().field()).toList());
        JointDisplayRow pain = display.rows().get(0);
        assertEquals("Life impact 生活影响", pain.coreArea());
        assertEquals(List.of("Patients stress sleep", "Doctors treat the whole person"),
                pain.themes().stream().map(t -> t.theme()).toList());
        assertEquals(List.of("P27", ""), pain.themes().get(0).quotes().stream().map(q -> q.speaker()).toList());
        assertEquals("Patient 患者", pain.themes().get(0).quotes().get(0).groupLabel());
        assertEquals(List.of("link", "back", "skeletal", "never"),
                display.withoutQualitativeData().stream().map(o -> o.outcome().field()).toList());
    }

    @Test
    void theGroupWithTheHigherMeanIsMarked() {
        StudyResult result = withQuotes();
        for (JointDisplayRow row : result.jointDisplay().orElseThrow().rows()) {
            var stats = result.outcomes().stream().filter(o -> o.outcome().equals(row.outcome())).findFirst().orElseThrow();
            double doctor = stats.groups().get("Doctor").mean().getAsDouble();
            double patient = stats.groups().get("Patient 患者").mean().getAsDouble();
            String expected = doctor > patient ? "Doctor" : "Patient 患者";
            assertEquals(expected, row.higherGroup().orElseThrow().label(), row.outcome().field());
            assertEquals(stats.groups().get("Doctor").pctTop(), row.groups().get(0).pctTop());
        }
    }

    @Test
    void noQuotesNoJointDisplayAndTheJsonIsUnchanged() {
        StudyResult plain = StudyResults.fromEngine();
        StudyResult none = plain.withQuotes(List.of(), Map.of());
        assertTrue(none.jointDisplay().isEmpty());
        assertEquals(StudyResultJson.write(plain), StudyResultJson.write(none));
        assertFalse(StudyResultJson.write(plain).contains("jointDisplay"));
        assertEquals(HtmlReportRenderer.withDefaults().html(plain, CONTEXT), HtmlReportRenderer.withDefaults().html(none, CONTEXT));
    }

    @Test
    void unknownOutcomesAndGroupsAreRefused() {
        StudyResult plain = StudyResults.fromEngine();
        assertThrows(IllegalArgumentException.class, () -> plain.withQuotes(
                List.of(new CodedQuote("T", List.of("nope"), "1", "D1", "x")), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> plain.withQuotes(
                List.of(new CodedQuote("T", List.of("pain"), "9", "D1", "x")), Map.of()));
    }

    @Test
    void jsonHoldsTheRowsFiguresThemesAndQuotes() throws Exception {
        StudyResult result = withQuotes();
        JsonNode d = new ObjectMapper().readTree(StudyResultJson.write(result)).get("jointDisplay");
        JsonNode pain = d.get("rows").get(0);
        assertEquals("pain", pain.get("field").asText());
        assertEquals("Life impact 生活影响", pain.get("coreArea").asText());
        assertEquals(result.outcomes().get(0).groups().get("Doctor").mean().getAsDouble(),
                pain.get("groups").get("Doctor").get("mean").asDouble());
        assertEquals(HOSTILE_QUOTE, pain.get("themes").get(0).get("quotes").get(0).get("text").asText());
        assertEquals("P27", pain.get("themes").get(0).get("quotes").get(0).get("speaker").asText());
        assertEquals(4, d.get("withoutQualitativeData").size());
    }

    @Test
    void htmlEscapesQuotesAndShowsTheTable() {
        String html = HtmlReportRenderer.withDefaults().html(withQuotes(), CONTEXT);
        assertTrue(html.contains("Joint display (Table 2)"));
        assertFalse(html.contains("<img src=x"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; 我睡不好 &amp; &quot;worse&quot;"));
        assertTrue(html.contains("(P27)"));
        assertTrue(html.contains("rowspan=\"2\""));
        assertTrue(html.contains("Other outcomes without qualitative data:"));
    }

    @Test
    void docxHasARealTableWithARepeatedHeaderAndTheQuotes() throws Exception {
        assumeTrue(Files.exists(WQY), "fonts-wqy-microhei is not installed; .ci/setup-machine installs it");
        byte[] docx = DocxReportRenderer.withDefaults().withFontFile(WQY).render(withQuotes(), CONTEXT);
        XWPFDocument doc = DocxInspection.open(docx);
        XWPFTable table = DocxInspection.tableWithHeader(doc, "Theme");
        assertEquals(1, DocxInspection.headerRows(table));
        assertEquals(1 + 2 + 1, table.getNumberOfRows()); // header, pain: 2 themes, sleep: 1 theme
        String all = String.join("\n", table.getRows().stream().flatMap(r -> DocxInspection.cells(r).stream()).toList());
        assertTrue(all.contains("\u201C" + HOSTILE_QUOTE + "\u201D (P27)"), all);
        assertTrue(all.contains("Life impact 生活影响"));
    }

    @Test
    void pdfShowsTheJointDisplayWithCjk() throws Exception {
        assumeTrue(Files.exists(WQY), "fonts-wqy-microhei is not installed; .ci/setup-machine installs it");
        byte[] pdf = PdfReportRenderer.withDefaults().withFontFile(WQY).render(withQuotes(), CONTEXT);
        String text = PdfReportRendererTest.allText(new PdfReader(pdf));
        assertTrue(text.contains("Table 2"), text);
        assertTrue(text.contains("P27"), text);
        assertTrue(text.replaceAll("\\s", "").contains("Lifeimpact生活影响"), text); // a narrow column wraps it
    }
}
