package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfReader;
import concord.analysis.StudyResult;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** All four formats on the reference study at full size (57 outcomes, 56 participants). */
class ReferenceStudyReportTest {

    private static final ReportContext CONTEXT = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"));
    private static StudyResult clbp;

    @BeforeAll
    static void analyse() {
        clbp = StudyResults.clbp();
    }

    @Test
    void htmlShowsEveryOutcomeAndOneFigure2EntryPerDifferingOutcome() throws Exception {
        String html = HtmlReportRenderer.withDefaults().html(clbp, CONTEXT);
        assertEquals(57, HtmlReportRendererTest.count(html, "<th scope=\"rowgroup\" rowspan=\"2\">"));
        String figure2 = SvgCharts.figure2(clbp, "x");
        int differing = clbp.differingOutcomes().size();
        assertTrue(differing > 10, "the paper reports 22 differing outcomes; got " + differing);
        assertEquals(differing, HtmlReportRendererTest.count(figure2, "<g role=\"group\""));
        SvgChartsTest.parse(figure2);
        assertTrue(Pattern.compile("Critical for both.*Pain/discomfort", Pattern.DOTALL).matcher(SvgCharts.consensusMatrix(clbp, "m")).find());
    }

    @Test
    void pdfPagesFigure2AndKeepsEveryOutcomeInTable1() throws Exception {
        PdfReader reader = new PdfReader(PdfReportRenderer.withDefaults().render(clbp, CONTEXT));
        String text = PdfReportRendererTest.allText(reader);
        for (String outcome : new String[] {"Effective rate", "Adverse event", "Healthcare Utilization", "Stigmatization"}) {
            assertTrue(text.contains(outcome), outcome);
        }
        assertTrue(text.contains("Figure 2. Outcomes that differ between groups (1\u2013"), "Figure 2 spans pages");
        assertTrue(reader.getNumberOfPages() >= 6, "pages: " + reader.getNumberOfPages());
    }

    @Test
    void xlsxAndCsvHaveARowPerOutcomeAndGroup() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(XlsxReportRenderer.withDefaults().render(clbp, CONTEXT)))) {
            assertEquals(1 + 57 * 2, workbook.getFirstSheet().read().size());
        }
        byte[] csv = CsvReportRenderer.withDefaults().render(clbp, CONTEXT);
        assertEquals(1 + 57 * 2, CsvReportRendererTest.parse(new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8)).size());
    }
}
