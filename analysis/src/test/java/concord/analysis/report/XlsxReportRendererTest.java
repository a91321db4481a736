package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

class XlsxReportRendererTest {

    private static final ReportContext CONTEXT = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"));
    private final XlsxReportRenderer renderer = XlsxReportRenderer.withDefaults();

    @Test
    void hasTheSixSheets() throws Exception {
        try (ReadableWorkbook workbook = read(renderer.render(StudyResults.fromEngine(), CONTEXT))) {
            assertEquals(List.of("Table 1", "Characteristics", "Differing", "Consensus", "Domains", "Methods"),
                    workbook.getSheets().map(Sheet::getName).toList());
        }
    }

    @Test
    void table1StatisticsAreNumbersWithPaperFormats() throws Exception {
        try (ReadableWorkbook workbook = read(renderer.render(StudyResults.handBuilt(), CONTEXT))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Row header = rows.get(0);
            Row doctor = rows.get(1);
            assertEquals("Effective rate", doctor.getCell(1).asString());
            Cell pctTop = doctor.getCell(column(header, "% 7\u20139"));
            assertEquals(CellType.NUMBER, pctTop.getType());
            assertEquals(23 * 100.0 / 26, pctTop.asNumber().doubleValue(), 1e-12);
            assertEquals("0.0", pctTop.getDataFormatString());
            Cell chiP = doctor.getCell(column(header, "Chi-square p"));
            assertEquals(new BigDecimal("0.5168"), chiP.asNumber());
            assertEquals("[<0.001]\"<0.001\";0.000", chiP.getDataFormatString());
            assertEquals(CellType.NUMBER, doctor.getCell(column(header, "n")).getType());
        }
    }

    @Test
    void notComputableCellsAreEmptyWithTheReasonInNotes() throws Exception {
        try (ReadableWorkbook workbook = read(renderer.render(StudyResults.handBuilt(), CONTEXT))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Row header = rows.get(0);
            Row silentDoctor = rows.get(3);
            Row silentPatient = rows.get(4);
            Cell sd = silentDoctor.getCell(column(header, "SD"));
            assertTrue(sd == null || sd.getType() == CellType.EMPTY, "SD of one answer is empty");
            assertTrue(silentDoctor.getCell(column(header, "Notes")).asString().contains("sd: needs at least 2 valid answers"));
            assertTrue(silentPatient.getCell(column(header, "Notes")).asString().contains("no valid answers (30 missing)"));
        }
    }

    @Test
    void neutralisesFormulaInjectionButKeepsNumbersNumeric() throws Exception {
        try (ReadableWorkbook workbook = read(renderer.render(StudyResults.fromEngine(), CONTEXT))) {
            List<Row> rows = workbook.getFirstSheet().read();
            Row header = rows.get(0);
            Row link = rows.stream().filter(r -> "link".equals(r.getCell(0).getText())).findFirst().orElseThrow();
            assertEquals("'" + StudyResults.FORMULA, link.getCell(1).asString());
            assertNull(link.getCell(1).getFormula());
            Cell z = link.getCell(column(header, "Z"));
            assertEquals(CellType.NUMBER, z.getType());
            assertTrue(z.asNumber().signum() <= 0, "SPSS Z is not positive and stays a number");
            List<Row> characteristics = workbook.getSheet(1).orElseThrow().read();
            assertTrue(characteristics.stream().anyMatch(r -> "'-Male, n".equals(r.getCell(1).getText())));
        }
    }

    @Test
    void keepsChineseAndCyrillicLabels() throws Exception {
        try (ReadableWorkbook workbook = read(renderer.render(StudyResults.fromEngine(), CONTEXT))) {
            String all = workbook.getFirstSheet().read().stream().map(r -> r.getCell(1).getText()).reduce("", String::concat);
            assertTrue(all.contains(StudyResults.CHINESE) && all.contains(StudyResults.CYRILLIC), all);
        }
    }

    @Test
    void sameResultGivesTheSameBytesAndTheContextTimestamp() throws Exception {
        byte[] first = renderer.render(StudyResults.fromEngine(), CONTEXT);
        Thread.sleep(1100);
        assertArrayEquals(first, renderer.render(StudyResults.fromEngine(), CONTEXT));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(first))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("docProps/core.xml")) {
                    String core = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(core.contains(">2026-03-01T10:00:00Z</dcterms:created>"), core);
                }
            }
        }
    }

    private static int column(Row header, String name) {
        for (int c = 0; c < header.getCellCount(); c++) {
            if (name.equals(header.getCell(c).getText())) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    private static ReadableWorkbook read(byte[] xlsx) throws Exception {
        return new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false));
    }
}
