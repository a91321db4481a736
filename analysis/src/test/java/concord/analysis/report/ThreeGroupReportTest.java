package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfReader;
import concord.analysis.StudyResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

/** More than two groups: Kruskal–Wallis columns, consensus patterns, three bars per outcome. */
class ThreeGroupReportTest {

    private final StudyResult result = StudyResults.threeGroups();

    @Test
    void htmlNamesTheRankTestAndListsConsensusPatterns() throws Exception {
        String html = HtmlReportRenderer.withDefaults().html(result, ReportContext.undated());
        assertTrue(html.contains("Kruskal\u2013Wallis p"), "rank test column");
        assertTrue(html.contains("Critical for all groups"), html);
        assertTrue(html.contains("rowspan=\"3\""), "three group rows per outcome");
        SvgChartsTest.parse(SvgCharts.consensusMatrix(result, "k"));
        String figure2 = SvgCharts.figure2(result, "k");
        SvgChartsTest.parse(figure2);
        assertEquals(result.differingOutcomes().size() * 3, HtmlReportRendererTest.count(figure2, "<circle "));
    }

    @Test
    void spreadsheetAndCsvHaveARowPerGroup() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                XlsxReportRenderer.withDefaults().render(result, ReportContext.undated())))) {
            assertEquals(1 + 3 * 3, workbook.getFirstSheet().read().size());
        }
        byte[] csv = CsvReportRenderer.withDefaults().render(result, ReportContext.undated());
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertEquals(1 + 3 * 3, CsvReportRendererTest.parse(text).size());
        assertTrue(text.contains(",kruskal_wallis,"));
    }

    @Test
    void pdfRenders() throws Exception {
        String text = PdfReportRendererTest.allText(new PdfReader(PdfReportRenderer.withDefaults().render(result, ReportContext.undated())));
        assertTrue(text.contains("Nurses") && text.contains("Kruskal"), text);
    }
}
