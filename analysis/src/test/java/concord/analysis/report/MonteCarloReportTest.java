package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.lowagie.text.pdf.PdfReader;
import concord.analysis.FisherExactResult;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/**
 * Where the Fisher–Freeman–Halton p is a Monte Carlo estimate, every report format says so and
 * gives the 99% confidence interval, the number of sampled tables and the seed (as SPSS does).
 */
class MonteCarloReportTest {

    private final StudyResult result = StudyResults.monteCarlo();
    private final FisherExactResult pain = result.outcomes().get(0).comparison().fisherExact().orElseThrow();

    @Test
    void theFixtureIsAMonteCarloEstimate() {
        for (OutcomeResult o : result.outcomes()) {
            FisherExactResult f = o.comparison().fisherExact().orElseThrow();
            assertEquals(FisherExactResult.Method.MONTE_CARLO, f.method(), o.outcome().label());
            assertEquals(10_000, f.count());
            assertEquals(20_260_101L, f.seed());
        }
        assertTrue(result.methods().stream().anyMatch(m -> m.startsWith("Fisher–Freeman–Halton p estimated by Monte Carlo for 3 outcomes — Pain: p = ")),
                String.join("\n", result.methods()));
    }

    @Test
    void htmlShowsTheEstimateWithAFootnoteGivingIntervalSamplesAndSeed() {
        String html = HtmlReportRenderer.withDefaults().html(result, ReportContext.undated());
        assertTrue(html.contains("<th scope=\"col\">Exact p</th>"), "exact p column");
        String note = "Monte Carlo estimate of the exact p: 99% CI " + FisherExactResult.fourDigits(pain.lower()) + "–"
                + FisherExactResult.fourDigits(pain.upper()) + ", 10,000 sampled tables, seed 20260101 (";
        assertTrue(html.contains(HtmlTables.escapeText(note)), html);
        // the note is a footnote of a value, not a "not computable" reason
        assertTrue(!html.contains("\u2014 " + HtmlTables.escapeText(note)), "no dash before the note");
        assertTrue(html.contains("network algorithm needs more than 5 steps"), "why the exact methods were not used");
    }

    @Test
    void spreadsheetHasMethodIntervalSamplesAndSeedColumns() throws Exception {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                XlsxReportRenderer.withDefaults().render(result, ReportContext.undated())))) {
            List<Row> rows = workbook.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(c -> c.getRawValue()).toList();
            int method = header.indexOf("Exact p method");
            assertTrue(method > 0, header.toString());
            Row first = rows.get(1);
            assertEquals("Monte Carlo", first.getCell(method).getRawValue());
            assertEquals(pain.lower(), first.getCell(method + 1).asNumber().doubleValue(), 1e-15);
            assertEquals(pain.upper(), first.getCell(method + 2).asNumber().doubleValue(), 1e-15);
            assertEquals(10_000, first.getCell(method + 3).asNumber().intValueExact());
            assertEquals(20_260_101, first.getCell(method + 4).asNumber().intValueExact());
        }
    }

    @Test
    void csvHasMethodIntervalSamplesAndSeedColumns() {
        byte[] csv = CsvReportRenderer.withDefaults().render(result, ReportContext.undated());
        List<List<String>> rows = CsvReportRendererTest.parse(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8));
        int method = rows.get(0).indexOf("fisher_exact_method");
        assertEquals(List.of("fisher_exact_method", "fisher_exact_ci99_lower", "fisher_exact_ci99_upper",
                "fisher_exact_samples", "fisher_exact_seed"), rows.get(0).subList(method, method + 5));
        assertEquals("monte_carlo", rows.get(1).get(method));
        assertEquals(pain.lower(), Double.parseDouble(rows.get(1).get(method + 1)), 1e-15);
        assertEquals(pain.upper(), Double.parseDouble(rows.get(1).get(method + 2)), 1e-15);
        assertEquals(List.of("10000", "20260101"), rows.get(1).subList(method + 3, method + 5));
        // exact results leave those columns empty
        byte[] exact = CsvReportRenderer.withDefaults().render(StudyResults.threeGroups(), ReportContext.undated());
        List<String> row = CsvReportRendererTest.parse(new String(exact, 3, exact.length - 3, StandardCharsets.UTF_8)).get(1);
        assertEquals(List.of("enumeration", "", "", "", ""), row.subList(method, method + 5));
    }

    @Test
    void docxFootnoteGivesIntervalSamplesAndSeed() {
        byte[] docx = DocxReportRendererTest.render(result);
        String footnotes = DocxInspection.part(docx, "word/footnotes.xml");
        assertTrue(footnotes.contains("Monte Carlo estimate of the exact p: 99% CI " + FisherExactResult.fourDigits(pain.lower())
                + "–" + FisherExactResult.fourDigits(pain.upper()) + ", 10,000 sampled tables, seed 20260101"), footnotes);
        String text = DocxReportRendererTest.allText(DocxInspection.open(docx));
        assertTrue(text.contains("Fisher–Freeman–Halton p estimated by Monte Carlo for 3 outcomes"), "methods");
    }

    @Test
    void pdfFootnoteGivesIntervalSamplesAndSeed() throws Exception {
        String text = PdfReportRendererTest.allText(new PdfReader(PdfReportRenderer.withDefaults().render(result, ReportContext.undated())))
                .replaceAll("\\s+", " ");
        assertTrue(text.contains("Monte Carlo estimate of the exact p: 99% CI " + FisherExactResult.fourDigits(pain.lower())), text);
        assertTrue(text.contains("10,000 sampled tables, seed 20260101"), text);
        assertTrue(text.contains("Exact p"), text);
    }
}
